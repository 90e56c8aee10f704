import type { RecordedRequest } from '../../test/emulator/config-emulator.js'

/** Names one call can carry and still fit in one page of the answer (the action's batch). */
export const NAMES_PER_CALL = 20

export interface Round {
  /** Real ms since the emulator started, first and last request of the round. */
  readonly firstAt: number
  readonly lastAt: number
  readonly calls: number
  /** Names asked for (distinct), or, for a listing round, the packs the region holds. */
  readonly pending: number
  readonly listing: boolean
  /** ⌈pending / 20⌉: the calls a round should cost. */
  readonly expectedCalls: number
  /** Some name was asked for twice in the round. */
  readonly repeats: boolean
}

/**
 * Splits a poller's DescribeConformancePackStatus requests into poll rounds: the requests of a
 * round follow each other at once, rounds are separated by a sleep of at least the minimum
 * delay, so any gap longer than `gapMs` (half that delay) starts a new round.
 */
export function groupRounds(
  requests: readonly RecordedRequest[],
  gapMs: number,
  regionPacks: number
): Round[] {
  const groups: RecordedRequest[][] = []
  for (const request of requests) {
    const current = groups.at(-1)
    if (current && request.at - current[current.length - 1].at <= gapMs) current.push(request)
    else groups.push([request])
  }
  return groups.map((group) => {
    const names = group.flatMap((r) => (r.body.ConformancePackNames as string[] | undefined) ?? [])
    const listing = group.some(
      (r) => !(r.body.ConformancePackNames as string[] | undefined)?.length
    )
    const distinct = new Set(names).size
    const pending = listing ? regionPacks : distinct
    return {
      firstAt: group[0].at,
      lastAt: group[group.length - 1].at,
      calls: group.length,
      pending,
      listing,
      expectedCalls: Math.ceil(pending / NAMES_PER_CALL),
      repeats: distinct !== names.length
    }
  })
}

/** Every round cost ⌈pending / 20⌉ calls and asked for no name twice. */
export function roundsAsDesigned(rounds: readonly Round[]): boolean {
  return rounds.every((r) => r.calls === r.expectedCalls && !r.repeats)
}
