/**
 * Writes the inputs and outputs tables from action.yml, between the marker comments
 * `<!-- inputs:start -->` … `<!-- inputs:end -->` and `<!-- outputs:start -->` …
 * `<!-- outputs:end -->`, in two files:
 *
 * - README.md: compact tables, one line a row. The description is the `# short:` comment line
 *   written just above the input or output in action.yml (every one has one, at most
 *   SHORT_MAX characters).
 * - docs/inputs.md: the full descriptions, as the Marketplace shows them.
 *
 * Run it after changing action.yml: `npm run docs:tables`. A unit test fails when either file
 * and action.yml drift apart, naming the rows that differ.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '..')
export const ACTION_YML = resolve(ROOT, 'action.yml')
export const README = resolve(ROOT, 'README.md')
export const INPUTS_DOC = resolve(ROOT, 'docs/inputs.md')

export type TableName = 'inputs' | 'outputs'
export const TABLES: readonly TableName[] = ['inputs', 'outputs']

/** short: README.md's one-line descriptions; full: docs/inputs.md's whole ones. */
export type Style = 'short' | 'full'
export const TARGETS: readonly { file: string; style: Style }[] = [
  { file: README, style: 'short' },
  { file: INPUTS_DOC, style: 'full' }
]

/** The longest `# short:` description, so that a README row stays one line. */
export const SHORT_MAX = 100

interface Manifest {
  inputs?: Record<string, { description?: string; default?: string | number | boolean }>
  outputs?: Record<string, { description?: string }>
}

/** One table row's cells, as written (before Prettier pads them). */
type Row = readonly string[]

const oneLine = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()
// Descriptions are plain text written for the Marketplace: `|` would end the cell, `*` and a
// leading `_` (as in *_FAILED) would start emphasis, `<` a tag. Backslash-escaped, GFM shows
// each as it is.
const cell = (text: string): string =>
  text.replace(/[\\|*<]/g, '\\$&').replace(/(^|[^\p{L}\p{N}])_/gu, '$1\\_')
const code = (text: string): string => `\`${text}\``

/**
 * The `# short: …` comment line just above each input and output of action.yml, by table and
 * name. Comments are not part of the YAML data, so they are read from the lines.
 */
export function shortDescriptions(actionYml: string): Record<TableName, Map<string, string>> {
  const found: Record<TableName, Map<string, string>> = { inputs: new Map(), outputs: new Map() }
  let section: string | undefined
  let pending: string | undefined
  for (const line of actionYml.split(/\r?\n/)) {
    const top = /^([\w-]+):/.exec(line)
    if (top) section = top[1]
    const short = /^ {2}# short:\s*(.*?)\s*$/.exec(line)
    const key = /^ {2}([\w-]+):\s*$/.exec(line)
    if (short) pending = short[1]
    else if (key && (section === 'inputs' || section === 'outputs')) {
      if (pending !== undefined) found[section].set(key[1], pending)
      pending = undefined
    } else if (!/^\s*#/.test(line)) pending = undefined
  }
  return found
}

/** What is wrong with action.yml's `# short:` lines: one missing, empty or too long. */
export function shortProblems(actionYml: string): string[] {
  const manifest = parse(actionYml) as Manifest
  const shorts = shortDescriptions(actionYml)
  const problems: string[] = []
  for (const name of TABLES) {
    const kind = name.slice(0, -1)
    for (const key of Object.keys(manifest[name] ?? {})) {
      const short = shorts[name].get(key)
      if (!short) problems.push(`action.yml: ${kind} ${key} has no "# short: …" line just above it`)
      else if (short.length > SHORT_MAX)
        problems.push(
          `action.yml: the "# short:" line of ${kind} ${key} is ${short.length} characters, more than ${SHORT_MAX}`
        )
    }
  }
  return problems
}

/** The rows action.yml gives each table, first cell the input's or output's name in backticks. */
export function tableRows(
  actionYml: string,
  style: Style = 'short'
): Record<TableName, { header: Row; rows: Row[] }> {
  const manifest = parse(actionYml) as Manifest
  const inputs = Object.entries(manifest.inputs ?? {})
  const outputs = Object.entries(manifest.outputs ?? {})
  if (inputs.length === 0 || outputs.length === 0)
    throw new Error('action.yml declares no inputs or no outputs')
  const shorts = shortDescriptions(actionYml)
  const describe = (name: TableName, key: string, description: string | undefined): string =>
    cell(oneLine(style === 'short' ? (shorts[name].get(key) ?? '') : description))
  return {
    inputs: {
      header: ['Input', 'Default', 'Description'],
      rows: inputs.map(([name, input]) => {
        const value = input.default === undefined ? '' : String(input.default)
        return [
          code(name),
          value === '' ? 'empty' : code(value),
          describe('inputs', name, input.description)
        ]
      })
    },
    outputs: {
      header: ['Output', 'Description'],
      rows: outputs.map(([name, output]) => [
        code(name),
        describe('outputs', name, output.description)
      ])
    }
  }
}

function markdownTable(header: Row, rows: readonly Row[]): string {
  const line = (cells: Row): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function markers(name: TableName): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` }
}

/** The text between a table's markers, or undefined when the markers are absent. */
export function blockOf(doc: string, name: TableName): string | undefined {
  const { start, end } = markers(name)
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) return undefined
  return doc.slice(from + start.length, to)
}

function replaceBlock(doc: string, name: TableName, content: string, file: string): string {
  const { start, end } = markers(name)
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`)
  return `${doc.slice(0, from + start.length)}\n\n${content}\n\n${doc.slice(to)}`
}

