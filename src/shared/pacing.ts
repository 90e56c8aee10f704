/** The pacing both poll schedules share: the deployment's and the evaluation's. */

/** Past the grid, one poll every 1/this of the age of what is awaited (10 s at 20 minutes). */
export const AGE_DIVISOR = 120

/**
 * Jitter added to every scheduled pause, as a fraction of min-delay. Pipelines that deploy
 * together would otherwise poll in lockstep for ever; a small jitter spreads them over a
 * second within a few rounds while keeping the grid nearly even (latency grows with the
 * spread of the intervals, not only with their mean).
 */
export const JITTER_FRACTION = 0.1
