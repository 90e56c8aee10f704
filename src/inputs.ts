import { parseIsoTime } from './packs/deployment.js'
import type { MissingPackPolicy } from './packs/pack-state.js'

/** The validated inputs of one run. Times are in milliseconds. */
export interface Inputs {
  /** account: the account's conformance packs; organization: organization conformance packs. */
  readonly scope: Scope
  /** Names to await, in input order; undefined: every pack in the region. */
  readonly names: readonly string[] | undefined
  /** One or more regions, in input order; the packs are awaited in each. */
  readonly regions: readonly string[]
  readonly timeoutMs: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly missingPack: MissingPackPolicy
  readonly failOnFailure: boolean
  /** Read the failed packs' stack events to say which resource failed and why. */
  readonly explainFailures: boolean
  /** After a successful wait: ignore compliance, report it, or require COMPLIANT. */
  readonly compliance: ComplianceMode
  /** Start an evaluation of the rules not evaluated since the deployment, then wait for it. */
  readonly startEvaluation: boolean
  /**
   * Epoch ms (`requested-after`): packs still showing a deployment requested before it are
   * awaited. Undefined: every pack's current state is taken as the result.
   */
  readonly requestedAfter?: number
  /** The compliance baseline's paths (src/input-files.ts). */
  readonly files: FileInputs
  /** Empty: no check run. */
  readonly githubToken: string
  readonly checkName: string
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

/**
 * Several bad inputs at once, so that one run shows every fix. Still an InputError: `input`
 * and `value` are the first problem's, and the message lists each problem as its own
 * InputError words it.
 */
export class InputErrors extends InputError {
  constructor(readonly errors: readonly InputError[]) {
    super(errors[0].input, errors[0].value, '')
    this.message = `${errors.length} inputs are invalid: ${errors.map((e) => e.message).join('; ')}`
    this.name = 'InputErrors'
  }
}

export const DEFAULTS = {
  'timeout-seconds': '1800',
  'min-delay-seconds': '10',
  'max-delay-seconds': '60',
  'missing-pack': 'fail',
  'fail-on-failure': 'true',
  'explain-failures': 'true',
  scope: 'account',
  compliance: 'ignore',
  'start-evaluation': 'false',
  'check-name': 'AWS Config conformance packs'
} as const

const PACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/
const MAX_PACK_NAME_LENGTH: Record<Scope, number> = { account: 256, organization: 128 }
const SCOPES = ['account', 'organization'] as const
const COMPLIANCE_MODES = ['ignore', 'report', 'require'] as const
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number]
export type Scope = (typeof SCOPES)[number]
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/
const MISSING_PACK_POLICIES: readonly MissingPackPolicy[] = ['fail', 'wait', 'ignore']

import type { Env } from './shared/env.js'
import { parseFileInputs, type FileInputs } from './input-files.js'

/**
 * Every input, each parsed on its own so that one error lists every bad value. Longer than 60
 * lines on purpose: one line per input, in action.yml's order, reads better than a split.
 */
