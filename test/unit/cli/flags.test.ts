import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  flagInputs,
  flagMessage,
  parseCommandLine,
  withBareBooleans,
  type CommandLine
} from '../../../src/cli/flags.js'
import { INPUT_SPECS } from '../../../src/input-spec.js'
import { InputError, parseInputs } from '../../../src/inputs.js'

const ENV = { AWS_REGION: 'eu-west-1' }

function run(args: string[]): Extract<CommandLine, { kind: 'run' }> {
  const line = parseCommandLine(args, INPUT_SPECS)
  if (line.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(line)}`)
  return line
}

function usageError(args: string[]): string {
  const line = parseCommandLine(args, INPUT_SPECS)
  if (line.kind !== 'usage-error') throw new Error(`expected a usage error, got ${line.kind}`)
  return line.message
}

/** What the action's validation says of these flags, in the command's words. */
function validationError(args: string[]): string {
  try {
    parseInputs(run(args).inputs, ENV)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return flagMessage((error as Error).message, INPUT_SPECS)
  }
  throw new Error('expected the flags to be refused')
}

describe('parseCommandLine', () => {
  it('without flags, gives the action its defaults', () => {
    const inputs = parseInputs(run([]).inputs, ENV)
    expect(inputs).toEqual({
      names: undefined,
      scope: 'account',
      regions: ['eu-west-1'],
      timeoutMs: 1_800_000,
      minDelayMs: 10_000,
      maxDelayMs: 60_000,
      missingPack: 'fail',
      failOnFailure: true,
      explainFailures: true,
      compliance: 'ignore',
      startEvaluation: false,
      githubToken: '',
      files: {},
      checkName: 'AWS Config conformance packs'
    })
    expect(run([]).options).toEqual({ json: false, files: new Map(), noColor: false, debug: false })
  })

  it('reads every input flag, as --flag value and as --flag=value', () => {
    const line = run([
      '--conformance-pack-names',
      'alpha,beta',
      '--conformance-pack-names=gamma',
      '--region',
      'us-east-1',
      '--region=eu-west-1, eu-central-1',
      '--timeout-seconds=90',
      '--min-delay-seconds',
      '2',
      '--max-delay-seconds',
      '10',
      '--missing-pack',
      'wait',
      '--fail-on-failure',
      'false',
      '--explain-failures=FALSE',
      '--compliance',
      'require'
    ])
    expect(parseInputs(line.inputs, {})).toMatchObject({
      names: ['alpha', 'beta', 'gamma'],
      regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
      timeoutMs: 90_000,
      minDelayMs: 2_000,
      maxDelayMs: 10_000,
      missingPack: 'wait',
      failOnFailure: false,
      explainFailures: false,
      compliance: 'require'
    })
    expect(line.inputs.getInput('requested-after')).toBe('')
    expect(
      run(['--requested-after', '2026-01-02T03:04:05Z']).inputs.getInput('requested-after')
    ).toBe('2026-01-02T03:04:05Z')
  })

  it('takes a boolean flag alone as true, before another flag or at the end', () => {
    expect(run(['--start-evaluation']).inputs.getBooleanInput('start-evaluation')).toBe(true)
    expect(run([]).inputs.getBooleanInput('start-evaluation')).toBe(false)
    const line = run(['--fail-on-failure', '--json'])
    expect(line.inputs.getBooleanInput('fail-on-failure')).toBe(true)
    expect(line.options.json).toBe(true)
  })

  it("reads the command's own flags", () => {
    expect(
      run(['--json', '--summary-file', 's.md', '--junit-file=j.xml', '--no-color', '--debug'])
        .options
    ).toEqual({
      json: true,
      files: new Map([
        ['summary-file', 's.md'],
        ['junit-file', 'j.xml']
      ]),
      noColor: true,
      debug: true
    })
    expect(parseCommandLine(['--help'], INPUT_SPECS)).toEqual({ kind: 'help' })
    expect(parseCommandLine(['-h', '--bogus'], INPUT_SPECS).kind).toBe('usage-error')
    expect(parseCommandLine(['-h'], INPUT_SPECS)).toEqual({ kind: 'help' })
    expect(parseCommandLine(['--version'], INPUT_SPECS)).toEqual({ kind: 'version' })
  })

  it('names the flag of every usage error', () => {
    expect(usageError(['--regions', 'us-east-1'])).toBe('unknown flag --regions (see --help)')
    expect(usageError(['-r'])).toBe('unknown flag -r (see --help)')
    expect(usageError(['--region'])).toBe('--region needs a value')
    expect(usageError(['--scope', '--json'])).toBe(
      '--scope needs a value; to give one that starts with a dash, write --scope=-value'
    )
    expect(usageError(['--json=yes'])).toBe('--json takes no value')
    expect(usageError(['my-pack'])).toBe(
      'unexpected argument "my-pack": every value follows its flag, as in --conformance-pack-names my-pack'
    )
    expect(usageError(['--scope', 'account', '--scope=organization'])).toBe(
      '--scope is given more than once'
    )
    expect(usageError(['--junit-file='])).toBe('--junit-file needs a file name')
    expect(usageError(['--github-token', 'ghp_x'])).toBe(
      '--github-token is not offered: the live check run it configures exists only in GitHub Actions'
    )
    expect(usageError(['--check-name=x'])).toMatch(/^--check-name is not offered/)
  })

  it("has the action's validation refuse bad values with the flag's name", () => {
    expect(validationError(['--timeout-seconds', 'soon'])).toBe(
      '--timeout-seconds must be a number of seconds greater than 0 (decimals allowed), got "soon"'
    )
    expect(validationError(['--fail-on-failure', 'yes'])).toBe(
      '--fail-on-failure must be a boolean (true or false), got "yes"'
    )
    expect(validationError(['--min-delay-seconds', '9', '--max-delay-seconds', '3'])).toBe(
      '--max-delay-seconds must be at least --min-delay-seconds (9), got "3"'
    )
    expect(validationError(['--conformance-pack-names', '1bad'])).toMatch(
      /^--conformance-pack-names has an invalid conformance pack name .*, got "1bad"$/
    )
  })
})

describe('withBareBooleans', () => {
  const booleans = new Set(['fail-on-failure'])
  it('gives a lone boolean flag the value true, and leaves everything after -- alone', () => {
    expect(withBareBooleans(['--fail-on-failure'], booleans)).toEqual(['--fail-on-failure=true'])
    expect(withBareBooleans(['--fail-on-failure', 'false'], booleans)).toEqual([
      '--fail-on-failure',
      'false'
    ])
    expect(withBareBooleans(['--', '--fail-on-failure'], booleans)).toEqual([
      '--',
      '--fail-on-failure'
    ])
  })
})

describe('flagInputs', () => {
  afterEach(() => vi.unstubAllEnvs())

  /** The same raw value through the flags and through @actions/core reads the same. */
  it.each(['  spaced  ', 'a\n\n  b  \n', '', 'True', 'FALSE', 'yes', 'tRUE'])(
    'reads %j as @actions/core does',
    (raw) => {
      vi.stubEnv('INPUT_SCOPE', raw)
      const flags = flagInputs(new Map([['scope', raw]]), INPUT_SPECS)
      expect(flags.getInput('scope')).toBe(core.getInput('scope'))
      expect(flags.getMultilineInput('scope')).toEqual(core.getMultilineInput('scope'))
      const bool = (read: () => boolean) => {
        try {
          return read()
        } catch (error) {
          return (error as Error).message
        }
      }
      expect(bool(() => flags.getBooleanInput('scope'))).toEqual(
        bool(() => core.getBooleanInput('scope'))
      )
    }
  )

  it("gives an absent flag action.yml's default, and an unknown input nothing", () => {
    const flags = flagInputs(new Map(), INPUT_SPECS)
    expect(flags.getInput('timeout-seconds')).toBe('1800')
    expect(flags.getInput('check-name')).toBe('AWS Config conformance packs')
    expect(flags.getInput('github-token')).toBe('')
    expect(flags.getInput('no-such-input')).toBe('')
  })
})

describe('flagMessage', () => {
  it('turns input names into flags, and leaves the quoted value as typed', () => {
    expect(
      flagMessage(
        `Input 'missing-pack' must be one of fail, wait, ignore, got "min-delay-seconds"`,
        INPUT_SPECS
      )
    ).toBe('--missing-pack must be one of fail, wait, ignore, got "min-delay-seconds"')
    expect(flagMessage('no input here', INPUT_SPECS)).toBe('no input here')
  })
})
