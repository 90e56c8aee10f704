import { describeFinding } from './finding.js'
import type { ExpiringEntry, KnownFinding, NewFinding } from './judge.js'
import type { BaselineEntry } from './parse.js'

/**
 * Sentences about a judgement for messages, plain text (the file's text and AWS's are data: a
 * renderer escapes them for where they go).
 */

/** `findings[2] (rule s3-bucket-versioning-enabled, resourceId acme-logs)`. */
export function entryLabel(entry: BaselineEntry): string {
  return `findings[${entry.index}] (rule ${entry.rule}, resourceId ${entry.resourceId})`
}

/** A new finding, and why an entry that names it no longer accepts it. */
export function newFindingText(judged: NewFinding): string {
  const head = `${describeFinding(judged.finding)} is new`
  const expired = judged.expiredEntry
  if (!expired?.expires) return head
  return `${head}: the baseline's entry ${entryLabel(expired)} expired on ${expired.expires}`
}

/** A known finding, with the reason its entry gives. */
export function knownFindingText(judged: KnownFinding): string {
  const head = `${describeFinding(judged.finding)} is known`
  return judged.entry.reason ? `${head}: ${judged.entry.reason}` : head
}

/** The warning for an entry that stops accepting soon. */
export function expiringText(e: ExpiringEntry): string {
  const when = e.daysLeft === 0 ? 'today' : `in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'}`
  return `The baseline's entry ${entryLabel(e.entry)} expires on ${e.expires} (${when}): from the day after, its findings are new`
}

/** An entry that matched nothing. */
export function fixedText(entry: BaselineEntry): string {
  return `The baseline's entry ${entryLabel(entry)} matches no finding any more: it can be removed`
}
