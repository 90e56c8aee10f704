/** Calendar days in UTC, counted from 1970-01-01, as the baseline's `expires` compares them. */

const DAY_MS = 86_400_000

/** The day a `YYYY-MM-DD` date names, or undefined when it is no calendar date (2027-02-30). */
export function dayOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const at = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  at.setUTCFullYear(year, month - 1, day)
  const same =
    at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day
  return same ? Math.floor(at.getTime() / DAY_MS) : undefined
}

/** The UTC day of an instant (epoch milliseconds). */
export function dayAt(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS)
}
