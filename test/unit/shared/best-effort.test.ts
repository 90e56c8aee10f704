import { describe, expect, it } from 'vitest'
import { bestEffort, type BestEffortDeps } from '../../../src/shared/best-effort.js'
import { silentLog } from '../../../src/shared/log.js'
import { awsErrors, sdkError, virtualClock } from '../../support/doubles.js'

const T0 = Date.parse('2024-05-01T10:00:00Z')
const IAM_ACTION = 'cloudformation:DescribeStackEvents'
const OPTIONS = {
  iamAction: IAM_ACTION,
  what: 'DescribeStackEvents stack-1',
  classifier: awsErrors
}

/** Time stands still except in sleep, which advances it at once. */

const throttled = (): Error => sdkError('ThrottlingException', 'Rate exceeded', 400)
const denied = (): Error =>
  sdkError('AccessDeniedException', 'not authorized to perform DescribeStackEvents', 400)

function setup(overrides: Partial<BestEffortDeps> = {}) {
  const clock = virtualClock(T0)
  const debug: string[] = []
  const deps: BestEffortDeps = {
    clock,
    deadline: T0 + 60_000,
    signal: new AbortController().signal,
    log: { ...silentLog, debug: (m) => debug.push(m) },
    ...overrides
  }
  return { clock, debug, deps }
}

/** A request that fails with the given errors, one per call, then answers `value`. */
function scripted<T>(value: T, ...failures: Error[]) {
  const signals: AbortSignal[] = []
  const request = (signal: AbortSignal): Promise<T> => {
    signals.push(signal)
    const failure = failures.shift()
    return failure ? Promise.reject(failure) : Promise.resolve(value)
  }
  return { request, signals }
}

