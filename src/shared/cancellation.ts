import type { Log } from './log.js'

/** The run's cancellation, from the process's signals. */
export interface Cancellation {
  readonly signal: AbortSignal
  /** The first signal received, if any (a command's exit code tells SIGINT from SIGTERM). */
  readonly received: () => NodeJS.Signals | undefined
  /** Stops listening: a later signal ends the process as it would without the handlers. */
  readonly dispose: () => void
}

/**
 * A cancelled workflow sends SIGINT (then SIGTERM), and so does Ctrl-C or a CI job's
 * cancellation for the command: stop waiting, report the last known states.
 */
export function cancelOnSignals(log: Log): Cancellation {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal
    log.info(`Received ${signal}: stopping the wait and reporting the last known states.`)
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
