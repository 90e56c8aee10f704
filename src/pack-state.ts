/** The five states DescribeConformancePackStatus reports. */
export const SERVICE_STATES = [
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'CREATE_FAILED',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED'
] as const

export type ServiceState = (typeof SERVICE_STATES)[number]

/**
 * A pack's state as this action reports it: the service's states plus three that the
 * service never names but a waiter has to tell apart.
 * - DELETE_COMPLETE: seen deleting, then gone.
 * - NOT_FOUND: not there (also a pack seen creating that then vanished).
 * - UNKNOWN: never answered for (every call failed so far).
 */
export type PackState = ServiceState | 'DELETE_COMPLETE' | 'NOT_FOUND' | 'UNKNOWN'

/** What a state means for the wait. */
export type Outcome = 'completed' | 'failed' | 'in-progress' | 'missing' | 'unknown'

export type MissingPackPolicy = 'fail' | 'wait' | 'ignore'

/** A pack's record as the service last returned it. */
export interface PackDetail {
  readonly name: string
  readonly state: ServiceState
  readonly id?: string
  readonly arn?: string
  readonly stackArn?: string
  readonly reason?: string
  readonly requestedAt?: Date
  readonly completedAt?: Date
}

/**
 * What the wait knows about one pack. A discriminated union on `state`: a pack the
 * service answered for always carries its detail; a deleted or vanished one keeps the
 * last detail seen, if any; an unknown one has none.
 */
export type PackStatus =
  | { readonly name: string; readonly state: ServiceState; readonly detail: PackDetail }
  | { readonly name: string; readonly state: 'DELETE_COMPLETE'; readonly detail: PackDetail }
  | { readonly name: string; readonly state: 'NOT_FOUND'; readonly detail?: PackDetail }
  | { readonly name: string; readonly state: 'UNKNOWN'; readonly reason?: string }

export function isServiceState(value: string | undefined): value is ServiceState {
  return (SERVICE_STATES as readonly string[]).includes(value ?? '')
}

export function outcomeOf(state: PackState): Outcome {
  switch (state) {
    case 'CREATE_COMPLETE':
    case 'DELETE_COMPLETE':
      return 'completed'
    case 'CREATE_FAILED':
    case 'DELETE_FAILED':
      return 'failed'
    case 'CREATE_IN_PROGRESS':
    case 'DELETE_IN_PROGRESS':
      return 'in-progress'
    case 'NOT_FOUND':
      return 'missing'
    case 'UNKNOWN':
      return 'unknown'
  }
}

/** Whether the wait must keep asking about a pack in this state. */
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
 * The status of a pack the service answered for. A state this action does not know
 * (the API has five) is kept as UNKNOWN, so the wait goes on rather than guessing.
 */
export function found(report: ReportedPack): PackStatus {
  const { state } = report
  if (!isServiceState(state)) {
    return { name: report.name, state: 'UNKNOWN', reason: `unrecognised state ${String(state)}` }
  }
  return { name: report.name, state, detail: { ...report, state } }
}

/**
 * The status of a pack that a successful answer left out. A deletion that was under way
 * has finished; anything else means the pack is not there (any more).
 */
export function absent(previous: PackStatus): PackStatus {
  switch (previous.state) {
    case 'DELETE_IN_PROGRESS':
    case 'DELETE_COMPLETE':
      return { name: previous.name, state: 'DELETE_COMPLETE', detail: previous.detail }
    case 'UNKNOWN':
      return { name: previous.name, state: 'NOT_FOUND' }
    default:
      return { name: previous.name, state: 'NOT_FOUND', detail: previous.detail }
  }
}

export function detailOf(status: PackStatus): PackDetail | undefined {
  return status.state === 'UNKNOWN' ? undefined : status.detail
}
