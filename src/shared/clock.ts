/** Time as the wait sees it; tests swap in a virtual clock so backoff runs instantly. */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

// setTimeout fires at once for anything above 2^31-1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, Math.min(Math.max(0, ms), MAX_TIMER_MS))
      signal?.addEventListener('abort', done, { once: true })
    })
}
