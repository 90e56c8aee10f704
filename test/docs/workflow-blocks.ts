/**
 * The ```yaml blocks of the documentation that are whole workflows, and GitHub's own checks of
 * a workflow file (@actions/workflow-parser), as scripts/validate-action.ts checks action.yml.
 */
import { readdir, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'

export const ROOT = resolve(import.meta.dirname, '../..')

export interface YamlBlock {
  /** `README.md:42`: the file and the line of the block's opening fence. */
  readonly where: string
  readonly content: string
}

/** Every ```yaml (or ```yml) block of a Markdown text, fences at any indentation. */
export function yamlBlocks(markdown: string, file: string): YamlBlock[] {
  const blocks: YamlBlock[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[i])
    if (!open) continue
    const indent = open[1].length
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(indent))
    blocks.push({ where: `${file}:${i + 1}`, content: `${body.join('\n')}\n` })
    i = j
  }
  return blocks
}

/** A block is a whole workflow when it has the top-level keys `on:` and `jobs:`. */
export const isWorkflow = (block: YamlBlock): boolean =>
  /^on:/m.test(block.content) && /^jobs:/m.test(block.content)

/** The whole workflows of README.md and docs/*.md. */
export async function documentedWorkflows(): Promise<YamlBlock[]> {
  const docs = (await readdir(resolve(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).sort()
  const files = ['README.md', ...docs.map((f) => `docs/${f}`)]
  const blocks = await Promise.all(
    files.map(async (file) => yamlBlocks(await readFile(resolve(ROOT, file), 'utf8'), file))
  )
  return blocks.flat().filter(isWorkflow)
}

/** What GitHub would reject in this workflow file: schema errors, then the model's errors. */
export async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const problems = parsed.context.errors.getErrors().map((e) => e.message)
  if (problems.length || !parsed.value) return problems.length ? problems : [`${name}: empty`]
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  return (template.errors ?? []).map((e) => e.Message)
}
