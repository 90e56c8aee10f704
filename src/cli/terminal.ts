import { commandWords } from './command-words.js'
import { terminalText } from './safe-text.js'

import type { Env } from '../shared/env.js'

/** Where the command writes for a person: process.stdout or process.stderr. */
export interface OutputStream {
  write(chunk: string): unknown
  readonly isTTY?: boolean
}

/**
 * Colour only on a terminal, never with --no-color, never when NO_COLOR is set to anything
 * but the empty string (no-color.org), never on a dumb terminal.
 */
export function colorEnabled(stream: OutputStream, env: Env, noColorFlag: boolean): boolean {
  if (noColorFlag || stream.isTTY !== true) return false
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return env.TERM !== 'dumb'
}

/** --debug, or the variables that turn on a GitHub runner's debug logging. */
export function debugEnabled(env: Env, debugFlag: boolean): boolean {
  return debugFlag || env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG?.toLowerCase() === 'true'
}

export type Paint = (text: string) => string

export interface Palette {
  readonly red: Paint
  readonly yellow: Paint
  readonly green: Paint
  readonly cyan: Paint
  readonly dim: Paint
  readonly bold: Paint
}

const sgr =
  (on: number, off: number): Paint =>
  (text) =>
    `\u001b[${on}m${text}\u001b[${off}m`

const plain: Paint = (text) => text

/** ANSI colours, or none: the same calls either way. */
export function palette(color: boolean): Palette {
  if (!color)
    return { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain }
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22)
  }
}

/** The log calls the wait, compliance and publishing make (what they call on @actions/core). */
export interface TerminalLog {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  notice(message: string): void
  debug(message: string): void
}

/**
 * The one-line-per-change log for a person: no `::` workflow commands, a `warning:` or
 * `error:` prefix instead, debug lines only when asked for, the action's words in the
 * command's (command-words.ts). Messages are made safe for the
 * terminal, and a line that would start with `::` (a workflow command, should the command run
 * under a GitHub runner) is defused.
 */
export function terminalLog(
  stream: OutputStream,
  options: { readonly color: boolean; readonly debug: boolean }
): TerminalLog {
  const paint = palette(options.color)
  const line = (prefix: string, message: string): void => {
    stream.write(`${prefix}${defuse(terminalText(commandWords(message)))}\n`)
  }
  return {
    info: (m) => line('', m),
    warning: (m) => line(paint.yellow('warning: '), m),
    error: (m) => line(paint.red('error: '), m),
    notice: (m) => line(paint.cyan('notice: '), m),
    debug: (m) => {
      if (options.debug) line(paint.dim('debug: '), m)
    }
  }
}

/** `::error::x` at a line's start becomes `: :error::x`: shown, never obeyed. */
export function defuse(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, '$1: ')
}
