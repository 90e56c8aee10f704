import { describe, expect, it } from 'vitest'
import { LINE_BREAK_MARK, safeLine, safeLog } from '../../../src/publish/action-log.js'
import { recordingLog } from '../../support/doubles.js'
import { workflowCommands } from '../../support/workflow-commands.js'

/**
 * Text a hostile or broken endpoint could put in a status reason or an error message, each
 * read as a workflow command when written as it is.
 */
const HOSTILE = [
  'Stack failed\n::notice title=x::y',
  'Stack failed\r\n::error::injected',
  'Stack failed\r::set-output name=result::success',
  '::warning::at the very start',
  '  \t::add-mask::leading white space',
  '\u0085::notice::after a next-line character',
  'mid-line ##[error]legacy form',
  'Stack failed\n##[stop-commands]token',
  '\n\n::endgroup::'
]

describe('safeLine', () => {
  it('leaves ordinary text as it is', () => {
    const line = 'alpha: CREATE_IN_PROGRESS → CREATE_FAILED after 3m12s: Rule quota exceeded (50%)'
    expect(safeLine(line)).toBe(line)
  })

  it('folds every kind of line break into one visible mark', () => {
    expect(safeLine('Stack failed\n::notice title=x::y')).toBe(
      `Stack failed${LINE_BREAK_MARK}::notice title=x::y`
    )
    expect(safeLine('a\r\nb\rc\nd\u2028e\u2029f\u0085g\vh\fi')).toBe(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].join(LINE_BREAK_MARK)
    )
  })

  it('keeps a command from starting the line, even after white space', () => {
    expect(safeLine('::warning::x')).toBe('\\::warning::x')
    expect(safeLine('  ::warning::x')).toBe('  \\::warning::x')
  })

  it('breaks the legacy ##[ form wherever it is', () => {
    expect(safeLine('a ##[error]b ##[warning]c')).toBe('a ##\\[error]b ##\\[warning]c')
  })

  it('shows control characters instead of writing them', () => {
    expect(safeLine('a\u001b[31mb\u0000c\u009bd\te')).toBe('a\\x1B[31mb\\x00c\\x9Bd\te')
  })

  it.each(HOSTILE)('%j becomes one line that the runner reads as no command', (text) => {
    const raw = [...workflowCommands(text), ...workflowCommands(`beta: CREATE_FAILED: ${text}`)]
    expect(raw).not.toEqual([])
    const line = safeLine(`beta: CREATE_FAILED: ${text}`)
    expect(line.split(/\r\n|[\r\n]/)).toHaveLength(1)
    expect(workflowCommands(line)).toEqual([])
    expect(workflowCommands(safeLine(text))).toEqual([])
  })
})

describe('safeLog', () => {
  it('makes info and debug lines safe and leaves warnings to @actions/core, which escapes them', () => {
    const sink = recordingLog()
    const log = safeLog(sink)
    log.info('beta: CREATE_FAILED: Stack failed\n::notice title=x::y')
    log.debug('DescribeStackEvents: ##[error]x\ny')
    log.warning('AWS Config call failed:\nline two')
    expect(sink.entries).toEqual([
      {
        level: 'info',
        message: `beta: CREATE_FAILED: Stack failed${LINE_BREAK_MARK}::notice title=x::y`
      },
      { level: 'debug', message: `DescribeStackEvents: ##\\[error]x${LINE_BREAK_MARK}y` },
      { level: 'warning', message: 'AWS Config call failed:\nline two' }
    ])
  })
})
