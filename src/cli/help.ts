import type { InputSpec } from '../input-spec.js'
import { helpWords } from './command-words.js'
import { EXIT_CODES } from './exit-code.js'
import { flagMessage } from './flags.js'
import { REPORT_FILES } from './report-files.js'

export const COMMAND = 'wait-for-conformance-packs'

/** Lines are wrapped to this width, a common terminal's. */
export const HELP_WIDTH = 80
const INDENT = '      '

/** The flags of the command's own, beside the inputs. */
export const COMMAND_FLAGS: readonly { readonly usage: string; readonly description: string }[] = [
  {
    usage: '--json',
    description:
      "Print one JSON object with what the action's outputs hold on stdout; the log and the table go to stderr."
  },
  ...REPORT_FILES.map((file) => ({ usage: `--${file.flag} FILE`, description: file.description })),
  {
    usage: '--no-color',
    description:
      'Never colour the output. Colour is also off when the output is not a terminal, when NO_COLOR is set, or when TERM is dumb.'
  },
  {
    usage: '--debug',
    description: 'Log the debug lines too (as RUNNER_DEBUG=1 or ACTIONS_STEP_DEBUG=true do).'
  },
  { usage: '--help', description: 'Print this help and exit.' },
  { usage: '--version', description: 'Print the version and exit.' }
]

/** The environment variables the command reads, as the AWS CLI does. */
export const ENVIRONMENT: readonly { readonly name: string; readonly meaning: string }[] = [
  { name: 'AWS_REGION', meaning: 'The region when --region is not given.' },
  { name: 'AWS_DEFAULT_REGION', meaning: 'The region when neither --region nor AWS_REGION is.' },
  {
    name: 'AWS_PROFILE',
    meaning:
      'The named profile of ~/.aws/config and ~/.aws/credentials to sign in with; its region is the region when neither --region, AWS_REGION nor AWS_DEFAULT_REGION is.'
  },
  {
    name: 'AWS_ENDPOINT_URL',
    meaning: 'Another endpoint for every AWS service (an emulator, a VPC endpoint).'
  },
  {
    name: 'AWS_ENDPOINT_URL_CONFIG_SERVICE',
    meaning: 'Another endpoint for AWS Config only; wins over AWS_ENDPOINT_URL.'
  },
  {
    name: 'AWS_MAX_ATTEMPTS',
    meaning: 'Attempts per request by the SDK (default 2; the wait retries on its own).'
  },
  { name: 'NO_COLOR', meaning: 'Set and not empty: no colour.' }
]

/** Where a flag takes a value, what to call it. */
export function flagUsage(spec: InputSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return `--${spec.name} [true|false]`
    case 'list':
      return `--${spec.name} ${spec.name === 'region' ? 'REGION' : 'NAME'}[,...]`
    case 'string':
      return `--${spec.name} ${spec.name.endsWith('-seconds') ? 'SECONDS' : 'VALUE'}`
  }
}

/** action.yml's description in the command's words: flags and exit codes, not inputs and steps. */
function inputDescription(spec: InputSpec, specs: readonly InputSpec[]): string {
  const notes: string[] = []
  if (spec.kind === 'list') notes.push('Repeatable.')
  if (spec.kind === 'boolean') notes.push('Alone, the flag means true.')
  notes.push(spec.default === '' ? 'Default: empty.' : `Default: ${spec.default}.`)
  return `${flagMessage(helpWords(spec.description), specs)} ${notes.join(' ')}`
}

/** Words wrapped to `width`, each line prefixed by `indent`; a longer word keeps a line. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(indent + line)
  return lines
}

function entry(usage: string, description: string): string[] {
  return [`  ${usage}`, ...wrap(description, HELP_WIDTH, INDENT)]
}

/** A short term and its meaning side by side: `  64   a bad flag…`. */
function column(term: string, description: string): string[] {
  const lines = wrap(description, HELP_WIDTH, ' '.repeat(7))
  return [`  ${term.padEnd(5)}${lines[0].trimStart()}`, ...lines.slice(1)]
}

/** The --help text, from the same spec as action.yml's inputs. */
export function helpText(specs: readonly InputSpec[]): string {
  const offered = specs.filter((s) => !s.githubOnly)
  const githubOnly = specs.filter((s) => s.githubOnly).map((s) => s.name)
  const sections = [
    [`Usage: ${COMMAND} [flags]`],
    wrap(
      "Waits until AWS Config conformance packs have finished deploying, prints each pack's state as it changes and a table at the end, and exits with a code that says how the wait ended. The flags are the GitHub Action's inputs, with the same names and defaults; a flag's value may also be given as --flag=value.",
      HELP_WIDTH
    ),
    ['Wait:', ...offered.flatMap((s) => entry(flagUsage(s), inputDescription(s, specs)))],
    ['Output:', ...COMMAND_FLAGS.flatMap((f) => entry(f.usage, f.description))],
    wrap(
      `Not offered: ${githubOnly.join(', ')}. The live check run they configure lives on a GitHub commit; outside GitHub Actions there is none.`,
      HELP_WIDTH
    ),
    ['Exit codes:', ...EXIT_CODES.flatMap((e) => column(String(e.code), e.meaning))],
    ['Environment:', ...ENVIRONMENT.flatMap((v) => entry(v.name, v.meaning))],
    wrap(
      "Credentials come from the AWS SDK's default chain: environment variables, AWS_PROFILE (SSO included), a web identity token, then the CodeBuild, ECS or EC2 role.",
      HELP_WIDTH
    )
  ]
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`
}
