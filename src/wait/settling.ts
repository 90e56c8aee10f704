import type { CallFailure, ClassifiedError } from '../shared/failure.js'
import type { Log } from '../shared/log.js'
import { detailOf, found, type PackStatus } from '../packs/pack-state.js'
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
          const answer = await settledState(pack, settler, bound, log)
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

/**
 * Seen from a delegated administrator, an organization pack's aggregate status can stay
 * *_IN_PROGRESS after every member account has finished: the accounts themselves say. Settled
 * only when none is still in progress and at least one has reported this operation's end; with
 * no account record at all, nothing has been deployed anywhere yet. Undefined: still in
 * progress, as reported.
 */
export async function settledState(
  pack: PackStatus,
  settler: Settler,
  bound: RequestBound,
  log: Log
): Promise<PackStatus | undefined> {
  const any = (status: string): Promise<boolean> =>
    settler.anyMemberAccount(pack.name, status, bound)
  const operation = pack.state.replace(/_IN_PROGRESS$/, '')
  if (await any(pack.state)) return undefined
  const failed = await any(`${operation}_FAILED`)
  if (!failed && !(await any(`${operation}_SUCCESSFUL`))) {
    log.debug(`${pack.name}: reported ${pack.state}, and no member account has reported yet`)
    return undefined
  }
  const state = `${operation}_${failed ? 'FAILED' : 'SUCCESSFUL'}`
  log.debug(`${pack.name}: reported ${pack.state}, but no member account is; settled as ${state}`)
  return found({
    ...detailOf(pack),
    name: pack.name,
    state,
    reason: `AWS Config still reports ${pack.state}, but every member account has finished${failed ? ' and at least one failed' : ''}`
  })
}

/** Credentials AWS rejects fail every call, the aggregate's too: that is the wait's error. */
const endsTheRound = (failure: ClassifiedError): boolean =>
  failure.kind === 'permanent' &&
  (failure.cause === 'credentials' || failure.cause === 'expired-credentials')
