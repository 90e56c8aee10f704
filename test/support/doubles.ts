import type { Clock } from '../../src/shared/clock.js'
import {
  classifyError,
  expiredDuringWait,
  isNoSuchPackError,
  isStackGoneError
} from '../../src/aws/errors.js'
import type { Log } from '../../src/shared/log.js'

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

/**
 * How the AWS adapters tell their errors apart, for fakes of the ports (a fake's calls throw
 * errors shaped as the SDK's, so the real classification applies).
 */
export const awsErrors = {
  classify: classifyError,
  expiredDuringWait,
  isNoSuchPack: isNoSuchPackError,
  isStackGone: isStackGoneError
}

/** A Log that keeps every line, by level. */
export function recordingLog(): Log & {
  readonly lines: { info: string[]; warning: string[]; debug: string[] }
} {
  const lines = { info: [] as string[], warning: [] as string[], debug: [] as string[] }
  return {
    lines,
    info: (m) => lines.info.push(m),
    warning: (m) => lines.warning.push(m),
    debug: (m) => lines.debug.push(m)
  }
}
