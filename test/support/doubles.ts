import type { Clock } from '../../src/shared/clock.js'
import {
  classifyError,
  expiredDuringWait,
  isNoSuchPackError,
  isStackGoneError
} from '../../src/aws/errors.js'
import type { Log } from '../../src/shared/log.js'
import type { StatusSource } from '../../src/wait/status-source.js'

/** A clock whose sleep returns at once and moves time on: backoff runs instantly. */
export interface VirtualClock extends Clock {
  /** Every delay slept, in order. */
  readonly sleeps: number[]
  /** Runs inside each sleep, after time has moved on (e.g. to cancel "during" it). */
  onSleep?: (sleepCount: number) => void
}

export function virtualClock(start: number): VirtualClock {
  let now = start
  const clock: VirtualClock = {
    sleeps: [],
    now: () => now,
    sleep: (ms) => {
      clock.sleeps.push(ms)
      now += ms
      clock.onSleep?.(clock.sleeps.length)
      return Promise.resolve()
    }
  }
  return clock
}

/**
 * An error shaped as the AWS SDK throws it: name (the error code), message and HTTP status
 * (none for an error that never got an HTTP answer, such as a timeout or missing credentials).
 */
export const sdkError = (name: string, message: string, status?: number): Error =>
  Object.assign(
    new Error(message),
    { name },
    status === undefined ? {} : { $metadata: { httpStatusCode: status } }
  )

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

export type LogLevel = 'info' | 'warning' | 'debug'

/** A Log that keeps every line: by level (`lines`) and all in the order written (`entries`). */
export interface RecordingLog extends Log {
  readonly lines: { info: string[]; warning: string[]; debug: string[] }
  readonly entries: { level: LogLevel; message: string }[]
}

export function recordingLog(): RecordingLog {
  const lines = { info: [] as string[], warning: [] as string[], debug: [] as string[] }
  const entries: { level: LogLevel; message: string }[] = []
  const at =
    (level: LogLevel) =>
    (message: string): void => {
      lines[level].push(message)
      entries.push({ level, message })
    }
  return { lines, entries, info: at('info'), warning: at('warning'), debug: at('debug') }
}

/**
 * A fake of the StatusSource port in the account scope (AWS's error rules, 20 names a call),
 * with the calls and fields a test gives; a call it does not give rejects, naming itself.
 */
export function fakeStatusSource(given: Partial<StatusSource> = {}): StatusSource {
  return {
    ...awsErrors,
    batchSize: 20,
    deletedState: 'DELETE_COMPLETE',
    iamAction: 'config:DescribeConformancePackStatus',
    listAll: () => Promise.reject(new Error('listAll is not called in this test')),
    describe: () => Promise.reject(new Error('describe is not called in this test')),
    ...given
  }
}
