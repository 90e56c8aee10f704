import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  documentedWorkflows,
  isWorkflow,
  ROOT,
  workflowProblems,
  yamlBlocks,
  type YamlBlock
} from './workflow-blocks.js'

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  permissions?: Record<string, string>
  concurrency?: unknown
  jobs: Record<
    string,
    { permissions?: Record<string, string>; concurrency?: unknown; steps?: Step[] }
  >
}

const ACTION = 'OWNER/wait-for-conformance-packs@v1'
const workflows = await documentedWorkflows()
const readmeWorkflows = workflows.filter((w) => w.where.startsWith('README.md:'))
const declaredInputs = Object.keys(
  (parse(await readFile(resolve(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs
)

const stepsOf = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((job) => job.steps ?? [])
const deploys = (w: Workflow): boolean =>
  stepsOf(w).some((s) => s.run?.includes('put-conformance-pack'))

describe('the documentation’s workflows', () => {
  it('README.md shows the deploy, pull-request and release-gate workflows', () => {
    expect(readmeWorkflows.map((w) => (parse(w.content) as { name?: string }).name)).toEqual([
      'Deploy conformance pack',
      'Conformance packs',
      'Release'
    ])
  })

  it.each(workflows.map((w) => [w.where, w] as const))(
    '%s is a workflow GitHub accepts',
    async (where, block: YamlBlock) => {
      expect(await workflowProblems(where, block.content)).toEqual([])
    }
  )

  it.each(readmeWorkflows.map((w) => [w.where, w] as const))(
    '%s is complete: permissions, a role to assume, the action at @v1 with declared inputs',
    (_where, block: YamlBlock) => {
      const workflow = parse(block.content) as Workflow
      expect(workflow.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' })
      const steps = stepsOf(workflow)
      const credentials = steps.find((s) =>
        s.uses?.startsWith('aws-actions/configure-aws-credentials@')
      )
      expect(credentials?.with?.['role-to-assume']).toMatch(/^arn:aws:iam::\d{12}:role\//)
      const waits = steps.filter((s) => s.uses === ACTION)
      expect(waits).toHaveLength(1)
      for (const key of Object.keys(waits[0].with ?? {})) expect(declaredInputs).toContain(key)
      if (waits[0].with?.['github-token'] !== undefined)
        expect(workflow.permissions?.checks).toBe('write')
      // Two runs at once could deploy the same packs over each other.
      if (deploys(workflow)) expect(workflow.concurrency).toBeDefined()
    }
  )

  it('the deploy example records the time before the deploy command and passes it on', () => {
    const workflow = parse(readmeWorkflows[0].content) as Workflow
    const steps = stepsOf(workflow)
    const recorded = steps.findIndex(
      (s) => s.run?.trim() === 'echo "at=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"'
    )
    const deployed = steps.findIndex((s) => s.run?.includes('put-conformance-pack'))
    const waited = steps.findIndex((s) => s.uses === ACTION)
    expect(recorded).toBeGreaterThanOrEqual(0)
    expect(recorded).toBeLessThan(deployed)
    expect(deployed).toBeLessThan(waited)
    expect(steps[waited].with?.['requested-after']).toBe(
      `\${{ steps.${steps[recorded].id}.outputs.at }}`
    )
  })
})

describe('the workflow checks', () => {
  it('find only the blocks with on: and jobs:, fences indented or not', () => {
    const markdown = [
      '```yaml',
      'on: push',
      'jobs: {}',
      '```',
      '- a step:',
      '  ```yaml',
      '  - uses: a/b@v1',
      '  ```',
      '  ```yml',
      '  on: push',
      '  jobs:',
      '    a: {}',
      '  ```'
    ].join('\n')
    const blocks = yamlBlocks(markdown, 'x.md')
    expect(blocks.map((b) => b.where)).toEqual(['x.md:1', 'x.md:6', 'x.md:9'])
    expect(blocks.filter(isWorkflow).map((b) => b.where)).toEqual(['x.md:1', 'x.md:9'])
  })

  it('reject a workflow GitHub would reject', async () => {
    const broken = readmeWorkflows[0].content.replace('permissions:', 'permission:')
    expect(await workflowProblems('broken.yml', broken)).toEqual([
      expect.stringContaining("Unexpected value 'permission'")
    ])
    const noRoot =
      'on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps:\n      - run: x\n'
    expect((await workflowProblems('cycle.yml', noRoot)).join('\n')).toMatch(
      /at least one job with no dependencies/
    )
  })
})
