import type { AnnotationLevel, ResultDestination } from '../publish/destination.js'
import type { ActionOutputs } from '../publish/outputs.js'
import type { Log } from '../shared/log.js'
import type { TerminalLog } from './terminal.js'

/** What the pipeline handed the command, for the table, the files and the exit code. */
export interface Results {
  readonly outputs?: ActionOutputs
  /** The job summary (Markdown with HTML, as GITHUB_STEP_SUMMARY gets it). */
  readonly summary?: string
  /** The line the action's step would fail with. */
  readonly failLine?: string
  /** Lines logged once the results were being published: the closing line of a passing run. */
  readonly closing: readonly string[]
  /** The last warning: a failure under fail-on-failure false ends with it. */
  readonly lastWarning?: string
}

export interface TerminalDestination extends ResultDestination {
  readonly results: () => Results
  /** The log the pipeline writes to: the terminal's, but the closing line is held back. */
  readonly log: Log
}

/**
 * The command's destination: annotations are log lines (`error: …`), the outputs, the
 * summary and the failure line are kept for the command to print and write once the run is
 * over, so the closing line comes after the table, as on the runner's page it comes last.
 */
export function terminalDestination(terminal: TerminalLog): TerminalDestination {
  let outputs: ActionOutputs | undefined
  let summary: string | undefined
  let failLine: string | undefined
  let lastWarning: string | undefined
  let publishing = false
  const closing: string[] = []
  return {
    setOutputs: (value) => {
      outputs = value
      publishing = true
    },
    writeSummary: (html) => {
      summary = html
      return Promise.resolve()
    },
    annotate: (level: AnnotationLevel, message: string) => {
      if (level === 'warning') lastWarning = message
      terminal[level](message)
    },
    fail: (line) => {
      failLine = line
    },
    results: () => ({ outputs, summary, failLine, closing: [...closing], lastWarning }),
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