export function parseInputs(source: InputSource, env: Env): Inputs {
  const errors: InputError[] = []
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      errors.push(error)
      return undefined
    }
  }
  const scope = attempt(() => parseScope(valueOf(source, 'scope')))
  const names = attempt(() => parseNames(source, scope ?? 'account'))
  const regions = attempt(() => parseRegions(source, env))
  const timeoutMs = attempt(() => parseSeconds(source, 'timeout-seconds'))
  const minDelayMs = attempt(() => parseSeconds(source, 'min-delay-seconds'))
  const maxDelayMs = attempt(() => parseSeconds(source, 'max-delay-seconds'))
  if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs) {
    errors.push(
      new InputError(
        'max-delay-seconds',
        valueOf(source, 'max-delay-seconds'),
        `must be at least min-delay-seconds (${valueOf(source, 'min-delay-seconds')})`
      )
    )
  }
  if (minDelayMs !== undefined && timeoutMs !== undefined && minDelayMs >= timeoutMs) {
    errors.push(
      new InputError(
        'min-delay-seconds',
        valueOf(source, 'min-delay-seconds'),
        `must be less than timeout-seconds (${JSON.stringify(valueOf(source, 'timeout-seconds'))}): a first delay that long leaves no time for a second poll before the deadline`
      )
    )
  }
  const missingPack = attempt(() => parseMissingPack(valueOf(source, 'missing-pack')))
  const failOnFailure = attempt(() => parseBoolean(source, 'fail-on-failure'))
  const explainFailures = attempt(() => parseBoolean(source, 'explain-failures'))
  const compliance = attempt(() =>
    parseCompliance(valueOf(source, 'compliance'), scope ?? 'account')
  )
  const startEvaluation = attempt(() => parseBoolean(source, 'start-evaluation'))
  const requestedAfter = attempt(() => parseRequestedAfter(source.getInput('requested-after')))
  const files = attempt(() =>
    parseFileInputs(source, compliance, (...bad) => new InputError(...bad))
  )
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new InputErrors(errors)
  // Every value is defined here: an undefined one has left an error behind.
  return {
    names,
    scope: scope!,
    regions: regions!,
    timeoutMs: timeoutMs!,
    minDelayMs: minDelayMs!,
    maxDelayMs: maxDelayMs!,
    missingPack: missingPack!,
    failOnFailure: failOnFailure!,
    explainFailures: explainFailures!,
    compliance: compliance!,
    startEvaluation: startEvaluation!,
    requestedAfter,
    files: files!,
    githubToken: source.getInput('github-token'),
    checkName: valueOf(source, 'check-name')
  }
}

function parseRequestedAfter(value: string): number | undefined {
  if (value === '') return undefined
  const time = parseIsoTime(value)
  if (time === undefined) {
    throw new InputError(
      'requested-after',
      value,
      'must be an ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z (date -u +%Y-%m-%dT%H:%M:%SZ)'
    )
  }
  return time
}

function parseCompliance(value: string, scope: Scope): ComplianceMode {
  const mode = COMPLIANCE_MODES.find((m) => m === value.toLowerCase())
  if (!mode)
    throw new InputError('compliance', value, `must be one of ${COMPLIANCE_MODES.join(', ')}`)
  if (mode !== 'ignore' && scope === 'organization') {
    throw new InputError(
      'compliance',
      value,
      'applies to the account scope only: with scope organization, a cross-account compliance view needs an AWS Config aggregator; set compliance to ignore'
    )
  }
  return mode
}

function parseScope(value: string): Scope {
  const scope = SCOPES.find((s) => s === value.toLowerCase())
  if (!scope) throw new InputError('scope', value, `must be one of ${SCOPES.join(', ')}`)
  return scope
}

/** Newlines and/or commas separate the items of a list input; blanks are dropped, duplicates folded. */
function listOf(source: InputSource, input: string): string[] {
  const items = source
    .getMultilineInput(input)
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return [...new Set(items)]
}

function parseNames(source: InputSource, scope: Scope): readonly string[] | undefined {
  const raw = source.getInput('conformance-pack-names')
  if (raw === '') return undefined
  const names = listOf(source, 'conformance-pack-names')
  if (names.length === 0) {
    throw new InputError(
      'conformance-pack-names',
      raw,
      'holds only separators: give pack names, or leave it empty to wait for every pack in the region'
    )
  }
  for (const name of names) {
    if (name.length > MAX_PACK_NAME_LENGTH[scope] || !PACK_NAME.test(name)) {
      throw new InputError(
        'conformance-pack-names',
        name,
        `has an invalid ${scope === 'organization' ? 'organization ' : ''}conformance pack name (1-${MAX_PACK_NAME_LENGTH[scope]} characters: a letter, then letters, digits and hyphens)`
      )
    }
  }
  return names
}

function parseRegions(source: InputSource, env: Env): readonly string[] {
  const input = source.getInput('region')
  if (input === '') return [parseRegion('', env)]
  const regions = listOf(source, 'region')
  if (regions.length === 0) {
    throw new InputError(
      'region',
      input,
      'holds only separators: give one or more region names such as us-east-1'
    )
  }
  return regions.map((region) => parseRegion(region, env))
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
  const choices = MISSING_PACK_POLICIES.join(', ')
  if (!policy) throw new InputError('missing-pack', value, `must be one of ${choices}`)
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
