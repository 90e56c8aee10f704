/**
 * Delay before the next poll: exponential from `minMs`, capped at `maxMs`, with "equal
 * jitter" (a random point in the upper half of the step) so that several pipelines started
 * together do not poll in lockstep. Never below `minMs`, never above `maxMs`.
 *
 * `attempt` counts the rounds since the last state change: 0 gives `minMs` exactly.
 */
export function backoffDelay(
  attempt: number,
  minMs: number,
  maxMs: number,
  random: () => number = Math.random
): number {
  const step = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30))
  const jittered = step / 2 + (random() * step) / 2
  return Math.round(Math.min(maxMs, Math.max(minMs, jittered)))
}
