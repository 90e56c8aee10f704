import type { AnnotationLevel, ResultDestination } from '../publish/destination.js'
import type { Log } from '../shared/log.js'
import type { TerminalLog } from './terminal.js'

/** What the pipeline handed the command, for the table, the files and the exit code. */
export interface Results {
  /** The line the action's step would fail with. */
  readonly failLine?: string
  /** Lines logged once the results were being published: the closing line of a passing run. */
  readonly closing: readonly string[]
}

export interface TerminalDestination extends ResultDestination {
  readonly results: () => Results
  /** The log the pipeline writes to: the terminal's, but the closing line is held back. */
  readonly log: Log
}

/**
 * The command's destination: annotations are log lines (`error: …`); the failure line and the
 * closing lines are kept for the command to print once the run is over, so they come after the
 * table, as on the runner's page the step's line comes last.
 */
export function terminalDestination(terminal: TerminalLog): TerminalDestination {
  let failLine: string | undefined
  let publishing = false
  const closing: string[] = []
  return {
    // The command renders the outputs and the summary from the run's report itself.
    setOutputs: () => {
      publishing = true
    },
    writeSummary: () => Promise.resolve(),
    annotate: (level: AnnotationLevel, message: string) => terminal[level](message),
    fail: (line) => {
      failLine = line
    },
    results: () => ({ failLine, closing: [...closing] }),
    log: {
      info: (message) => {
        if (publishing) closing.push(message)
        else terminal.info(message)
      },
      warning: (message) => terminal.warning(message),
      debug: (message) => terminal.debug(message)
    }
  }
}
