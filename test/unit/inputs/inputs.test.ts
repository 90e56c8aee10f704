import * as core from '@actions/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError, parseInputs, type Inputs } from '../../../src/inputs.js'

const INPUT_NAMES = [
  'conformance-pack-names',
  'region',
  'timeout-seconds',
  'min-delay-seconds',
  'max-delay-seconds',
  'missing-pack',
  'fail-on-failure',
  'explain-failures',
  'scope',
  'compliance'
] as const

type InputName = (typeof INPUT_NAMES)[number]
type Env = Record<string, string | undefined>

const ENV: Env = { AWS_REGION: 'eu-west-1' }

function setInputs(values: Partial<Record<InputName, string>>): void {
  for (const [name, value] of Object.entries(values)) {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
  }
}

function parse(values: Partial<Record<InputName, string>> = {}, env: Env = ENV): Inputs {
  setInputs(values)
  return parseInputs(core, env)
}

function parseError(values: Partial<Record<InputName, string>>, env: Env = ENV): InputError {
  setInputs(values)
  try {
    parseInputs(core, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`expected an InputError for ${JSON.stringify(values)}`)
}

beforeEach(() => {
  // Every input absent unless a test sets it (core.getInput treats '' as absent).
  for (const name of INPUT_NAMES) vi.stubEnv(`INPUT_${name.toUpperCase()}`, '')
})

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('parseInputs: defaults', () => {
  it('applies the defaults when every input is absent', () => {
    expect(parse()).toEqual({
      names: undefined,
      regions: ['eu-west-1'],
      timeoutMs: 1_800_000,
      minDelayMs: 10_000,
      maxDelayMs: 60_000,
      missingPack: 'fail',
      failOnFailure: true,
      explainFailures: true,
      scope: 'account',
      compliance: 'ignore',
      startEvaluation: false,
      githubToken: '',
      files: {},
      checkName: 'AWS Config conformance packs'
    })
  })

  it('reads the inputs through the INPUT_<NAME> variables core uses', () => {
    vi.stubEnv('INPUT_TIMEOUT-SECONDS', '60')
    vi.stubEnv('INPUT_CONFORMANCE-PACK-NAMES', 'alpha')
    expect(parseInputs(core, ENV)).toMatchObject({ names: ['alpha'], timeoutMs: 60_000 })
  })
})

describe('parseInputs: conformance-pack-names', () => {
  it('splits on newlines and commas, trims, and folds duplicates in input order', () => {
    const inputs = parse({
      'conformance-pack-names': ' gamma , alpha\n  beta,alpha \n\n gamma,delta-1 ,, '
    })
    expect(inputs.names).toEqual(['gamma', 'alpha', 'beta', 'delta-1'])
  })

  it('takes names one per line', () => {
    expect(parse({ 'conformance-pack-names': 'alpha\nbeta\r\ngamma' }).names).toEqual([
      'alpha',
      'beta',
      'gamma'
    ])
  })

  it('empty or blank means every pack (undefined)', () => {
    expect(parse({ 'conformance-pack-names': '' }).names).toBeUndefined()
    expect(parse({ 'conformance-pack-names': '  \n  ' }).names).toBeUndefined()
  })

  it('rejects a value of only separators, naming the input and quoting the value', () => {
    const error = parseError({ 'conformance-pack-names': ' , \n ,' })
    expect(error.input).toBe('conformance-pack-names')
    expect(error.message).toContain(`Input 'conformance-pack-names'`)
    // core trims the whole value; the rest is quoted as JSON.
    expect(error.message).toContain(JSON.stringify(', \n ,'))
  })

  it.each([
    ['starting with a digit', '1pack'],
    ['with an underscore', 'my_pack'],
    ['starting with a hyphen', '-pack'],
    ['with a space inside', 'my pack'],
    ['257 characters long', 'a'.repeat(257)]
  ])('rejects a name %s', (_what, name) => {
    const error = parseError({ 'conformance-pack-names': `alpha, ${name}` })
    expect(error.input).toBe('conformance-pack-names')
    expect(error.value).toBe(name)
    expect(error.message).toContain(`Input 'conformance-pack-names'`)
    expect(error.message).toContain(JSON.stringify(name))
  })

  it('accepts a name of 256 characters', () => {
    const name = `a${'B-9'.repeat(85)}`
    expect(name).toHaveLength(256)
    expect(parse({ 'conformance-pack-names': name }).names).toEqual([name])
  })
})

describe('parseInputs: region', () => {
  it('takes several regions, separated by newlines and/or commas, duplicates folded', () => {
    expect(parse({ region: 'us-east-1, eu-west-1\nap-southeast-5\n\nus-east-1,' }).regions).toEqual(
      ['us-east-1', 'eu-west-1', 'ap-southeast-5']
    )
  })

  it('rejects a region input of only separators', () => {
    const error = parseError({ region: ' ,\n, ' })
    expect(error.input).toBe('region')
    expect(error.message).toContain('holds only separators')
  })

  it('rejects a malformed region among several, quoting it', () => {
    const error = parseError({ region: 'us-east-1,eu_west_1' })
    expect(error.input).toBe('region')
    expect(error.message).toContain('"eu_west_1"')
  })

  it('takes the region input first', () => {
    expect(
      parse(
        { region: 'ap-southeast-2' },
        { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }
      ).regions
    ).toEqual(['ap-southeast-2'])
  })

  it('falls back to AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(parse({}, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }).regions).toEqual(
      ['eu-west-1']
    )
    expect(parse({}, { AWS_DEFAULT_REGION: 'us-west-2' }).regions).toEqual(['us-west-2'])
    expect(parse({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' }).regions).toEqual([
      'us-west-2'
    ])
  })

  it('accepts GovCloud and China regions', () => {
    expect(parse({ region: 'us-gov-west-1' }).regions).toEqual(['us-gov-west-1'])
    expect(parse({ region: 'cn-northwest-1' }).regions).toEqual(['cn-northwest-1'])
  })

  it('fails when no region is given anywhere, mentioning region', () => {
    const error = parseError({}, {})
    expect(error.input).toBe('region')
    expect(error.message).toContain(`Input 'region'`)
    expect(error.message).toContain('AWS_REGION')
  })

  it.each(['US-EAST-1', 'useast1', 'us-east', 'us-east-1a'])(
    'rejects the malformed region %s',
    (region) => {
      const error = parseError({ region })
      expect(error.input).toBe('region')
      expect(error.message).toContain(JSON.stringify(region))
    }
  )

  it('rejects a malformed region from the environment and says where it came from', () => {
    const error = parseError({}, { AWS_DEFAULT_REGION: 'useast1' })
    expect(error.input).toBe('region')
    expect(error.message).toContain('"useast1"')
    expect(error.message).toContain('AWS_DEFAULT_REGION')
  })
})

