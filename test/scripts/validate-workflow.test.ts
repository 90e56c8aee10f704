import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workflowProblems } from '../../scripts/validate-workflow.js'

const VALID = `name: CI
on: pull_request
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`

describe('workflowProblems', () => {
  it('accepts a valid workflow', async () => {
    expect(await workflowProblems('ci.yml', VALID)).toEqual([])
  })

  it('names the file, line and key of a misspelt property', async () => {
    const broken = VALID.replace('    steps:', '    stepz:')
    const problems = await workflowProblems('broken.yml', broken)
    expect(problems).toContain("broken.yml (Line: 8, Col: 5): Unexpected value 'stepz'")
  })

  it('reports a malformed expression', async () => {
    const broken = VALID.replace('npm test', 'echo ${{ github.ref == }}')
    const problems = await workflowProblems('expr.yml', broken)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^expr\.yml \(Line: 10, Col: \d+\): Unexpected end of expression/)
  })

  it('reports what only the job graph shows: a job needing an unknown job', async () => {
    const broken = `${VALID}  publish:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo
`
    expect(await workflowProblems('needs.yml', broken)).toEqual([
      "needs.yml (Line: 12, Col: 12): Job 'publish' depends on unknown job 'build'."
    ])
  })

  it('reports YAML that does not parse', async () => {
    const problems = await workflowProblems('yaml.yml', 'on: [push\njobs: {}\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^yaml\.yml: /)
  })

  it("finds nothing wrong with this repository's workflows", async () => {
    const dir = '.github/workflows'
    const files = readdirSync(dir).filter((file) => file.endsWith('.yml'))
    expect(files).toContain('release.yml')
    for (const file of files) {
      const path = join(dir, file)
      expect(await workflowProblems(path, readFileSync(path, 'utf8'))).toEqual([])
    }
  })
})
