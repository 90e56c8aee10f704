/**
 * Writes the README's inputs and outputs tables from action.yml, between the marker comments
 * `<!-- inputs:start -->` … `<!-- inputs:end -->` and `<!-- outputs:start -->` …
 * `<!-- outputs:end -->`, so the tables say what the Marketplace says. Run it after changing
 * action.yml: `npm run docs:tables`. A unit test fails when the committed README and
 * action.yml drift apart, naming the rows that differ.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

export const ACTION_YML = resolve(import.meta.dirname, '../action.yml')
export const README = resolve(import.meta.dirname, '../README.md')

export type TableName = 'inputs' | 'outputs'
export const TABLES: readonly TableName[] = ['inputs', 'outputs']

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

/** The rows action.yml gives each table, first cell the input's or output's name in backticks. */
export function tableRows(actionYml: string): Record<TableName, { header: Row; rows: Row[] }> {
  const manifest = parse(actionYml) as Manifest
  const inputs = Object.entries(manifest.inputs ?? {})
  const outputs = Object.entries(manifest.outputs ?? {})
  if (inputs.length === 0 || outputs.length === 0)
    throw new Error('action.yml declares no inputs or no outputs')
  return {
    inputs: {
      header: ['Input', 'Default', 'Description'],
      rows: inputs.map(([name, input]) => {
        const value = input.default === undefined ? '' : String(input.default)
        return [code(name), value === '' ? 'empty' : code(value), cell(oneLine(input.description))]
      })
    },
    outputs: {
      header: ['Output', 'Description'],
      rows: outputs.map(([name, output]) => [code(name), cell(oneLine(output.description))])
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

function replaceBlock(doc: string, name: TableName, content: string): string {
  const { start, end } = markers(name)
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`)
  return `${doc.slice(0, from + start.length)}\n\n${content}\n\n${doc.slice(to)}`
}

/** README.md with both tables written from action.yml, formatted as committed. */
export async function renderReadme(doc: string, actionYml: string): Promise<string> {
  const tables = tableRows(actionYml)
  let filled = doc
  for (const name of TABLES)
    filled = replaceBlock(filled, name, markdownTable(tables[name].header, tables[name].rows))
  const config = await resolveConfig(README)
  return format(filled, { ...config, filepath: README })
}

/** A table row's cells as the README holds them, padding dropped. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
}

/**
 * Every difference between the README's tables and the ones action.yml gives, in words: a row
 * missing, a row too many, a cell that differs. Empty when the README is up to date.
 */
export async function tableDrift(doc: string, actionYml: string): Promise<string[]> {
  const problems: string[] = []
  const tables = tableRows(actionYml)
  for (const name of TABLES) {
    const block = blockOf(doc, name)
    if (block === undefined) {
      problems.push(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`)
      continue
    }
    const [headerLine, , ...lines] = block.trim().split('\n')
    const have = new Map(lines.map((l) => cellsOf(l)).map((cells) => [cells[0], cells]))
    const { header, rows } = tables[name]
    const kind = name.slice(0, -1)
    if (headerLine === undefined || cellsOf(headerLine).join('|') !== header.join('|'))
      problems.push(`the ${name} table's header is not | ${header.join(' | ')} |`)
    for (const want of rows) {
      const got = have.get(want[0])
      if (!got) {
        problems.push(`${kind} ${want[0]} is in action.yml but not in the README's ${name} table`)
        continue
      }
      want.forEach((value, i) => {
        if (got[i] !== value)
          problems.push(
            `${kind} ${want[0]}: the README's ${header[i]} is ${JSON.stringify(got[i] ?? '')} but action.yml gives ${JSON.stringify(value)}`
          )
      })
    }
    for (const key of have.keys())
      if (!rows.some((r) => r[0] === key))
        problems.push(`the README's ${name} table lists ${key}, which action.yml does not declare`)
    const order = (names: readonly (string | undefined)[]): string => names.join(', ')
    if (problems.length === 0 && order([...have.keys()]) !== order(rows.map((r) => r[0])))
      problems.push(`the ${name} table's order differs from action.yml's`)
  }
  if (problems.length === 0) {
    const rendered = await renderReadme(doc, actionYml)
    for (const name of TABLES)
      if (blockOf(doc, name) !== blockOf(rendered, name))
        problems.push(
          `the ${name} table is laid out differently from what npm run docs:tables writes`
        )
  }
  return problems
}

async function main(): Promise<void> {
  const actionYml = await readFile(ACTION_YML, 'utf8')
  await writeFile(README, await renderReadme(await readFile(README, 'utf8'), actionYml))
  console.log(`Wrote the inputs and outputs tables of ${README} from ${ACTION_YML}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
