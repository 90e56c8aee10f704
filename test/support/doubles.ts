import type { Clock } from '../../src/shared/clock.js'

/** A clock whose sleep returns at once and moves time on: backoff runs instantly. */
export function virtualClock(start: number): Clock & { readonly sleeps: number[] } {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    }
  }
}

/** An error shaped as the AWS SDK throws it: name (the error code) and HTTP status. */
export const sdkError = (name: string, message: string, status: number): Error =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
