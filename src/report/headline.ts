import { describeEarlier } from '../packs/deployment.js'
import { formatDuration } from '../packs/pack-text.js'
import type { Verdict } from '../verdict/verdict.js'
import type { WaitEnd } from '../wait/wait-for-packs.js'

export const noPackIn = (regions: string): string => `No conformance pack was found in ${regions}`

/** The one line the step fails with, or the closing line of a passing run. */
export function headline(verdict: Verdict, end: WaitEnd, elapsedMs: number): string {
  const list = (names: readonly string[]): string => names.join(', ')
  const waited = formatDuration(elapsedMs)
  // Why a pack that looks finished is still pending.
  const earlier = (verdict.earlier ?? []).map((e) => `; ${describeEarlier(e)}`).join('')
  switch (verdict.result) {
    case 'cancelled':
      return `Cancelled after ${waited}; ${verdict.pending.length} conformance pack(s) still pending${verdict.pending.length ? `: ${list(verdict.pending)}` : ''}`
    case 'timeout': {
      const lastError =
        end.kind === 'deadline' && end.lastError ? ` (last error: ${end.lastError})` : ''
      // Listing every pack never succeeded: there are no names to wait for, only the outage.
      if (verdict.pending.length === 0)
        return `Timed out after ${waited} before AWS Config listed the packs${lastError}`
      return `Timed out after ${waited} waiting for ${verdict.pending.length} conformance pack(s): ${list(verdict.pending)}${lastError}${earlier}`
    }
    case 'failure': {
      // A permanent error is the story; packs still pending are only its consequence.
      const parts: string[] = end.kind === 'error' ? [end.message] : []
      if (verdict.failed.length)
        parts.push(`${verdict.failed.length} conformance pack(s) failed: ${list(verdict.failed)}`)
      if (verdict.missing.length)
        parts.push(`${verdict.missing.length} not found: ${list(verdict.missing)}`)
      if (verdict.pending.length && end.kind !== 'error')
        parts.push(`${verdict.pending.length} still pending: ${list(verdict.pending)}${earlier}`)
      // Only `compliance: require` makes an empty region a failure.
      if (verdict.emptyRegions?.length)
        parts.push(
          `${noPackIn(list(verdict.emptyRegions))}, so compliance: require had nothing to check`
        )
      return parts.join('; ')
    }
    case 'noncompliant':
      return `${verdict.noncompliant?.length ?? 0} conformance pack(s) deployed but NON_COMPLIANT: ${list(verdict.noncompliant ?? [])}`
    case 'success': {
      const ignored = verdict.missing.length
        ? ` (${verdict.missing.length} not found, ignored: ${list(verdict.missing)})`
        : ''
      const empty = verdict.emptyRegions?.length ? list(verdict.emptyRegions) : undefined
      if (verdict.completed.length === 0)
        return empty
          ? `${noPackIn(empty)}: nothing was checked there${ignored}`
          : `No conformance packs to wait for${ignored}`
      const done = `All ${verdict.completed.length} conformance pack(s) completed after ${waited}${ignored}`
      return empty ? `${done}; no conformance pack was found in ${empty}` : done
    }
  }
}
