import type { Log } from '../shared/log.js'
import type { Clock } from '../shared/clock.js'
import { isMissing } from './evaluation-requests.js'
import { MAX_START_NAMES, type RuleEvaluationSource } from './rule-evaluation-reads.js'

/**
 * A start refused as already running (LimitExceededException): the evaluation that blocks
 * ours began at most this long before, since the same rules may be started once a minute.
 */
export const START_INTERVAL_MS = 60_000

/**
 * `start-evaluation`: starts the rules named, 25 a call, once, and records per rule the time
 * its result must be newer than: when the call was sent, or a minute before a refusal (one is
 * running; the pack completed before it, so its result belongs to the deployment too).
 */
export async function startEvaluations(
  source: RuleEvaluationSource,
  pack: string,
  names: readonly string[],
  started: Map<string, number>,
  deps: { readonly clock: Clock; readonly log: Log; readonly signal: AbortSignal }
): Promise<void> {
  const { clock, log } = deps
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
    const at = outcome.kind === 'started' ? sentAt : sentAt - START_INTERVAL_MS
    for (const name of batch) started.set(name, at)
  }
}
