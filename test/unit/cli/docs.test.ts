import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { ACTION_YML, CLI_DOC, renderCliDoc } from '../../../scripts/generate-input-spec.js'
import { EXIT_CODES } from '../../../src/cli/exit-code.js'
import { helpText } from '../../../src/cli/help.js'
import { INPUT_SPECS } from '../../../src/input-spec.js'
import { OUTPUT_NAMES } from '../../../src/publish/outputs.js'

describe('docs/cli.md', () => {
  it('shows a --json object with every output, in the order the action sets them', async () => {
    const doc = await readFile(CLI_DOC, 'utf8')
    const block = /### The JSON object\s*```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '{}'
    expect(Object.keys(JSON.parse(block) as object)).toEqual([...OUTPUT_NAMES])
  })

  it('shows the --help text and the exit codes as the code has them', async () => {
    const doc = await readFile(CLI_DOC, 'utf8')
    expect(
      doc === (await renderCliDoc(doc, await readFile(ACTION_YML, 'utf8'))),
      'docs/cli.md is out of date: run npx tsx scripts/generate-input-spec.ts'
    ).toBe(true)
    expect(doc).toContain(helpText(INPUT_SPECS).trimEnd())
    for (const { code, meaning } of EXIT_CODES)
      expect(doc).toMatch(
        new RegExp(`^\\| ${code} +\\| ${meaning.replace(/[()]/g, '\\$&')} +\\|$`, 'm')
      )
  })

  it('notices a stale block', async () => {
    const doc = await readFile(CLI_DOC, 'utf8')
    const stale = doc.replace('--timeout-seconds SECONDS', '--timeout SECONDS')
    expect(await renderCliDoc(stale, await readFile(ACTION_YML, 'utf8'))).toBe(doc)
  })

  it('has the four complete examples and both ways to run without a registry', async () => {
    const doc = await readFile(CLI_DOC, 'utf8')
    expect(doc).toMatch(
      /artifacts:\n {4}when: always\n {4}reports:\n {6}junit: conformance-packs\.xml/
    )
    expect(doc).toContain('file-format: JUNITXML')
    expect(doc).toMatch(/Provider: CodeBuild/)
    expect(doc).toContain('export AWS_PROFILE=')
    expect(doc).toContain('npx --yes github:OWNER/wait-for-conformance-packs')
    expect(doc).toContain('node dist/cli.js --conformance-pack-names my-pack')
  })

  it('runs the examples on Node.js 24 and names the command’s floor, Node.js 22', async () => {
    const doc = await readFile(CLI_DOC, 'utf8')
    expect(doc).toContain('It needs Node.js 22 or later')
    expect(doc).toContain('  image: node:24\n')
    expect(doc).toContain('      nodejs: 24\n')
    const versions = [...doc.matchAll(/(?:image: node:|nodejs: |Node\.js )(\d+)/g)].map((m) =>
      Number(m[1])
    )
    expect(versions.length).toBeGreaterThanOrEqual(3)
    for (const version of versions) expect(version).toBeGreaterThanOrEqual(22)
  })
})