describe('bestEffort', () => {
  it('answers with the value of a request that succeeds, without pausing', async () => {
    const { clock, deps } = setup()
    const { request, signals } = scripted('events')
    await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({ ok: true, value: 'events' })
    expect(signals).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries a transient error after a pause, and says so in the debug log', async () => {
    const { clock, debug, deps } = setup()
    const { request, signals } = scripted('events', throttled())
    await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({ ok: true, value: 'events' })
    expect(signals).toHaveLength(2)
    // The first pause is the minimum, 1 s.
    expect(clock.sleeps).toEqual([1000])
    expect(debug).toEqual([
      'DescribeStackEvents stack-1: throttled (ThrottlingException): Rate exceeded; retrying'
    ])
  })

  it('gives up after 3 attempts, with the last error', async () => {
    const { clock, deps } = setup()
    const { request, signals } = scripted(
      'never',
      throttled(),
      throttled(),
      sdkError('ServiceUnavailableException', 'down', 503)
    )
    const read = await bestEffort(request, deps, OPTIONS)
    expect(signals).toHaveLength(3)
    expect(read).toEqual({
      ok: false,
      why: 'it kept failing: HTTP 503 ServiceUnavailableException: down'
    })
    // Pauses grow: 1 s, then between 1 s and 2 s.
    expect(clock.sleeps[0]).toBe(1000)
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(1000)
    expect(clock.sleeps[1]).toBeLessThanOrEqual(2000)
  })

  // After the last attempt nothing is retried, so nothing waits for it.
  it('does not pause or log "retrying" after the last attempt', async () => {
    const { clock, debug, deps } = setup()
    const { request } = scripted('never', throttled(), throttled(), throttled())
    await bestEffort(request, deps, OPTIONS)
    expect(clock.sleeps).toHaveLength(2)
    expect(debug).toHaveLength(2)
  })

  it('never pauses past the deadline, and then says the deadline passed with the last error', async () => {
    const { clock, deps } = setup({ deadline: T0 + 500 })
    const { request, signals } = scripted('never', throttled(), throttled())
    const read = await bestEffort(request, deps, OPTIONS)
    expect(clock.sleeps).toEqual([500])
    expect(clock.now()).toBe(T0 + 500)
    expect(signals).toHaveLength(1)
    expect(read).toEqual({
      ok: false,
      why: 'the deadline passed (last error: throttled (ThrottlingException): Rate exceeded)'
    })
  })

  it('makes no request once the deadline has passed', async () => {
    const { deps } = setup({ deadline: T0 })
    const { request, signals } = scripted('never')
    await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({
      ok: false,
      why: 'the deadline passed'
    })
    expect(signals).toHaveLength(0)
  })

  it('does not retry a permanent error, and names the IAM action for an access denial', async () => {
    const { clock, deps } = setup()
    const { request, signals } = scripted('never', denied())
    const read = await bestEffort(request, deps, OPTIONS)
    expect(signals).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
    expect(read).toEqual({
      ok: false,
      why: `Access denied to ${IAM_ACTION} (AccessDeniedException). AWS said: "not authorized to perform DescribeStackEvents". Grant the role the IAM action ${IAM_ACTION}.`
    })
  })

  it('gives a permanent 4xx its reason', async () => {
    const { deps } = setup()
    const { request } = scripted('never', sdkError('ValidationException', 'bad name', 400))
    const read = await bestEffort(request, deps, OPTIONS)
    expect(read).toEqual({
      ok: false,
      why: `AWS rejected ${IAM_ACTION} (ValidationException, HTTP 400). AWS said: "bad name".`
    })
  })

  describe('interpret', () => {
    const gone = (error: unknown): string | undefined =>
      (error as Error).name === 'ValidationError' ? 'the stack no longer exists' : undefined

    it('gives its own reason, without retrying, for an error it recognises', async () => {
      const { clock, deps } = setup()
      const { request, signals } = scripted(
        'never',
        sdkError('ValidationError', 'Stack does not exist', 400)
      )
      const read = await bestEffort(request, deps, { ...OPTIONS, interpret: gone })
      expect(read).toEqual({ ok: false, why: 'the stack no longer exists' })
      expect(signals).toHaveLength(1)
      expect(clock.sleeps).toEqual([])
    })

    it('leaves the other errors to the usual classification', async () => {
      const { deps } = setup()
      const { request, signals } = scripted('events', throttled())
      const read = await bestEffort(request, deps, { ...OPTIONS, interpret: gone })
      expect(read).toEqual({ ok: true, value: 'events' })
      expect(signals).toHaveLength(2)
    })

    it('is asked about every error it sees', async () => {
      const { deps } = setup()
      const seen: unknown[] = []
      const error = denied()
      const { request } = scripted('never', error)
      await bestEffort(request, deps, {
        ...OPTIONS,
        interpret: (e) => {
          seen.push(e)
          return undefined
        }
      })
      expect(seen).toEqual([error])
    })
  })

  describe('cancellation', () => {
    it('makes no request when the run is already cancelled', async () => {
      const controller = new AbortController()
      controller.abort()
      const { deps } = setup({ signal: controller.signal })
      const { request, signals } = scripted('never')
      await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({
        ok: false,
        why: 'the run was cancelled'
      })
      expect(signals).toHaveLength(0)
    })

    it('aborts the request under way and does not retry', async () => {
      const controller = new AbortController()
      const { clock, deps } = setup({ signal: controller.signal })
      let calls = 0
      const request = (signal: AbortSignal): Promise<string> => {
        calls++
        return new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
          controller.abort()
        })
      }
      await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({
        ok: false,
        why: 'the run was cancelled'
      })
      expect(calls).toBe(1)
      expect(clock.sleeps).toEqual([])
    })

    it('stops retrying when the run is cancelled during a pause', async () => {
      const controller = new AbortController()
      const clock = virtualClock(T0)
      const deps: BestEffortDeps = {
        clock: {
          now: () => clock.now(),
          sleep: (ms, signal) => {
            controller.abort()
            return clock.sleep(ms, signal)
          }
        },
        deadline: T0 + 60_000,
        signal: controller.signal,
        log: silentLog
      }
      const { request, signals } = scripted('events', throttled())
      await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({
        ok: false,
        why: 'the run was cancelled'
      })
      expect(signals).toHaveLength(1)
    })
  })

  describe('request timeout', () => {
    /** A request that never answers until its signal aborts. */
    const hanging = () => {
      let calls = 0
      const request = (signal: AbortSignal): Promise<string> => {
        calls++
        return new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('The operation was aborted')), {
            once: true
          })
        })
      }
      return { request, calls: () => calls }
    }

    it('bounds every request, retries one that timed out and reports the timeout', async () => {
      const { clock, deps } = setup({ requestTimeoutMs: 5 })
      const { request, calls } = hanging()
      const read = await bestEffort(request, deps, OPTIONS)
      expect(calls()).toBe(3)
      expect(read).toEqual({ ok: false, why: 'it kept failing: request timed out' })
      expect(clock.sleeps.length).toBeGreaterThanOrEqual(2)
    })

    it('bounds a request by the time left before the deadline too', async () => {
      // 10 s per request by default, but only 5 ms are left.
      const clock = virtualClock(T0)
      const deps: BestEffortDeps = {
        clock: { now: () => clock.now(), sleep: () => Promise.resolve() },
        deadline: T0 + 5,
        signal: new AbortController().signal,
        log: silentLog
      }
      const { request } = hanging()
      const started = Date.now()
      const read = await bestEffort(request, deps, OPTIONS)
      expect(read).toEqual({ ok: false, why: 'it kept failing: request timed out' })
      expect(Date.now() - started).toBeLessThan(5_000)
    })

    it('a timed-out request is a retry, not a cancellation', async () => {
      const { deps } = setup({ requestTimeoutMs: 5 })
      let calls = 0
      const request = (signal: AbortSignal): Promise<string> => {
        calls++
        if (calls > 1) return Promise.resolve('late answer')
        return new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
        })
      }
      await expect(bestEffort(request, deps, OPTIONS)).resolves.toEqual({
        ok: true,
        value: 'late answer'
      })
    })
  })
})
