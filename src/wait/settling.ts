import type { CallFailure, ClassifiedError } from '../shared/failure.js'
import type { Log } from '../shared/log.js'
import type { PackStatus } from '../packs/pack-state.js'
import type { RequestBound, Settler } from './status-source.js'

/** Failed settling reads in a row before the warning, when each one was transient. */
export const SETTLE_FAILURES_BEFORE_WARNING = 3

export interface Settling {
  /**
   * The packs among `candidates` that have in fact settled. `stop` is set only for a failure
   * that must end the round (cancellation, credentials AWS rejects): every other failure
   * leaves the reported states as they are.
   */
  settle(
    candidates: readonly PackStatus[],
    bound: RequestBound,
    classify: (error: unknown, iamAction: string) => CallFailure
  ): Promise<{ readonly settled: PackStatus[]; readonly stop?: CallFailure }>
}

/**
 * Settling is an optional read: denied, it is given up with one warning; failing round after
 * round, it warns once and keeps trying. Either way the aggregate status decides, so a wait
 * that the aggregate would finish is never failed by it.
 */
export function bestEffortSettling(settler: Settler, log: Log): Settling {
  let givenUp = false
  let failures = 0
  let warned = false

  const trouble = (failure: ClassifiedError): void => {
    failures += 1
    if (failure.kind === 'permanent') givenUp = true
    if (warned || (!givenUp && failures < SETTLE_FAILURES_BEFORE_WARNING)) return
    warned = true
    log.warning(
      `The optional read ${settler.iamAction} failed${givenUp ? '' : ` ${failures} times in a row`}: ${failure.message} Going on with the status AWS Config reports for the organization pack as a whole${givenUp ? '' : '; still trying'}.`
    )
  }

  return {
    async settle(candidates, bound, classify) {
      const settled: PackStatus[] = []
      for (const pack of candidates) {
        if (givenUp) break
        try {
          const answer = await settler.settled(pack, bound)
          failures = 0
          if (answer) settled.push(answer)
        } catch (error) {
          const failure = classify(error, settler.iamAction)
          if (failure.kind === 'cancelled' || endsTheRound(failure))
            return { settled, stop: failure }
          trouble(failure)
          // The next packs would meet the same denial or outage.
          break
        }
      }
      return { settled }
    }
  }
}

/** Credentials AWS rejects fail every call, the aggregate's too: that is the wait's error. */
const endsTheRound = (failure: ClassifiedError): boolean =>
  failure.kind === 'permanent' &&
  (failure.cause === 'credentials' || failure.cause === 'expired-credentials')
