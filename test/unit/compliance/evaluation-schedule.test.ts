import { describe, expect, it } from 'vitest'
import {
  EVALUATION_QUIET_CAP_MS,
  evaluationQuietAgeMs,
  nextEvaluationPoll,
  type EvaluationScheduleInput
} from '../../../src/compliance/evaluation-schedule.js'
import { waitForEvaluation } from '../../../src/compliance/evaluation-wait.js'
import { awsErrors, recordingLog, virtualClock } from '../../support/doubles.js'

const NOW = 10_000_000
const MIN = 10_000
const MAX = 60_000

function next(input: Partial<EvaluationScheduleInput> & Pick<EvaluationScheduleInput, 'pending'>) {
  return nextEvaluationPoll({
    now: NOW,
    roundsSinceChange: 1,
    failedRounds: 0,
    minDelayMs: MIN,
    maxDelayMs: MAX,
    random: () => 0,
    ...input
  })
}

const aged = (ageMs: number, running = false) => ({ referenceAt: NOW - ageMs, running })

describe('nextEvaluationPoll', () => {
  it('is quiet until 2 × min-delay of reference age, at most 20 s', () => {
    expect(evaluationQuietAgeMs(MIN)).toBe(20_000)
    expect(evaluationQuietAgeMs(60_000)).toBe(EVALUATION_QUIET_CAP_MS)
    expect(evaluationQuietAgeMs(1_000)).toBe(2_000)
    // Age 2 s: the next read when it is 20 s old.
    expect(next({ pending: [aged(2_000)] })).toEqual({ delayMs: 18_000, reason: 'quiet' })
    // Never sooner than min-delay, even right before the quiet age.
    expect(next({ pending: [aged(19_000)] })).toEqual({ delayMs: MIN, reason: 'quiet' })
  })

  it('reads every min-delay, plus up to 10 % jitter, from the quiet age to 120 × min-delay', () => {
    expect(next({ pending: [aged(20_000)] })).toEqual({ delayMs: MIN, reason: 'grid' })
    expect(next({ pending: [aged(19 * 60_000)], random: () => 0.5 })).toEqual({
      delayMs: 10_500,
      reason: 'grid'
    })
  })

  it('reads less often as the wait grows long (age / 120), back to min-delay after a settle, within max-delay', () => {
    expect(next({ pending: [aged(40 * 60_000)] })).toEqual({ delayMs: 20_000, reason: 'long' })
    expect(next({ pending: [aged(40 * 60_000)], roundsSinceChange: 0 })).toEqual({
      delayMs: MIN,
      reason: 'changed'
    })
    expect(next({ pending: [aged(10 * 3_600_000)] })).toEqual({ delayMs: MAX, reason: 'long' })
  })

  it('lets the youngest reference set the pace, unless its first evaluation is running', () => {
    expect(next({ pending: [aged(5 * 60_000), aged(1_000)] }).reason).toBe('quiet')
    expect(next({ pending: [aged(5 * 60_000), aged(1_000, true)] })).toEqual({
      delayMs: MIN,
      reason: 'running'
    })
    // A reference ahead of the clock is age 0.
    expect(next({ pending: [{ referenceAt: NOW + 5_000 }] })).toEqual({
      delayMs: 20_000,
      reason: 'quiet'
    })
  })

  it('backs off on failed rounds up to max-delay, never sooner than the schedule', () => {
    const grid = [aged(60_000)]
    expect(next({ pending: grid, failedRounds: 1, random: () => 1 })).toEqual({
      delayMs: 20_000,
      reason: 'throttled'
    })
    expect(next({ pending: grid, failedRounds: 8, random: () => 1 })).toEqual({
      delayMs: MAX,
      reason: 'throttled'
    })
    // In the quiet period the quiet pause is longer than one failure's backoff.
    expect(next({ pending: [aged(0)], failedRounds: 1, random: () => 0 }).reason).toBe('quiet')
  })
})

describe('the evaluation wait on the schedule, on a virtual clock', () => {
  /** One rule created by the deployment, evaluated at `evaluatedAt`; the times its status was read. */
  async function readTimes(options: {
    completedAt?: number
    evaluatedAt: number
    start?: boolean
  }): Promise<number[]> {
    const clock = virtualClock(NOW)
    const reads: number[] = []
    const requestedAt = NOW - 600_000
    const evaluated = () => clock.now() >= options.evaluatedAt
    const started: number[] = []
    await waitForEvaluation(
      [
        {
          name: 'pack',
          requestedAt,
          ...(options.completedAt !== undefined ? { completedAt: options.completedAt } : {})
        }
      ],
      {
        port: {
          ...awsErrors,
          isNoSuchRule: () => false,
          packRules: () =>
            Promise.resolve({
              items: [{ name: 'r', compliance: evaluated() ? 'COMPLIANT' : 'INSUFFICIENT_DATA' }]
            }),
          statuses: () => {
            reads.push(clock.now() - NOW)
            const at = started.length ? started[0] + 30_000 : options.evaluatedAt
            const done = clock.now() >= at
            return Promise.resolve({
              items: [
                {
                  name: 'r',
                  firstActivatedAt: requestedAt + 1_000,
                  firstEvaluationStarted: done,
                  ...(done ? { lastSuccessfulEvaluationAt: at } : {})
                }
              ]
            })
          },
          results: () => Promise.resolve({ items: [] }),
          startEvaluation: () => {
            started.push(clock.now())
            return Promise.resolve({ kind: 'started' })
          }
        },
        stackEvents: () => Promise.reject(new Error('not read')),
        startEvaluation: options.start ?? false,
        clock,
        log: recordingLog(),
        deadline: NOW + 3_600_000,
        signal: new AbortController().signal,
        minDelayMs: MIN,
        maxDelayMs: MAX,
        random: () => 0
      }
    )
    return reads
  }

  it('times the rules from the pack’s completion: a pack completed long ago is read on the grid at once', async () => {
    expect(await readTimes({ completedAt: NOW - 120_000, evaluatedAt: NOW + 35_000 })).toEqual([
      0, 10_000, 20_000, 30_000, 40_000
    ])
  })

  it('is quiet for 20 s after a completion just now (the wait’s start when none is given)', async () => {
    expect(await readTimes({ evaluatedAt: NOW + 35_000 })).toEqual([0, 20_000, 30_000, 40_000])
    expect(await readTimes({ completedAt: NOW - 5_000, evaluatedAt: NOW + 35_000 })).toEqual([
      0, 15_000, 25_000, 35_000
    ])
  })

  it('times a rule started on demand from its start', async () => {
    // Started right after the first read: quiet for 20 s from the start, then the grid.
    const reads = await readTimes({
      completedAt: NOW - 600_000,
      evaluatedAt: NOW + 36_000_000,
      start: true
    })
    expect(reads).toEqual([0, 20_000, 30_000])
  })
})
