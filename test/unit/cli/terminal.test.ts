import { describe, expect, it } from 'vitest'
import {
  colorEnabled,
  debugEnabled,
  defuse,
  terminalLog,
  type OutputStream
} from '../../../src/cli/terminal.js'

function stream(isTTY?: boolean): OutputStream & { text: () => string } {
  const chunks: string[] = []
  return { isTTY, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') }
}

describe('colorEnabled', () => {
  it('colours a terminal only, unless NO_COLOR, --no-color or a dumb terminal say no', () => {
    expect(colorEnabled(stream(true), {}, false)).toBe(true)
    expect(colorEnabled(stream(true), { NO_COLOR: '' }, false)).toBe(true)
    expect(colorEnabled(stream(false), {}, false)).toBe(false)
    expect(colorEnabled(stream(undefined), {}, false)).toBe(false)
    expect(colorEnabled(stream(true), { NO_COLOR: '1' }, false)).toBe(false)
    expect(colorEnabled(stream(true), {}, true)).toBe(false)
    expect(colorEnabled(stream(true), { TERM: 'dumb' }, false)).toBe(false)
  })
})

describe('debugEnabled', () => {
  it('logs debug lines with --debug, RUNNER_DEBUG=1 or ACTIONS_STEP_DEBUG=true', () => {
    expect(debugEnabled({}, false)).toBe(false)
    expect(debugEnabled({}, true)).toBe(true)
    expect(debugEnabled({ RUNNER_DEBUG: '1' }, false)).toBe(true)
    expect(debugEnabled({ RUNNER_DEBUG: '0' }, false)).toBe(false)
    expect(debugEnabled({ ACTIONS_STEP_DEBUG: 'True' }, false)).toBe(true)
  })
})

describe('terminalLog', () => {
  it('writes one plain line per message, prefixes instead of workflow commands', () => {
    const out = stream()
    const log = terminalLog(out, { color: false, debug: false })
    log.info('alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s')
    log.warning('beta is NON_COMPLIANT')
    log.error('beta failed')
    log.notice('could not read the stack events')
    log.debug('hidden')
    expect(out.text()).toBe(
      [
        'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s',
        'warning: beta is NON_COMPLIANT',
        'error: beta failed',
        'notice: could not read the stack events',
        ''
      ].join('\n')
    )
    expect(out.text()).not.toContain('::')
  })

  it('logs debug lines when asked, and colours only the prefixes', () => {
    const out = stream()
    const log = terminalLog(out, { color: true, debug: true })
    log.debug('poll round 3')
    log.warning('slow')
    log.info('plain')
    expect(out.text()).toBe(
      '\u001b[2mdebug: \u001b[22mpoll round 3\n\u001b[33mwarning: \u001b[39mslow\nplain\n'
    )
  })

  it('never lets a message drive the terminal or issue a workflow command', () => {
    const out = stream()
    const log = terminalLog(out, { color: false, debug: false })
    log.info('gamma: CREATE_FAILED: \u001b]0;title\u0007bad\u001b[2J\n::add-mask::x\n  ::error::y')
    expect(out.text()).toBe('gamma: CREATE_FAILED: bad\n: :add-mask::x\n  : :error::y\n')
  })
})

describe('defuse', () => {
  it('breaks only a leading ::', () => {
    expect(defuse('::warning::x')).toBe(': :warning::x')
    expect(defuse('a ::b')).toBe('a ::b')
    expect(defuse(':single')).toBe(':single')
  })
})
