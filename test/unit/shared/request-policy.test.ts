import { describe, expect, it } from 'vitest'
import {
  BEST_EFFORT_RETRY,
  TIMED_OUT,
  boundRequest,
  classifyFailure,
  retry,
  type Judgement
} from '../../../src/shared/request-policy.js'
import { virtualClock } from '../../support/doubles.js'

const T0 = Date.parse('2026-12-01T08:00:00Z')

const scope = (deadline = T0 + 60_000, signal = new AbortController().signal) => {
  const clock = virtualClock(T0)
  return { clock, deadline, signal }
}

/** Every error is worth a retry, with its message. */
const retryAll = (_error: unknown, timedOut: boolean): Judgement<string> => ({
  kind: 'retry',
  message: timedOut ? 'timed out' : 'boom'
})

const failing = () => {
  let calls = 0
  return {
    send: (): Promise<string> => {
      calls++
      return Promise.reject(new Error('boom'))
    },
    calls: () => calls
  }
}

describe('boundRequest', () => {
  it('cuts a request off at its own timeout, and says that it did', async () => {
    const request = boundRequest(scope(), 5)
    await new Promise((resolve) => request.signal.addEventListener('abort', resolve))
    expect(request.timedOut()).toBe(true)
  })

  it('aborts with the run, which is no timeout', () => {
    const controller = new AbortController()
    const request = boundRequest(scope(T0 + 60_000, controller.signal))
    controller.abort()
    expect(request.signal.aborted).toBe(true)
    expect(request.timedOut()).toBe(false)
  })
})

describe('classifyFailure', () => {
  it("is the request's own timeout before anything the port says", () => {
    const port = () => ({ kind: 'permanent', message: 'denied' }) as const
    expect(classifyFailure(new Error('x'), true, port)).toBe(TIMED_OUT)
    expect(classifyFailure(new Error('x'), false, port)).toEqual({
      kind: 'permanent',
      message: 'denied'
    })
  })
})

describe('retry', () => {
  it('BEST_EFFORT_RETRY: 3 attempts, then exhausted with the last error', async () => {
    const s = scope()
    const f = failing()
    const retried: string[] = []
    const read = await retry(s, BEST_EFFORT_RETRY, f.send, {
      judge: retryAll,
      onRetry: (m) => retried.push(m)
    })
    expect(read).toEqual({ kind: 'exhausted', lastError: 'boom' })
    expect(f.calls()).toBe(3)
    // Told before each of the 2 pauses, not after the last attempt.
    expect(retried).toEqual(['boom', 'boom'])
    expect(s.clock.sleeps).toHaveLength(2)
  })

  it('BEST_EFFORT_RETRY cuts a pause to the time left, then finds the deadline passed', async () => {
    const s = scope(T0 + 300)
    const f = failing()
    const read = await retry(s, BEST_EFFORT_RETRY, f.send, { judge: retryAll })
    expect(read).toEqual({ kind: 'deadline', lastError: 'boom' })
    expect(s.clock.sleeps).toEqual([300])
    expect(f.calls()).toBe(1)
  })

  it("stops at once with the judge's own result", async () => {
    const s = scope()
    const f = failing()
    const read = await retry(s, BEST_EFFORT_RETRY, f.send, {
      judge: (): Judgement<string> => ({ kind: 'stop', stop: 'gone' })
    })
    expect(read).toEqual({ kind: 'stopped', stop: 'gone' })
    expect(s.clock.sleeps).toEqual([])
  })

  it('makes no request once the run is cancelled, and no judgement of what cancelling broke', async () => {
    const controller = new AbortController()
    const s = scope(T0 + 60_000, controller.signal)
    const judged: unknown[] = []
    const read = await retry(
      s,
      BEST_EFFORT_RETRY,
      () => {
        controller.abort()
        return Promise.reject(new Error('aborted'))
      },
      { judge: (e, t) => (judged.push(e), retryAll(e, t)) }
    )
    expect(read).toEqual({ kind: 'cancelled' })
    expect(judged).toEqual([])
  })
})
