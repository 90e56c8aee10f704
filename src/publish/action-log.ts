import * as core from '@actions/core'
import type { Log } from '../shared/log.js'

/**
 * What a folded line break looks like in the log: one message stays one line, and the reader
 * still sees where the service broke its text.
 */
export const LINE_BREAK_MARK = ' ⏎ '

// CR and LF are what the runner splits stdout on; the others only look like breaks in a log.
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g
// Terminal escapes (colours, cursor moves, erased lines) and other control characters.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g

/**
 * Text from AWS (status reasons, stack events, error messages) made safe to write as one line
 * of stdout, where the runner reads workflow commands. It reads a line as a command when it
 * starts with `::` after leading white space, and reads the legacy form `##[name]` anywhere in a
 * line. So line breaks are folded into a visible mark, control characters are shown as `\xNN`,
 * `##[` becomes `##\[`, and a leading `::` becomes `\::`. Nothing else changes.
 */
export function safeLine(text: string): string {
  return text
    .replace(LINE_BREAKS, LINE_BREAK_MARK)
    .replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)
    .replace(/##\[/g, '##\\[')
    .replace(/^(\s*)::/, '$1\\::')
}

/** Where log lines end up: @actions/core in the action, a recorder in tests. */
export interface LogSink {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/**
 * The log every line of the action goes through. Info lines are written raw by @actions/core,
 * so they pass through `safeLine`. Debug lines are too: @actions/core escapes their line
 * breaks, but a folded line reads better than an escaped one. Warnings stay as they are:
 * @actions/core escapes `%`, CR and LF of an annotation's text (and `:` and `,` of its
 * properties), so the runner reads them as one command, and their line breaks are shown.
 */
export function safeLog(sink: LogSink): Log {
  return {
    info: (message) => sink.info(safeLine(message)),
    warning: (message) => sink.warning(message),
    debug: (message) => sink.debug(safeLine(message))
  }
}

/** The action's log: @actions/core behind `safeLog`. */
export const actionLog: Log = safeLog(core)
