import { dayAt, dayOf } from './days.js'
import { templateRuleName, type Finding } from './finding.js'
import type { Baseline, BaselineEntry } from './parse.js'

/** An entry that expires within this many days (and still accepts) is warned about. */
export const EXPIRY_WARNING_DAYS = 14

/** A finding an entry of the baseline accepts: it does not fail the gate. */
export interface KnownFinding {
  readonly status: 'known'
  readonly finding: Finding
  /** The first entry of the file that accepts it; its `reason` goes beside the finding. */
  readonly entry: BaselineEntry
}

/** A finding no entry accepts: it fails the gate. */
export interface NewFinding {
  readonly status: 'new'
  readonly finding: Finding
  /** The entry that would have accepted it had it not expired (the first of the file). */
  readonly expiredEntry?: BaselineEntry
}

export type JudgedFinding = KnownFinding | NewFinding

/** An entry that still accepts findings but stops within EXPIRY_WARNING_DAYS. */
export interface ExpiringEntry {
  readonly entry: BaselineEntry
  /** Its last day, `YYYY-MM-DD`. */
  readonly expires: string
  /** Days from today to its last day: 0 when today is its last day. */
  readonly daysLeft: number
}

export interface Judgement {
  /** Every finding, in the order given. */
  readonly findings: readonly JudgedFinding[]
  /** Entries that accepted a finding this time and stop within EXPIRY_WARNING_DAYS. */
  readonly expiringSoon: readonly ExpiringEntry[]
  /** Entries that match no finding any more, expired or not: the file can drop them. */
  readonly fixed: readonly BaselineEntry[]
}

/**
 * Judges each finding against the baseline on `today` (epoch ms; only its UTC day counts). An
 * entry accepts a finding when its rule is the finding's rule (both without the pack's
 * suffix), its resourceId is the finding's or `*`, each of resourceType, pack and region it
 * gives is the finding's, and it has not expired: `expires: 2027-03-31` accepts through that
 * day and nothing from 2027-04-01.
 */
export function judgeFindings(
  baseline: Baseline,
  findings: readonly Finding[],
  today: number
): Judgement {
  const day = dayAt(today)
  const lastDay = new Map(baseline.entries.map((e) => [e, lastDayOf(e)]))
  const live = (e: BaselineEntry): boolean => (lastDay.get(e) ?? Infinity) >= day
  const matched = new Set<BaselineEntry>()
  const accepting = new Set<BaselineEntry>()
  const judged = findings.map((finding): JudgedFinding => {
    const matching = baseline.entries.filter((e) => matches(e, finding))
    for (const e of matching) matched.add(e)
    const entry = matching.find(live)
    if (entry) {
      accepting.add(entry)
      return { status: 'known', finding, entry }
    }
    const expiredEntry = matching[0]
    return { status: 'new', finding, ...(expiredEntry ? { expiredEntry } : {}) }
  })
  const expiringSoon = baseline.entries.flatMap((entry): ExpiringEntry[] => {
    const last = lastDay.get(entry)
    if (!accepting.has(entry) || last === undefined || entry.expires === undefined) return []
    const daysLeft = last - day
    return daysLeft > EXPIRY_WARNING_DAYS ? [] : [{ entry, expires: entry.expires, daysLeft }]
  })
  const fixed = baseline.entries.filter((e) => !matched.has(e))
  return { findings: judged, expiringSoon, fixed }
}

/** Whether the entry names the finding, leaving its expiry aside. */
export function matches(entry: BaselineEntry, finding: Finding): boolean {
  return (
    sameRule(entry.rule, finding.rule) &&
    (entry.resourceId === '*' || entry.resourceId === finding.resourceId) &&
    (entry.resourceType === undefined || entry.resourceType === finding.resourceType) &&
    (entry.pack === undefined || entry.pack === finding.pack) &&
    (entry.region === undefined || entry.region === finding.region)
  )
}

/**
 * An entry's rule names the finding's when both name the same template rule. The entry's is
 * taken as written too, so that a template rule whose own name ends like a suffix still
 * matches its deployed rule.
 */
function sameRule(entryRule: string, awsRule: string): boolean {
  const name = templateRuleName(awsRule)
  return entryRule === name || templateRuleName(entryRule) === name
}

function lastDayOf(entry: BaselineEntry): number | undefined {
  return entry.expires === undefined ? undefined : dayOf(entry.expires)
}
