/**
 * Validates action.yml against GitHub's action schema (@actions/workflow-parser), checks that
 * its inputs and defaults are the ones the code reads, and validates every workflow under
 * .github/workflows as GitHub would load it.
 */
import { FILE_INPUTS } from '../src/input-files.js'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import { parse } from 'yaml'
import { DEFAULTS } from '../src/inputs.js'
import { OUTPUT_NAMES } from '../src/publish/outputs.js'
import { workflowProblems } from './validate-workflow.js'

const content = readFileSync('action.yml', 'utf8')
const problems: string[] = []
const result = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
for (const error of result.context.errors.getErrors()) problems.push(error.message)

const manifest = parse(content) as {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}
const expectedInputs = [
  'conformance-pack-names',
  'region',
  'github-token',
  'requested-after',
  ...FILE_INPUTS,
  ...Object.keys(DEFAULTS)
]
for (const name of expectedInputs) {
  if (!(name in manifest.inputs)) problems.push(`input ${name} is not declared`)
}
for (const name of Object.keys(manifest.inputs)) {
  if (!expectedInputs.includes(name)) problems.push(`input ${name} is declared but never read`)
}
for (const [name, value] of Object.entries(DEFAULTS)) {
  if (manifest.inputs[name]?.default !== value) {
    problems.push(
      `input ${name}: default ${JSON.stringify(manifest.inputs[name]?.default)} differs from the code's ${JSON.stringify(value)}`
    )
  }
}
for (const name of OUTPUT_NAMES)
  if (!(name in manifest.outputs)) problems.push(`output ${name} is not declared`)
for (const name of Object.keys(manifest.outputs)) {
  if (!(OUTPUT_NAMES as readonly string[]).includes(name))
    problems.push(`output ${name} is declared but never set`)
}
if (manifest.runs.using !== 'node24' || manifest.runs.main !== 'dist/index.js')
  problems.push('runs must be node24 with dist/index.js')

const WORKFLOWS = '.github/workflows'
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => join(WORKFLOWS, file))
const workflowErrors: string[] = []
for (const file of workflowFiles)
  workflowErrors.push(...(await workflowProblems(file, readFileSync(file, 'utf8'))))

if (problems.length)
  console.error(`action.yml is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
if (workflowErrors.length)
  console.error(`Workflows are invalid:\n${workflowErrors.map((p) => `  - ${p}`).join('\n')}`)
if (problems.length || workflowErrors.length) process.exit(1)
console.log(`action.yml is valid; so are ${workflowFiles.join(', ')}`)
