import type { Clock } from './clock.js'

/**
 * The SDK honours the abort signal for the request itself, but a retry delay inside the SDK
 * can outlive it; racing the signal makes an abort take effect at once.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal))
    // Settled either way, so that a request's own rejection after an abort is never unhandled.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function abortError(signal: AbortSignal): Error {
  const error = new Error(
    signal.reason instanceof Error ? signal.reason.message : 'Request aborted'
  )
  error.name = 'AbortError'
  return error
}

/** Resolves when `promise` settles or after `ms` on the clock, whichever is first. */
export async function settleWithin(
  promise: Promise<unknown>,
  ms: number,
  clock: Clock
): Promise<void> {
  const stop = new AbortController()
  await Promise.race([
    promise.then(
      () => undefined,
      () => undefined
    ),
    clock.sleep(ms, stop.signal)
  ])
  stop.abort()
}
