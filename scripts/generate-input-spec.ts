/**
 * Writes src/input-spec.ts from action.yml: the inputs the action declares are the flags the
 * command offers, with the same names, descriptions and defaults. Then writes the --help text
 * and the exit codes into docs/cli.md. Run it after changing an input:
 * `npx tsx scripts/generate-input-spec.ts`. The unit tests fail when the committed files and
 * action.yml drift apart.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import { EXIT_CODES } from '../src/cli/exit-code.js'
import { helpText } from '../src/cli/help.js'

export const ACTION_YML = resolve(import.meta.dirname, '../action.yml')
export const INPUT_SPEC_MODULE = resolve(import.meta.dirname, '../src/input-spec.ts')
export const CLI_DOC = resolve(import.meta.dirname, '../docs/cli.md')

/** Inputs that hold several values: the flag may be repeated, and takes commas or newlines. */
const LIST_INPUTS = ['conformance-pack-names', 'region']
/** Inputs that only mean something on GitHub: the command offers no flag for them. */
const GITHUB_ONLY_INPUTS = ['github-token', 'check-name']

interface ManifestInput {
  description?: string
  default?: string | number | boolean
  required?: boolean
}

export interface GeneratedSpec {
  name: string
  description: string
  default: string
  required: boolean
  kind: 'string' | 'boolean' | 'list'
  githubOnly: boolean
}

/** The inputs action.yml declares, in its order, as src/input-spec.ts holds them. */
export function inputSpecsOf(actionYml: string): GeneratedSpec[] {
  const manifest = parse(actionYml) as { inputs?: Record<string, ManifestInput> }
  const inputs = Object.entries(manifest.inputs ?? {})
  if (inputs.length === 0) throw new Error('action.yml declares no inputs')
  const declared = new Set(inputs.map(([name]) => name))
  for (const name of [...LIST_INPUTS, ...GITHUB_ONLY_INPUTS]) {
    if (!declared.has(name))
      throw new Error(`scripts/generate-input-spec.ts names input ${name}, not in action.yml`)
  }
  return inputs.map(([name, input]) => {
    const defaultValue = input.default === undefined ? '' : String(input.default)
    return {
      name,
      description: (input.description ?? '').replace(/\s+/g, ' ').trim(),
      default: defaultValue,
      required: input.required === true,
      kind: LIST_INPUTS.includes(name)
        ? 'list'
        : defaultValue === 'true' || defaultValue === 'false'
          ? 'boolean'
          : 'string',
      githubOnly: GITHUB_ONLY_INPUTS.includes(name)
    }
  })
}

/** The TypeScript source of src/input-spec.ts for this action.yml, formatted as committed. */
export async function renderInputSpec(actionYml: string): Promise<string> {
  const specs = inputSpecsOf(actionYml)
  const source = `// Generated from action.yml by scripts/generate-input-spec.ts: do not edit by hand.

/** How the command reads an input's flag: a value, true/false, or a repeatable list. */
export type InputKind = 'string' | 'boolean' | 'list'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** The action's default: what an absent flag means. */
  readonly default: string
  readonly required: boolean
  readonly kind: InputKind
  /** Meaningful only on GitHub: the command has no flag for it. */
  readonly githubOnly: boolean
}

/** The action's inputs, in action.yml's order. */
export const INPUT_SPECS: readonly InputSpec[] = ${JSON.stringify(specs, null, 2)}
`
  const config = await resolveConfig(INPUT_SPEC_MODULE)
  return format(source, { ...config, filepath: INPUT_SPEC_MODULE })
}

/** docs/cli.md with its generated blocks (the --help text, the exit codes) brought up to date. */
export async function renderCliDoc(doc: string, actionYml: string): Promise<string> {
  const help = ['```text', helpText(inputSpecsOf(actionYml)).trimEnd(), '```'].join('\n')
  const codes = [
    '| Code | Meaning |',
    '| --- | --- |',
    ...EXIT_CODES.map((e) => `| ${e.code} | ${e.meaning} |`)
  ].join('\n')
  const filled = replaceBlock(replaceBlock(doc, 'help', help), 'exit-codes', codes)
  const config = await resolveConfig(CLI_DOC)
  return format(filled, { ...config, filepath: CLI_DOC })
}

function replaceBlock(doc: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/cli.md has no ${start} … ${end} block`)
  return `${doc.slice(0, from + start.length)}\n\n${content}\n\n${doc.slice(to)}`
}

async function main(): Promise<void> {
  const actionYml = await readFile(ACTION_YML, 'utf8')
  await writeFile(INPUT_SPEC_MODULE, await renderInputSpec(actionYml))
  await writeFile(CLI_DOC, await renderCliDoc(await readFile(CLI_DOC, 'utf8'), actionYml))
  console.log(`Wrote ${INPUT_SPEC_MODULE} and ${CLI_DOC}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
