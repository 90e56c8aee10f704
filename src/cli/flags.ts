import { parseArgs } from 'node:util'
import type { InputSpec } from '../input-spec.js'
import type { InputSource } from '../inputs.js'
import { REPORT_FILES } from './report-files.js'

/** The command's own flags, beside one per input. */
export interface CommandOptions {
  readonly json: boolean
  /** The report files asked for: each one's flag (REPORT_FILES) and path, in the table's order. */
  readonly files: ReadonlyMap<string, string>
  readonly noColor: boolean
  readonly debug: boolean
}

export type CommandLine =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly inputs: InputSource; readonly options: CommandOptions }
  /** Exit 64: the message names the flag. */
  | { readonly kind: 'usage-error'; readonly message: string }

const OWN_FLAGS = {
  json: { type: 'boolean' },
  ...Object.fromEntries(REPORT_FILES.map((file) => [file.flag, { type: 'string' }] as const)),
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' }
} as const

type OptionConfig = { type: 'string' | 'boolean'; multiple?: boolean }

const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

/**
 * Reads argv (without node and the script) into the inputs the action's own validation reads,
 * or help, version, or a usage error naming the flag. An absent flag is the input's default,
 * as the runner passes action.yml's defaults.
 */
export function parseCommandLine(
  args: readonly string[],
  specs: readonly InputSpec[]
): CommandLine {
  const offered = specs.filter((s) => !s.githubOnly)
  const options: Record<string, OptionConfig> = { ...OWN_FLAGS }
  for (const spec of offered)
    options[spec.name] = { type: 'string', multiple: spec.kind === 'list' }
  const booleans = new Set(offered.filter((s) => s.kind === 'boolean').map((s) => s.name))

  let parsed
  try {
    parsed = parseArgs({
      args: withBareBooleans(args, booleans),
      options,
      strict: true,
      allowPositionals: false,
      tokens: true
    })
  } catch (error) {
    return { kind: 'usage-error', message: usageMessage(error, specs) }
  }

  const seen = new Map<string, number>()
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    const count = (seen.get(token.name) ?? 0) + 1
    seen.set(token.name, count)
    if (count === 2 && !options[token.name]?.multiple)
      return { kind: 'usage-error', message: `--${token.name} is given more than once` }
  }

  const values = parsed.values as Record<string, string | string[] | boolean | undefined>
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const files = new Map<string, string>()
  for (const { flag } of REPORT_FILES) {
    const path = values[flag]
    if (path === '') return { kind: 'usage-error', message: `--${flag} needs a file name` }
    if (typeof path === 'string') files.set(flag, path)
  }

  const given = new Map<string, string>()
  for (const spec of offered) {
    const value = values[spec.name]
    if (typeof value === 'string') given.set(spec.name, value)
    else if (Array.isArray(value)) given.set(spec.name, value.join('\n'))
  }
  return {
    kind: 'run',
    inputs: flagInputs(given, specs),
    options: {
      json: values.json === true,
      files,
      noColor: values['no-color'] === true,
      debug: values.debug === true
    }
  }
}

/**
 * `--fail-on-failure` alone means true: a boolean input's flag is followed by its value only
 * when the next argument is not a flag.
 */
export function withBareBooleans(args: readonly string[], booleans: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') return [...out, ...args.slice(i)]
    const next = args[i + 1]
    const bare = arg.startsWith('--') && booleans.has(arg.slice(2))
    out.push(bare && (next === undefined || next.startsWith('-')) ? `${arg}=true` : arg)
  }
  return out
}

/**
 * The flags as an `InputSource` with `@actions/core`'s semantics: getInput trims,
 * getMultilineInput splits lines and drops empty ones, getBooleanInput takes the YAML 1.2 core
 * schema's six spellings and throws on anything else.
 */
export function flagInputs(
  given: ReadonlyMap<string, string>,
  specs: readonly InputSpec[]
): InputSource {
  const getInput = (name: string): string =>
    (given.get(name) ?? specs.find((s) => s.name === name)?.default ?? '').trim()
  return {
    getInput,
    getMultilineInput: (name) =>
      getInput(name)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.trim()),
    getBooleanInput: (name) => {
      const value = getInput(name)
      if (TRUE_VALUES.includes(value)) return true
      if (FALSE_VALUES.includes(value)) return false
      throw new TypeError(
        `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``
      )
    }
  }
}

/**
 * The validation's message in the command's words: `Input 'timeout-seconds' must be…` becomes
 * `--timeout-seconds must be…`, and an input named in the explanation becomes its flag. The
 * quoted value after `, got` is left as typed.
 */
export function flagMessage(message: string, specs: readonly InputSpec[]): string {
  const cut = message.indexOf(', got "')
  const [head, tail] = cut < 0 ? [message, ''] : [message.slice(0, cut), message.slice(cut)]
  const names = specs
    .map((s) => s.name)
    .filter((name) => name.includes('-'))
    .sort((a, b) => b.length - a.length)
  let rewritten = head.replace(/Input '([^']+)'/g, (_, name: string) => `--${name}`)
  for (const name of names)
    rewritten = rewritten.replace(new RegExp(`(?<![-\\w])${name}(?![-\\w])`, 'g'), `--${name}`)
  return rewritten + tail
}

/** parseArgs' complaint, shortened to what the person typed wrong. */
function usageMessage(error: unknown, specs: readonly InputSpec[]): string {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  const flag = quoted.split(/[ =]/)[0]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return specs.some((s) => s.githubOnly && `--${s.name}` === flag)
        ? `${flag} is not offered: the live check run it configures exists only in GitHub Actions`
        : `unknown flag ${flag} (see --help)`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted)}: every value follows its flag, as in --conformance-pack-names my-pack`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take an argument')) return `${flag} takes no value`
      if (message.includes('ambiguous'))
        return `${flag} needs a value; to give one that starts with a dash, write ${flag}=-value`
      return `${flag} needs a value`
    default:
      return message
  }
}