describe('parseInputs: seconds', () => {
  it('converts seconds to milliseconds, decimals allowed', () => {
    const inputs = parse({
      'timeout-seconds': '90.25',
      'min-delay-seconds': '0.5',
      'max-delay-seconds': '2'
    })
    expect(inputs.timeoutMs).toBe(90_250)
    expect(inputs.minDelayMs).toBe(500)
    expect(inputs.maxDelayMs).toBe(2_000)
  })

  it('accepts a leading or trailing decimal point', () => {
    const inputs = parse({ 'min-delay-seconds': '.5', 'max-delay-seconds': '7.' })
    expect(inputs.minDelayMs).toBe(500)
    expect(inputs.maxDelayMs).toBe(7_000)
  })

  it('uses the defaults when the seconds inputs are empty', () => {
    const inputs = parse({
      'timeout-seconds': '',
      'min-delay-seconds': '',
      'max-delay-seconds': ''
    })
    expect([inputs.timeoutMs, inputs.minDelayMs, inputs.maxDelayMs]).toEqual([
      1_800_000, 10_000, 60_000
    ])
  })

  const seconds = ['timeout-seconds', 'min-delay-seconds', 'max-delay-seconds'] as const
  const bad = ['abc', '1e3', '-1', '0', '0.0', 'Infinity', '0x10', '5s', '1,5']
  it.each(seconds.flatMap((input) => bad.map((value) => [input, value] as const)))(
    '%s rejects %j, naming the input and quoting the value',
    (input, value) => {
      const error = parseError({ [input]: value })
      expect(error.input).toBe(input)
      expect(error.value).toBe(value)
      expect(error.message).toContain(`Input '${input}'`)
      expect(error.message).toContain(`"${value}"`)
    }
  )

  it('rejects min-delay-seconds above max-delay-seconds, naming max-delay-seconds', () => {
    const error = parseError({ 'min-delay-seconds': '40', 'max-delay-seconds': '20' })
    expect(error.input).toBe('max-delay-seconds')
    expect(error.message).toContain(`Input 'max-delay-seconds'`)
    expect(error.message).toContain('"20"')
  })

  it('rejects a min-delay-seconds above the default max-delay-seconds', () => {
    const error = parseError({ 'min-delay-seconds': '61' })
    expect(error.input).toBe('max-delay-seconds')
  })

  it('accepts min-delay-seconds equal to max-delay-seconds', () => {
    const inputs = parse({ 'min-delay-seconds': '10', 'max-delay-seconds': '10' })
    expect([inputs.minDelayMs, inputs.maxDelayMs]).toEqual([10_000, 10_000])
  })
})