const fileName = (path: string): string => relative(ROOT, path)
const styleOf = (path: string): Style => TARGETS.find((t) => t.file === path)?.style ?? 'short'

/** The file (README.md by default) with both tables written from action.yml, as committed. */
export async function renderReadme(
  doc: string,
  actionYml: string,
  path: string = README
): Promise<string> {
  const tables = tableRows(actionYml, styleOf(path))
  let filled = doc
  for (const name of TABLES)
    filled = replaceBlock(
      filled,
      name,
      markdownTable(tables[name].header, tables[name].rows),
      fileName(path)
    )
  const config = await resolveConfig(path)
  return format(filled, { ...config, filepath: path })
}

/** A table row's cells as the file holds them, padding dropped. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
}

/** How a message names the file: "the README's", "docs/inputs.md's". */
const owner = (path: string): string => (path === README ? "the README's" : `${fileName(path)}'s`)

/** The differences between one table in the file and the rows action.yml gives it. */
function rowDrift(
  block: string,
  want: { header: Row; rows: Row[] },
  name: TableName,
  path: string
): string[] {
  const problems: string[] = []
  const [headerLine, , ...lines] = block.trim().split('\n')
  const have = new Map(lines.map((l) => cellsOf(l)).map((cells) => [cells[0], cells]))
  const { header, rows } = want
  const kind = name.slice(0, -1)
  const its = owner(path)
  if (headerLine === undefined || cellsOf(headerLine).join('|') !== header.join('|'))
    problems.push(`the ${name} table's header is not | ${header.join(' | ')} |`)
  for (const row of rows) {
    const got = have.get(row[0])
    if (!got) {
      problems.push(`${kind} ${row[0]} is in action.yml but not in ${its} ${name} table`)
      continue
    }
    row.forEach((value, i) => {
      if (got[i] !== value)
        problems.push(
          `${kind} ${row[0]}: ${its} ${header[i]} is ${JSON.stringify(got[i] ?? '')} but action.yml gives ${JSON.stringify(value)}`
        )
    })
  }
  for (const key of have.keys())
    if (!rows.some((r) => r[0] === key))
      problems.push(`${its} ${name} table lists ${key}, which action.yml does not declare`)
  const order = (names: readonly (string | undefined)[]): string => names.join(', ')
  if (problems.length === 0 && order([...have.keys()]) !== order(rows.map((r) => r[0])))
    problems.push(`the ${name} table's order differs from action.yml's`)
  return problems
}

/**
 * Every difference between the file's tables (README.md by default) and the ones action.yml
 * gives, in words: a row missing, a row too many, a cell that differs, a `# short:` line
 * missing. Empty when the file is up to date.
 */
export async function tableDrift(
  doc: string,
  actionYml: string,
  path: string = README
): Promise<string[]> {
  const style = styleOf(path)
  const problems = style === 'short' ? shortProblems(actionYml) : []
  const tables = tableRows(actionYml, style)
  for (const name of TABLES) {
    const block = blockOf(doc, name)
    if (block === undefined)
      problems.push(`${fileName(path)} has no <!-- ${name}:start --> … <!-- ${name}:end --> block`)
    else problems.push(...rowDrift(block, tables[name], name, path))
  }
  if (problems.length === 0) {
    const rendered = await renderReadme(doc, actionYml, path)
    for (const name of TABLES)
      if (blockOf(doc, name) !== blockOf(rendered, name))
        problems.push(
          `the ${name} table is laid out differently from what npm run docs:tables writes`
        )
  }
  return problems
}

async function main(): Promise<number> {
  const actionYml = await readFile(ACTION_YML, 'utf8')
  const problems = shortProblems(actionYml)
  if (problems.length) {
    console.error(problems.join('\n'))
    return 1
  }
  for (const { file } of TARGETS) {
    await writeFile(file, await renderReadme(await readFile(file, 'utf8'), actionYml, file))
    console.log(`Wrote the inputs and outputs tables of ${file} from ${ACTION_YML}`)
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main()
