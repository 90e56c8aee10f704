/** The five states DescribeConformancePackStatus reports for an account's packs. */
export const SERVICE_STATES = [
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'CREATE_FAILED',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED'
] as const

export type ServiceState = (typeof SERVICE_STATES)[number]

/** The nine states DescribeOrganizationConformancePackStatuses reports for organization packs. */
export const ORGANIZATION_STATES = (['CREATE', 'UPDATE', 'DELETE'] as const).flatMap((op) =>
  (['IN_PROGRESS', 'SUCCESSFUL', 'FAILED'] as const).map((phase) => `${op}_${phase}` as const)
)

export type OrganizationState = (typeof ORGANIZATION_STATES)[number]

/** A state the service reports, in either scope. */
export type ReportedState = ServiceState | OrganizationState

/**
 * A pack's state as this action reports it: the service's states plus four that the
 * service never names but a waiter has to tell apart.
 * - DELETE_COMPLETE: an account pack seen deleting, then gone (an organization pack that
 *   does so is DELETE_SUCCESSFUL, a state of its own scope).
 * - NOT_FOUND: not there (also a pack seen creating that then vanished).
 * - UNKNOWN: never answered for (every call failed so far).
 * - PREVIOUS_DEPLOYMENT: the record shows a deployment requested before `requested-after`
 *   (its state, failure included, decides nothing; see deployment.ts).
 */
export type PackState =
  ReportedState | 'DELETE_COMPLETE' | 'NOT_FOUND' | 'UNKNOWN' | 'PREVIOUS_DEPLOYMENT'

/** What a state means for the wait. */
export type Outcome = 'completed' | 'failed' | 'in-progress' | 'missing' | 'unknown'

export type MissingPackPolicy = 'fail' | 'wait' | 'ignore'

/** The state a pack seen deleting has once it is gone, per scope. */
export type DeletedState = 'DELETE_COMPLETE' | 'DELETE_SUCCESSFUL'

/** Whether a state says the pack is gone: deleted (either scope). The one test of "deleted". */
export function isDeleted(state: string): state is DeletedState {
  return state === 'DELETE_COMPLETE' || state === 'DELETE_SUCCESSFUL'
}

/**
 * The order in which packs need a person's eye, wherever a list is cut short: failed first,
 * then those still pending (or never answered for), then missing ones, then the completed.
 */
export const ATTENTION_RANK: Readonly<Record<Outcome, number>> = {
  failed: 0,
  'in-progress': 1,
  unknown: 1,
  missing: 2,
  completed: 3
}

/** `items` in ATTENTION_RANK order of their states, keeping their own order within a rank. */
export function byAttention<T>(items: readonly T[], stateOf: (item: T) => PackState): T[] {
  return items
    .map((item, index) => ({ item, index, rank: ATTENTION_RANK[outcomeOf(stateOf(item))] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.item)
}

/** A pack's record as the service last returned it. */
export interface PackDetail {
  readonly name: string
  readonly state: ReportedState
  readonly id?: string
  readonly arn?: string
  readonly stackArn?: string
  /** ConformancePackStatusReason, or an organization pack's ErrorMessage. */
  readonly reason?: string
  /** An organization pack's ErrorCode. */
  readonly errorCode?: string
  readonly requestedAt?: Date
  readonly completedAt?: Date
  /** An organization pack's LastUpdateTime. */
  readonly updatedAt?: Date
}

/**
 * What the wait knows about one pack. A discriminated union on `state`: a pack the
 * service answered for always carries its detail; a deleted or vanished one keeps the
 * last detail seen, if any; an unknown one has none.
 */
export type PackStatus =
  | { readonly name: string; readonly state: ReportedState; readonly detail: PackDetail }
  | { readonly name: string; readonly state: 'DELETE_COMPLETE'; readonly detail: PackDetail }
  | { readonly name: string; readonly state: 'NOT_FOUND'; readonly detail?: PackDetail }
  | { readonly name: string; readonly state: 'UNKNOWN'; readonly reason?: string }
  | {
      readonly name: string
      readonly state: 'PREVIOUS_DEPLOYMENT'
      /** The record as reported: the earlier deployment's state, reason and times. */
      readonly detail: PackDetail
      /** When the deployment it shows was requested. */
      readonly shownRequestedAt: Date
      /** The awaited deployment is one requested after this (`requested-after`). */
      readonly awaitedAfter: Date
    }

const REPORTED_STATES: readonly string[] = [...SERVICE_STATES, ...ORGANIZATION_STATES]

export function isServiceState(value: string | undefined): value is ServiceState {
  return (SERVICE_STATES as readonly string[]).includes(value ?? '')
}

export function isReportedState(value: string | undefined): value is ReportedState {
  return REPORTED_STATES.includes(value ?? '')
}

/**
 * Whether a deployment failed: AWS spells every failure `*_FAILED`, in a pack's state (either
 * scope), a member account's status and a stack resource's. The one test of "failed".
 */
export function isFailed(state: string): boolean {
  return state.endsWith('_FAILED')
}

export function outcomeOf(state: PackState): Outcome {
  if (state === 'NOT_FOUND') return 'missing'
  if (state === 'UNKNOWN') return 'unknown'
  // Awaited like a deployment under way: the state it shows is an earlier deployment's.
  if (state === 'PREVIOUS_DEPLOYMENT') return 'in-progress'
  if (state.endsWith('_IN_PROGRESS')) return 'in-progress'
  if (isFailed(state)) return 'failed'
  return 'completed'
}

/** Whether the wait must keep asking about a pack in this state: the one test of "pending". */
export function isPending(state: PackState, missingPack: MissingPackPolicy): boolean {
  const outcome = outcomeOf(state)
  return (
    outcome === 'in-progress' ||
    outcome === 'unknown' ||
    (outcome === 'missing' && missingPack === 'wait')
  )
}

/** A pack as the service reported it, before its state is checked. */
export type ReportedPack = Omit<PackDetail, 'state'> & { readonly state: string | undefined }

/**
 * The status of a pack the service answered for. A state this action does not know is kept
 * as UNKNOWN, so the wait goes on rather than guessing.
 */
export function found(report: ReportedPack): PackStatus {
  const { state } = report
  if (!isReportedState(state)) {
    return { name: report.name, state: 'UNKNOWN', reason: `unrecognised state ${String(state)}` }
  }
  return { name: report.name, state, detail: { ...report, state } }
}

/**
 * The status of a pack that a successful answer left out. A deletion that was under way
 * has finished; anything else means the pack is not there (any more).
 */
export function absent(
  previous: PackStatus,
  deleted: DeletedState = 'DELETE_COMPLETE'
): PackStatus {
  switch (previous.state) {
    case 'DELETE_IN_PROGRESS':
    case 'DELETE_COMPLETE':
    case 'DELETE_SUCCESSFUL':
      return { name: previous.name, state: deleted, detail: previous.detail }
    case 'UNKNOWN':
      return { name: previous.name, state: 'NOT_FOUND' }
    default:
      return { name: previous.name, state: 'NOT_FOUND', detail: previous.detail }
  }
}

export function detailOf(status: PackStatus): PackDetail | undefined {
  return status.state === 'UNKNOWN' ? undefined : status.detail
}
