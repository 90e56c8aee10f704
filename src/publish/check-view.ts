/**
 * What a check run shows, decided without GitHub: its conclusion, its title, the commit it
 * belongs to, and a summary cut to GitHub's limit.
 */

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'timed_out' | 'cancelled'

import type { Env } from '../shared/env.js'

/**
 * GitHub's limit for a check run's `output.summary`. GitHub documents it as characters but
 * enforces it in UTF-8 bytes ("summary exceeds a maximum bytesize of 65535"), and the job
 * summary carries multi-byte marks (✅ ⏳ ⏱️), so the cut is measured in bytes.
 */
export const CHECK_SUMMARY_LIMIT = 65_535

const CUT_NOTE =
  '\n\n---\n_This summary was cut to fit the 65,535-character limit of a check run. The full table is in the job summary of the workflow run._\n'
const TABLE_CLOSE = '</table>'

/** `markdown` as is when it fits the limit; else cut at a row or line boundary, with a note. */
export function fitCheckSummary(markdown: string): string {
  const bytes = Buffer.from(markdown, 'utf8')
  if (bytes.length <= CHECK_SUMMARY_LIMIT) return markdown
  const budget =
    CHECK_SUMMARY_LIMIT - Buffer.byteLength(CUT_NOTE, 'utf8') - Buffer.byteLength(TABLE_CLOSE)
  // Back up to the start of a UTF-8 sequence: never split a character.
  let end = budget
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  let head = bytes.subarray(0, end).toString('utf8')
  // Prefer ending after a whole table row or line; else at least not inside a tag.
  const boundary = Math.max(head.lastIndexOf('</tr>') + '</tr>'.length, head.lastIndexOf('\n') + 1)
  if (boundary > head.length / 2) head = head.slice(0, boundary)
  else if (head.lastIndexOf('<') > head.lastIndexOf('>'))
    head = head.slice(0, head.lastIndexOf('<'))
  const opened = head.split('<table').length - 1
  const closed = head.split(TABLE_CLOSE).length - 1
  return `${head}${opened > closed ? TABLE_CLOSE : ''}${CUT_NOTE}`
}

/** The commit the workflow tests: a pull request's head (not its merge commit), else GITHUB_SHA. */
export function commitUnderTest(env: Env, payload: unknown): string | undefined {
  const head = field(field(field(payload, 'pull_request'), 'head'), 'sha')
  if (typeof head === 'string' && head !== '') return head
  return env.GITHUB_SHA || undefined
}

/** `value[key]` for JSON of unknown shape (event payloads, API errors). */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined
}

/**
 * The check's conclusion for the wait's result. Failed packs under `fail-on-failure: false`
 * (the step does not fail) conclude `neutral`; non-compliant packs conclude `failure`.
 */
export function conclusionFor(
  result: 'success' | 'failure' | 'timeout' | 'cancelled' | 'noncompliant',
  failStep: boolean
): CheckConclusion {
  switch (result) {
    case 'success':
      return 'success'
    case 'failure':
      return failStep ? 'failure' : 'neutral'
    case 'noncompliant':
      return 'failure'
    case 'timeout':
      return 'timed_out'
    case 'cancelled':
      return 'cancelled'
  }
}

export interface PackCounts {
  readonly completed: number
  readonly failed: number
  readonly pending: number
  readonly missing: number
}

/** How many packs are in each list of a verdict. */
export function packCounts(lists: {
  readonly [K in keyof PackCounts]: readonly string[]
}): PackCounts {
  return {
    completed: lists.completed.length,
    failed: lists.failed.length,
    pending: lists.pending.length,
    missing: lists.missing.length
  }
}

/** The check run's title: '2 of 3 packs deployed, 1 failed', or 'Waiting: 1 of 3 packs deployed'. */
export function checkTitle(counts: PackCounts, done: boolean): string {
  const total = counts.completed + counts.failed + counts.pending + counts.missing
  if (total === 0) return done ? 'No conformance packs found' : 'Waiting for conformance packs'
  const extras = [
    [counts.failed, 'failed'],
    [counts.missing, 'not found'],
    // While waiting, the packs not yet deployed are pending by definition.
    [done ? counts.pending : 0, 'pending']
  ]
    .filter(([n]) => n !== 0)
    .map(([n, what]) => `, ${n} ${what}`)
    .join('')
  const line = `${counts.completed} of ${total} pack${total === 1 ? '' : 's'} deployed${extras}`
  return done ? line : `Waiting: ${line}`
}
