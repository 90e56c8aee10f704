import { describeWaitingFor, earlierOf } from './deployment.js'
import { detailOf, outcomeOf, type PackStatus } from './pack-state.js'

/** `3m12s`, `45s`, `1h05m`: short enough for a log line, exact enough to compare runs. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`
  if (m > 0) return `${m}m${String(s).padStart(2, '0')}s`
  return `${s}s`
}

/**
 * How long a pack has taken: from its last requested update to its completion (when the
 * service reports one for this update) or else to `now`. Undefined when the request time is
 * unknown.
 */
export function packDuration(status: PackStatus, now: number): number | undefined {
  const detail = detailOf(status)
  const requested = detail?.requestedAt?.getTime()
  if (requested === undefined) return undefined
  const completed = detail?.completedAt?.getTime()
  const end =
    completed !== undefined && completed >= requested && status.state === 'CREATE_COMPLETE'
      ? completed
      : now
  return Math.max(0, end - requested)
}

/**
 * How long the awaited deployment took, for the reports' duration columns: none for a pack
 * that is not there, and none for one that still shows an earlier deployment, whose age is not
 * how long the awaited one has taken.
 */
export function deploymentDuration(status: PackStatus, now: number): number | undefined {
  if (outcomeOf(status.state) === 'missing' || status.state === 'PREVIOUS_DEPLOYMENT')
    return undefined
  return packDuration(status, now)
}

/**
 * One log line per state change: `alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s`.
 * A first sighting says how old the request is, or how long a completed pack took.
 */
export function describeChange(
  previous: PackStatus | undefined,
  next: PackStatus,
  now: number
): string {
  const reason = outcomeOf(next.state) === 'failed' ? reasonOf(next) : undefined
  return `${next.name}: ${transition(previous, next, now)}${reason ? `: ${reason}` : ''}`
}

function transition(previous: PackStatus | undefined, next: PackStatus, now: number): string {
  const duration = packDuration(next, now)
  if (previous && previous.state !== 'UNKNOWN') {
    const after = duration === undefined ? '' : ` after ${formatDuration(duration)}`
    return `${previous.state} → ${next.state}${after}`
  }
  const requested = detailOf(next)?.requestedAt?.getTime()
  if (requested === undefined || duration === undefined) return next.state
  return duration < now - requested
    ? `${next.state} (took ${formatDuration(duration)})`
    : `${next.state} (requested ${formatDuration(duration)} ago)`
}

/**
 * The reason to show for a pack: the service's own, except for a pack that is gone, whose
 * last reason no longer applies.
 */
export function reasonOf(status: PackStatus): string | undefined {
  switch (status.state) {
    case 'UNKNOWN':
      return status.reason
    case 'NOT_FOUND':
    case 'DELETE_COMPLETE':
      return undefined
    case 'PREVIOUS_DEPLOYMENT': {
      // The earlier deployment's own reason no longer applies.
      const text = describeWaitingFor(earlierOf(status)!)
      return text.charAt(0).toUpperCase() + text.slice(1)
    }
    case 'DELETE_SUCCESSFUL':
      // Seen deleting, then gone: the last reason no longer applies (unlike one reported so).
      return status.detail.state === 'DELETE_SUCCESSFUL' ? status.detail.reason : undefined
    default:
      return status.detail.reason
  }
}
