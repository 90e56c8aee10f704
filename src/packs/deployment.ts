import type { PackDetail, PackStatus, ReportedState } from './pack-state.js'

/**
 * How far the runner's clock may be ahead of AWS's before a deployment requested after
 * `requested-after` looks older than it. Hosted runners and AWS keep their clocks in sync
 * to well under a second, and AWS refuses signed requests from a clock more than 5 minutes
 * off; 30 s is ample for that, and still far less than a deployment takes, so an earlier
 * deployment is not mistaken for the awaited one unless it was requested within 30 s of it.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 30_000

/** A pack still showing an earlier deployment, as the verdict and the messages tell it. */
export interface EarlierDeployment {
  readonly name: string
  /** The state AWS Config reports, which is that earlier deployment's. */
  readonly state: ReportedState
  readonly requestedAt: Date
  readonly awaitedAfter: Date
}

/**
 * When the deployment a record shows was requested: LastUpdateRequestedTime, or an
 * organization pack's LastUpdateTime (the last change of its status, which a new deployment
 * moves on as well).
 */
function deploymentTime(detail: PackDetail): Date | undefined {
  return detail.requestedAt ?? detail.updatedAt
}

/**
 * The one rule of `requested-after`: a pack the service answered for whose deployment was
 * requested before `requestedAfter` (less the clock allowance) still shows an earlier
 * deployment, whatever its state, and is awaited. A record with no time cannot be compared
 * and is taken as it is; so is every pack when `requestedAfter` is undefined.
 */
export function checkDeployment(
  status: PackStatus,
  requestedAfter: number | undefined
): PackStatus {
  if (requestedAfter === undefined) return status
  switch (status.state) {
    case 'UNKNOWN':
    case 'NOT_FOUND':
    case 'DELETE_COMPLETE':
    case 'PREVIOUS_DEPLOYMENT':
      return status
  }
  const shown = deploymentTime(status.detail)
  if (!shown || shown.getTime() >= requestedAfter - CLOCK_SKEW_ALLOWANCE_MS) return status
  return {
    name: status.name,
    state: 'PREVIOUS_DEPLOYMENT',
    detail: status.detail,
    shownRequestedAt: shown,
    awaitedAfter: new Date(requestedAfter)
  }
}

/** What a pack still showing an earlier deployment shows; undefined for any other pack. */
export function earlierOf(status: PackStatus): EarlierDeployment | undefined {
  if (status.state !== 'PREVIOUS_DEPLOYMENT') return undefined
  return {
    name: status.name,
    state: status.detail.state,
    requestedAt: status.shownRequestedAt,
    awaitedAfter: status.awaitedAfter
  }
}

/** Every pack of `packs` that still shows an earlier deployment. */
export function earlierDeployments(packs: readonly PackStatus[]): EarlierDeployment[] {
  return packs.flatMap((p) => earlierOf(p) ?? [])
}

/** `still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one requested after 2026-12-01T08:00:00Z` */
export function describeWaitingFor(earlier: EarlierDeployment): string {
  return `still shows the deployment requested at ${isoTime(earlier.requestedAt)} (${earlier.state}); waiting for the one requested after ${isoTime(earlier.awaitedAfter)}`
}

/** `alpha still shows an older deployment (CREATE_FAILED, requested at …), not one requested after …` */
export function describeEarlier(earlier: EarlierDeployment): string {
  return `${earlier.name} still shows an older deployment (${earlier.state}, requested at ${isoTime(earlier.requestedAt)}), not one requested after ${isoTime(earlier.awaitedAfter)}`
}

/** ISO 8601 in UTC, without the milliseconds when there are none. */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z')
}

const TIME =
  /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(?:[Zz]|([+-])(\d\d):(\d\d))$/

/**
 * An ISO 8601 time with a time zone (`2026-12-01T08:00:00Z`, `2026-12-01T09:00:00+01:00`)
 * as epoch ms; undefined when it is not one. Without a zone a time would depend on the
 * runner's. Read field by field: Date.parse quietly rolls 2026-02-30 over into March.
 */
export function parseIsoTime(value: string): number | undefined {
  const m = TIME.exec(value)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((f) => Number(f ?? 0))
  const fraction = Math.floor(Number(m[7] ?? 0) * 1000)
  const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)]
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction))
  // A field out of range (month 13, 24:00, 02-30) comes back as a different date.
  const fieldsHold =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second
  if (!fieldsHold || offsetHours > 23 || offsetMinutes > 59) return undefined
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return local.getTime() - offset
}
