/**
 * AWS's clock against the runner's: the emulator scripts every time on the runner's clock and
 * shifts the times it answers with by the scenario's offset, as a service whose clock is ahead
 * (or behind) stamps everything it reports.
 */

/** A field of an answer that holds a time: epoch seconds under a name ending so. */
const TIME_FIELD = /(Time|Timestamp)$/

/** The answer with every time field (at any depth) moved by `offsetMs`. */
export function shiftTimes(body: unknown, offsetMs: number): unknown {
  if (offsetMs === 0) return body
  if (Array.isArray(body)) return body.map((item) => shiftTimes(item, offsetMs))
  if (body === null || typeof body !== 'object') return body
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      TIME_FIELD.test(key) && typeof value === 'number'
        ? value + offsetMs / 1000
        : shiftTimes(value, offsetMs)
    ])
  )
}
