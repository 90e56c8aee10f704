import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EmulatedResult, Scenario } from '../emulator/config-emulator.js'
import { parseXml } from '../support/xml.js'
import { FAST_FLAGS, runCliWith } from './cli-harness.js'
import { FAST, json, runWith } from './dist-harness.js'

/** The compliance baseline on the built action and the built command. */

const bad = (id: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT'
})
const scenario = (ids: string[]): Scenario => ({
  packs: [
    {
      name: 's3-security',
      timeline: [{ state: 'CREATE_COMPLETE' }],
      requestedAt: Date.now() - 3_000,
      rules: [
        {
          name: 'versioning-conformance-pack-k3x9q2m7a',
          evaluations: [{ atMs: 2_500, results: ids.map(bad) }]
        }
      ]
    }
  ]
})
const BASELINE = [
  'version: 1',
  'findings:',
  '  - rule: versioning',
  '    resourceId: logs',
  '    reason: Replicated instead'
].join('\n')

async function workspace(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'baseline-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return dir
}

describe('dist/index.js with a baseline', () => {
  it('reads the file in the workspace: a known finding passes, a new one fails naming only it', async () => {
    const dir = await workspace({ 'b.yml': BASELINE })
    const inputs = {
      'conformance-pack-names': 's3-security',
      compliance: 'require',
      'compliance-baseline': 'b.yml',
      ...FAST
    }
    const known = await runWith(scenario(['logs']), { inputs, env: { GITHUB_WORKSPACE: dir } })
    expect(known.code).toBe(0)
    expect(known.outputs.result).toBe('success')
    expect(json(known.outputs['new-findings'])).toEqual([])

    const fresh = await runWith(scenario(['logs', 'tmp']), {
      inputs,
      env: { GITHUB_WORKSPACE: dir }
    })
    expect(fresh.code).toBe(1)
    expect(fresh.outputs.result).toBe('noncompliant')
    expect(fresh.stdout).toMatch(
      /^::error::1 new finding\(s\) not in the baseline b\.yml \(1 known\): .*AWS::S3::Bucket tmp is new$/m
    )
    expect(fresh.summary).toContain('1 new, 1 known, 0 fixed')
    expect(fresh.summary).toContain('Replicated instead')
  })

  it('a bad file fails the step before any AWS call, naming the input and the path', async () => {
    const dir = await workspace({
      'b.yml': 'version: 1\nfindings:\n  - rule: x\n    colour: red\n'
    })
    const run = await runWith(scenario(['logs']), {
      inputs: {
        'conformance-pack-names': 's3-security',
        compliance: 'require',
        'compliance-baseline': 'b.yml',
        ...FAST
      },
      env: { GITHUB_WORKSPACE: dir }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::Input 'compliance-baseline' \(b\.yml\): .*findings\[0\]/m)
    expect(run.emulator.requests).toEqual([])
  })

  it('write-baseline writes a file that, read back, accepts exactly what was seen', async () => {
    const dir = await workspace()
    const written = await runWith(scenario(['logs', 'data']), {
      inputs: {
        'conformance-pack-names': 's3-security',
        compliance: 'report',
        'write-baseline': 'base/line.yml',
        ...FAST
      },
      env: { GITHUB_WORKSPACE: dir }
    })
    expect(written.code).toBe(0)
    const text = await readFile(join(dir, 'base/line.yml'), 'utf8')
    expect(text).toMatch(/^# Written by wait-for-conformance-packs on /)
    const again = await runWith(scenario(['logs', 'data', 'new-one']), {
      inputs: {
        'conformance-pack-names': 's3-security',
        compliance: 'require',
        'compliance-baseline': 'base/line.yml',
        ...FAST
      },
      env: { GITHUB_WORKSPACE: dir }
    })
    expect(again.outputs.result).toBe('noncompliant')
    expect(json(again.outputs['new-findings'])).toEqual([
      expect.objectContaining({ resourceId: 'new-one' })
    ])
  })
})

describe('dist/cli.js with a baseline', () => {
  it('exits 0 with known findings only and 1 with a new one; JUnit passes the known with its reason', async () => {
    const dir = await workspace({ 'b.yml': BASELINE })
    const args = (extra: string[]) => [
      '--conformance-pack-names',
      's3-security',
      '--compliance',
      'require',
      '--compliance-baseline',
      join(dir, 'b.yml'),
      '--junit-file',
      '{dir}/j.xml',
      ...FAST_FLAGS,
      ...extra
    ]
    const known = await runCliWith(scenario(['logs']), { args: args([]), files: ['j.xml'] })
    expect(known.code).toBe(0)
    const passed = parseXml(known.files['j.xml'] ?? '').children[0].children.find(
      (c) => c.attributes.name === 's3-security / versioning-conformance-pack-k3x9q2m7a'
    )
    expect(passed?.children.map((c) => [c.name, c.text])).toEqual([
      ['system-out', 'Known findings (baseline):\n- AWS::S3::Bucket logs: Replicated instead']
    ])

    const fresh = await runCliWith(scenario(['logs', 'tmp']), { args: args([]), files: ['j.xml'] })
    expect(fresh.code).toBe(1)
    const failed = parseXml(fresh.files['j.xml'] ?? '').children[0].children.find(
      (c) => c.attributes.name === 's3-security / versioning-conformance-pack-k3x9q2m7a'
    )
    expect(failed?.children[0].name).toBe('failure')
    expect(failed?.children[0].attributes.message).toBe(
      'NON_COMPLIANT: 1 new resource(s) not compliant: AWS::S3::Bucket tmp'
    )
  })
})