describe('parseInputs: missing-pack', () => {
  it.each([
    ['fail', 'fail'],
    ['wait', 'wait'],
    ['ignore', 'ignore'],
    ['WAIT', 'wait'],
    ['Ignore', 'ignore'],
    ['FaIl', 'fail']
  ])('%s → %s', (value, policy) => {
    expect(parse({ 'missing-pack': value }).missingPack).toBe(policy)
  })

  it('rejects an unknown value', () => {
    const error = parseError({ 'missing-pack': 'skip' })
    expect(error.input).toBe('missing-pack')
    expect(error.message).toContain(`Input 'missing-pack'`)
    expect(error.message).toContain('"skip"')
  })
})

describe('parseInputs: fail-on-failure', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', true]
  ])('%j → %s', (value, expected) => {
    expect(parse({ 'fail-on-failure': value }).failOnFailure).toBe(expected)
  })

  it.each(['yes', 'no', '1', 'tRuE'])(
    'rejects %j, naming the input and quoting the value',
    (value) => {
      const error = parseError({ 'fail-on-failure': value })
      expect(error.input).toBe('fail-on-failure')
      expect(error.message).toContain(`Input 'fail-on-failure'`)
      expect(error.message).toContain(`"${value}"`)
    }
  )
})

describe('parseInputs: explain-failures', () => {
  it.each([
    ['', true],
    ['true', true],
    ['false', false],
    ['False', false]
  ])('%j → %s', (value, expected) => {
    expect(parse({ 'explain-failures': value }).explainFailures).toBe(expected)
  })

  it('rejects a non-boolean, naming the input and quoting the value', () => {
    const error = parseError({ 'explain-failures': 'sometimes' })
    expect(error.input).toBe('explain-failures')
    expect(error.message).toContain('"sometimes"')
  })
})

describe('parseInputs: scope', () => {
  it('defaults to account, and takes organization', () => {
    expect(parse().scope).toBe('account')
    expect(parse({ scope: 'organization' }).scope).toBe('organization')
    expect(parse({ scope: 'Organization' }).scope).toBe('organization')
  })

  it('rejects an unknown scope, naming the input and quoting the value', () => {
    const error = parseError({ scope: 'org' })
    expect(error.input).toBe('scope')
    expect(error.message).toContain('must be one of account, organization')
    expect(error.message).toContain('"org"')
  })

  it('limits organization pack names to 128 characters (account ones to 256)', () => {
    const name = `a${'b'.repeat(128)}`
    expect(parse({ 'conformance-pack-names': name }).names).toEqual([name])
    const error = parseError({ 'conformance-pack-names': name, scope: 'organization' })
    expect(error.input).toBe('conformance-pack-names')
    expect(error.message).toContain('1-128 characters')
    expect(
      parse({ 'conformance-pack-names': name.slice(0, 128), scope: 'organization' }).names
    ).toHaveLength(1)
  })
})

describe('parseInputs: compliance', () => {
  it.each(['ignore', 'report', 'require', 'Require'])('takes %j', (value) => {
    expect(parse({ compliance: value }).compliance).toBe(value.toLowerCase())
  })

  it('rejects an unknown mode, quoting it', () => {
    const error = parseError({ compliance: 'strict' })
    expect(error.input).toBe('compliance')
    expect(error.message).toContain('"strict"')
  })

  it('is an input error with scope organization, unless ignore', () => {
    const error = parseError({ compliance: 'require', scope: 'organization' })
    expect(error.input).toBe('compliance')
    expect(error.message).toContain('aggregator')
    expect(parse({ compliance: 'ignore', scope: 'organization' }).compliance).toBe('ignore')
  })
})
