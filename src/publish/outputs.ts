import type { Finding } from '../baseline/index.js'
import type { ComplianceEntry } from '../compliance/gate.js'
import { byAttention, type PackState } from '../packs/pack-state.js'
import type { Result } from '../verdict/verdict.js'
import type { StatusEntry } from './report.js'

/**
 * The action's outputs, in the order they are written. action.yml declares exactly these
 * (scripts/validate-action.ts checks it against this list).
 */
export const OUTPUT_NAMES = [
  'result',
  'statuses',
  'completed-packs',
  'failed-packs',
  'pending-packs',
  'missing-packs',
  'compliance',
  'new-findings',
  'noncompliant-packs'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]

/** What the outputs hold; every list is written as JSON. */
export interface ActionOutputs {
  readonly result: Result
  readonly statuses: readonly (StatusEntry | StatusesTruncated)[]
  readonly 'completed-packs': readonly string[]
  readonly 'failed-packs': readonly string[]
  readonly 'pending-packs': readonly string[]
  readonly 'missing-packs': readonly string[]
  readonly compliance: readonly ComplianceEntry[]
  readonly 'new-findings': readonly Finding[]
  readonly 'noncompliant-packs': readonly string[]
}

/** The outputs of a run that stopped before any wait: a failure with empty lists. */
export const FAILED_BEFORE_WAIT: ActionOutputs = {
  result: 'failure',
  statuses: [],
  'completed-packs': [],
  'failed-packs': [],
  'pending-packs': [],
  'missing-packs': [],
  compliance: [],
  'new-findings': [],
  'noncompliant-packs': []
}

/** Each output as the runner stores it: `result` as text, the lists as JSON. */
export function outputValues(outputs: ActionOutputs): [OutputName, string][] {
  return OUTPUT_NAMES.map((name) => {
    const value = outputs[name]
    return [name, typeof value === 'string' ? value : JSON.stringify(value)]
  })
}

/** GitHub rejects a job whose outputs add up to more than 1 MB. */
export const JOB_OUTPUTS_LIMIT_BYTES = 1_000_000

/**
 * The most `statuses` may take, as UTF-8 JSON: about 2,500 packs' entries. Well under the job's
 * limit, so that the other outputs of this step (the name lists) and of the job's other steps
 * still fit beside it.
 */
export const STATUSES_LIMIT_BYTES = 600_000

/** The last element of a trimmed `statuses`: how many entries were left out and where to look. */
export interface StatusesTruncated {
  readonly truncated: true
  readonly omitted: number
  readonly total: number
  readonly see: string
}

const SEE =
  'failed-packs, pending-packs, missing-packs and completed-packs name every pack; the job summary has the details'

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8')

/**
 * `statuses` whole, in its order, while its JSON fits in `limitBytes`; past that, the failed
 * packs first, then the unfinished ones, then the others, as many as fit, and a
 * `{"truncated": true, …}` marker as the last element (a script tells it by `truncated`; it has
 * no `name` or `state`).
 */
export function limitStatuses(
  entries: readonly StatusEntry[],
  limitBytes: number = STATUSES_LIMIT_BYTES
): (StatusEntry | StatusesTruncated)[] {
  if (bytes(entries) <= limitBytes) return [...entries]
  // The order the job summary keeps rows in when it is cut short: failed, pending, missing.
  const ordered = byAttention(entries, (entry) => entry.state as PackState)
  const marker = (kept: number): StatusesTruncated => ({
    truncated: true,
    omitted: entries.length - kept,
    total: entries.length,
    see: SEE
  })
  // Brackets, and a comma before every element but the first.
  let used = 2 + bytes(marker(0))
  let kept = 0
  for (const entry of ordered) {
    const size = bytes(entry) + 1
    if (used + size > limitBytes) break
    used += size
    kept += 1
  }
  return [...ordered.slice(0, kept), marker(kept)]
}
