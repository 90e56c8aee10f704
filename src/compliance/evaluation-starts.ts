import type { Log } from '../shared/log.js'
import type { Clock } from '../shared/clock.js'
import { isMissing } from './evaluation-requests.js'
import { MAX_START_NAMES, type RuleEvaluationSource } from './rule-evaluation-reads.js'
import type { StartedEvaluation } from './rule-judgement.js'

/**
 * The same rules may be started once a minute: a start refused as already running
 * (LimitExceededException) is tried again this long after it, on the clock (pacing only).
 */
export const START_INTERVAL_MS = 60_000

/**
 * `start-evaluation`: starts the rules named, 25 a call, and records per rule what its result
 * must be later than: `lastBefore(rule)`, AWS's time of its newest evaluation read before the
 * start. A refusal (one is running, or one was started less than a minute ago) keeps the same
 * rule: the running evaluation lands later than that; one that landed before the read is
 * followed by a start of ours a minute later.
 */
export async function startEvaluations(
  source: RuleEvaluationSource,
  pack: string,
  names: readonly string[],
  lastBefore: (rule: string) => number | undefined,
  deps: { readonly clock: Clock; readonly log: Log; readonly signal: AbortSignal }
): Promise<Map<string, StartedEvaluation>> {
  const { clock, log } = deps
  const started = new Map<string, StartedEvaluation>()
  for (let i = 0; i < names.length; i += MAX_START_NAMES) {
    const batch = names.slice(i, i + MAX_START_NAMES)
    const sentAt = clock.now()
    let outcome
    try {
      outcome = await source.startEvaluation(batch, deps.signal)
    } catch (error) {
      if (!isMissing(error, 'rule')) throw error
      log.warning(
        `Conformance pack ${pack}: a rule of [${batch.join(', ')}] no longer exists; no evaluation started for them.`
      )
      continue
    }
    if (outcome.kind === 'already-running') {
      log.info(
        `Conformance pack ${pack}: an evaluation of ${batch.join(', ')} is already running; waiting for it.`
      )
    } else {
      log.info(`Conformance pack ${pack}: started an evaluation of ${batch.join(', ')}.`)
    }
    for (const name of batch) {
      const before = lastBefore(name)
      started.set(name, {
        sentAt,
        ...(before !== undefined ? { lastBefore: before } : {}),
        ...(outcome.kind === 'already-running' ? { refused: true as const } : {})
      })
    }
  }
  return started
}
