import type { MissingPackPolicy } from './pack-state.js'

/** The validated inputs of one run. Times are in milliseconds. */
export interface Inputs {
  /** Names to await, in input order; undefined: every pack in the region. */
  readonly names: readonly string[] | undefined
  readonly region: string
  readonly timeoutMs: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly missingPack: MissingPackPolicy
  readonly failOnFailure: boolean
  /** Read the failed packs' stack events to say which resource failed and why. */
  readonly explainFailures: boolean
}

/** The part of `@actions/core` that reads inputs; `core` itself satisfies it. */
export interface InputSource {
  getInput(name: string): string
  getMultilineInput(name: string): string[]
  getBooleanInput(name: string): boolean
}

/** A bad input value, reported before any API call. The message names the input and quotes the value. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    problem: string
  ) {
    super(`Input '${input}' ${problem}, got ${JSON.stringify(value)}`)
    this.name = 'InputError'
  }
}

export const DEFAULTS = {
  'timeout-seconds': '1800',
  'min-delay-seconds': '5',
  'max-delay-seconds': '30',
  'missing-pack': 'fail',
  'fail-on-failure': 'true',
  'explain-failures': 'true'
} as const

const PACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/
const MAX_PACK_NAME_LENGTH = 256
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/
const MISSING_PACK_POLICIES: readonly MissingPackPolicy[] = ['fail', 'wait', 'ignore']

type Env = Readonly<Record<string, string | undefined>>

export function parseInputs(source: InputSource, env: Env): Inputs {
  const names = parseNames(source)
  const region = parseRegion(source.getInput('region'), env)
  const timeoutMs = parseSeconds(source, 'timeout-seconds')
  const minDelayMs = parseSeconds(source, 'min-delay-seconds')
  const maxDelayMs = parseSeconds(source, 'max-delay-seconds')
  if (maxDelayMs < minDelayMs) {
    throw new InputError(
      'max-delay-seconds',
      valueOf(source, 'max-delay-seconds'),
      `must be at least min-delay-seconds (${valueOf(source, 'min-delay-seconds')})`
    )
  }
  return {
    names,
    region,
    timeoutMs,
    minDelayMs,
    maxDelayMs,
    missingPack: parseMissingPack(valueOf(source, 'missing-pack')),
    failOnFailure: parseBoolean(source, 'fail-on-failure'),
    explainFailures: parseBoolean(source, 'explain-failures')
  }
}

function parseNames(source: InputSource): readonly string[] | undefined {
  const raw = source.getInput('conformance-pack-names')
  if (raw === '') return undefined
  const names = source
    .getMultilineInput('conformance-pack-names')
    .flatMap((line) => line.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) {
    throw new InputError(
      'conformance-pack-names',
      raw,
      'holds only separators: give pack names, or leave it empty to wait for every pack in the region'
    )
  }
  for (const name of names) {
    if (name.length > MAX_PACK_NAME_LENGTH || !PACK_NAME.test(name)) {
      throw new InputError(
        'conformance-pack-names',
        name,
        `has an invalid conformance pack name (1-${MAX_PACK_NAME_LENGTH} characters: a letter, then letters, digits and hyphens)`
      )
    }
  }
  return [...new Set(names)]
}

function parseRegion(input: string, env: Env): string {
  const [origin, value] = input
    ? ['region', input]
    : env.AWS_REGION
      ? ['AWS_REGION', env.AWS_REGION]
      : env.AWS_DEFAULT_REGION
        ? ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
        : [undefined, '']
  if (origin === undefined) {
    throw new InputError(
      'region',
      '',
      'is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set: name the region (for example us-east-1), or set it with aws-actions/configure-aws-credentials'
    )
  }
  const region = value.trim()
  if (!REGION.test(region)) {
    const where = origin === 'region' ? '' : ` (taken from ${origin})`
    throw new InputError('region', value, `is not an AWS region name such as us-east-1${where}`)
  }
  return region
}

function parseSeconds(source: InputSource, input: keyof typeof DEFAULTS): number {
  const value = valueOf(source, input)
  const seconds = DECIMAL.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError(
      input,
      value,
      'must be a number of seconds greater than 0 (decimals allowed)'
    )
  }
  return Math.max(1, Math.round(seconds * 1000))
}

function parseMissingPack(value: string): MissingPackPolicy {
  const policy = MISSING_PACK_POLICIES.find((p) => p === value.toLowerCase())
  if (!policy) {
    throw new InputError(
      'missing-pack',
      value,
      `must be one of ${MISSING_PACK_POLICIES.join(', ')}`
    )
  }
  return policy
}

function parseBoolean(source: InputSource, input: keyof typeof DEFAULTS): boolean {
  if (source.getInput(input) === '') return DEFAULTS[input] === 'true'
  try {
    return source.getBooleanInput(input)
  } catch {
    throw new InputError(input, source.getInput(input), 'must be a boolean (true or false)')
  }
}

/** The trimmed input, or its default when absent or empty. */
function valueOf(source: InputSource, input: keyof typeof DEFAULTS): string {
  return source.getInput(input) || DEFAULTS[input]
}
