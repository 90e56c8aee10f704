import { describe, expect, it } from 'vitest'
import { InputError, InputErrors, parseInputs, type InputSource } from '../../../src/inputs.js'

const ENV = { AWS_REGION: 'eu-west-1' }

/** An InputSource over a plain record, read as @actions/core reads INPUT_* variables. */
function source(values: Record<string, string>): InputSource {
  const get = (name: string): string => (values[name] ?? '').trim()
  return {
    getInput: get,
    getMultilineInput: (name) => get(name).split('\n').filter(Boolean),
    getBooleanInput: (name) => {
      if (['true', 'True', 'TRUE'].includes(get(name))) return true
      if (['false', 'False', 'FALSE'].includes(get(name))) return false
      throw new TypeError(`not a boolean: ${name}`)
    }
  }
}

function errorOf(values: Record<string, string>): InputError {
  try {
    parseInputs(source(values), ENV)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`expected an InputError for ${JSON.stringify(values)}`)
}

describe('parseInputs: requested-after', () => {
  it('is undefined when absent: every pack is taken as it stands', () => {
    expect(parseInputs(source({}), ENV).requestedAfter).toBeUndefined()
  })

  it.each([
    ['2026-12-01T08:00:00Z', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T09:30:00+01:30', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T03:00:00-05:00', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T08:00Z', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T08:00:00.250Z', '2026-12-01T08:00:00.250Z'],
    [' 2026-12-01t08:00:00z ', '2026-12-01T08:00:00.000Z']
  ])('reads %s', (value, iso) => {
    const { requestedAfter } = parseInputs(source({ 'requested-after': value }), ENV)
    expect(new Date(requestedAfter!).toISOString()).toBe(iso)
  })

  it.each([
    'yesterday',
    '2026-12-01',
    '2026-12-01T08:00:00',
    '2026-02-30T08:00:00Z',
    '2026-13-01T08:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T08:00:00+25:00',
    '1764576000'
  ])('rejects %s, naming the input and quoting the value', (value) => {
    const error = errorOf({ 'requested-after': value })
    expect(error).toMatchObject({ input: 'requested-after', value })
    expect(error.message).toBe(
      `Input 'requested-after' must be an ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z (date -u +%Y-%m-%dT%H:%M:%SZ), got ${JSON.stringify(value)}`
    )
  })
})

describe('parseInputs: inputs that contradict each other', () => {
  it.each([
    // The default min-delay (10 s) against a short timeout.
    [{ 'timeout-seconds': '9.5' }, '10', '9.5'],
    [{ 'min-delay-seconds': '60', 'max-delay-seconds': '90', 'timeout-seconds': '60' }, '60', '60'],
    [{ 'min-delay-seconds': '90', 'max-delay-seconds': '90', 'timeout-seconds': '60' }, '90', '60']
  ])(
    '%j: min-delay-seconds at or above timeout-seconds is an error naming both',
    (values, min, timeout) => {
      const error = errorOf(values)
      expect(error).toMatchObject({ input: 'min-delay-seconds', value: min })
      expect(error.message).toBe(
        `Input 'min-delay-seconds' must be less than timeout-seconds ("${timeout}"): a first delay that long leaves no time for a second poll before the deadline, got "${min}"`
      )
    }
  )

  it('a min-delay just below the timeout is accepted', () => {
    expect(
      parseInputs(
        source({ 'min-delay-seconds': '59.9', 'max-delay-seconds': '60', 'timeout-seconds': '60' }),
        ENV
      )
    ).toMatchObject({ minDelayMs: 59_900, timeoutMs: 60_000 })
  })

  it('reports every wrong input in one error, each named with its value quoted', () => {
    const error = errorOf({
      'timeout-seconds': '10m',
      region: 'Mars',
      'missing-pack': 'skip',
      'requested-after': 'now',
      'min-delay-seconds': '20',
      'max-delay-seconds': '10'
    })
    expect(error).toBeInstanceOf(InputErrors)
    expect((error as InputErrors).errors.map((e) => [e.input, e.value])).toEqual([
      ['region', 'Mars'],
      ['timeout-seconds', '10m'],
      ['max-delay-seconds', '10'],
      ['missing-pack', 'skip'],
      ['requested-after', 'now']
    ])
    expect(error).toMatchObject({ input: 'region', value: 'Mars' })
    expect(error.message).toMatch(
      /^5 inputs are invalid: Input 'region' .*, got "Mars"; Input 'timeout-seconds' .*, got "10m"; Input 'max-delay-seconds' must be at least min-delay-seconds \(20\), got "10"; Input 'missing-pack' .*, got "skip"; Input 'requested-after' .*, got "now"$/
    )
  })

  it('checks names against the account limit when the scope itself is wrong, and reports both', () => {
    const error = errorOf({ scope: 'galaxy', 'conformance-pack-names': '9bad' }) as InputErrors
    expect(error.errors.map((e) => e.input)).toEqual(['scope', 'conformance-pack-names'])
  })

  it('a single wrong input is a plain InputError, worded as before', () => {
    const error = errorOf({ 'timeout-seconds': 'soon' })
    expect(error).not.toBeInstanceOf(InputErrors)
    expect(error.message).toBe(
      `Input 'timeout-seconds' must be a number of seconds greater than 0 (decimals allowed), got "soon"`
    )
  })
})
