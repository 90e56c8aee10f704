import { formatDuration } from '../packs/pack-text.js'
import {
  detailOf,
  isPending,
  type MissingPackPolicy,
  type PackStatus
} from '../packs/pack-state.js'
import type { Clock } from '../shared/clock.js'
import type { Log } from '../shared/log.js'
import { describeStackProgress, type StackProgress } from './stack-progress.js'

/** How often, at most, the wait says how it is getting on. */
export const PROGRESS_INTERVAL_MS = 60_000

/** Pending packs named in a progress line; the rest are counted. */
export const PROGRESS_NAMES_SHOWN = 10

/**
 * `waiting for 2 of 3 packs: beta 4m10s, gamma 3m55s`, then one line per pack whose stack
 * progress is known (`beta: 7 of 12 resources created`). Each pack's time runs from its
 * requested update, else from the start of the wait.
 */
export function progressLines(
  packs: readonly PackStatus[],
  missingPack: MissingPackPolicy,
  now: number,
  startedAt: number,
  stacks: ReadonlyMap<string, StackProgress> = new Map()
): string[] {
  const pending = packs.filter((p) => isPending(p.state, missingPack))
  if (pending.length === 0) return []
  const age = (pack: PackStatus): string => {
    const requested = detailOf(pack)?.requestedAt?.getTime()
    return formatDuration(now - (requested ?? startedAt))
  }
  const named = pending.slice(0, PROGRESS_NAMES_SHOWN).map((p) => `${p.name} ${age(p)}`)
  const more = pending.length - named.length
  const list = `${named.join(', ')}${more > 0 ? `, ${more} more` : ''}`
  const lines = [`waiting for ${pending.length} of ${packs.length} packs: ${list}`]
  for (const pack of pending.slice(0, PROGRESS_NAMES_SHOWN)) {
    const stack = stacks.get(pack.name)
    if (stack) lines.push(`${pack.name}: ${describeStackProgress(stack)}`)
  }
  return lines
}

/**
 * Logs the progress lines at most once an interval, from the wait's rounds: the first after
 * one interval of waiting, none once nothing is pending. Says whether it logged.
 */
export function progressLog(deps: {
  readonly clock: Clock
  readonly log: Log
  readonly missingPack: MissingPackPolicy
  readonly intervalMs?: number
  readonly stacks?: () => ReadonlyMap<string, StackProgress>
}): (packs: readonly PackStatus[]) => boolean {
  const intervalMs = deps.intervalMs ?? PROGRESS_INTERVAL_MS
  const startedAt = deps.clock.now()
  let last = startedAt
  return (packs) => {
    const now = deps.clock.now()
    if (now - last < intervalMs) return false
    const lines = progressLines(packs, deps.missingPack, now, startedAt, deps.stacks?.())
    if (lines.length === 0) return false
    last = now
    for (const line of lines) deps.log.info(line)
    return true
  }
}
