import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partitionOf } from '../../src/aws/partition.js'
import { awsRegions } from '../../src/aws/region-ports.js'
import { runPipeline } from '../../src/pipeline.js'
import { systemClock } from '../../src/shared/clock.js'
import { ConfigEmulator, type EmulatedResult, type Scenario } from '../emulator/config-emulator.js'
import { memoryFiles } from '../support/memory-files.js'
import { inputsOf, recordingDestination } from '../support/recording-destination.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

/**
 * The compliance baseline through the whole pipeline: the real SDK against the emulator, whose
 * rules carry the suffix AWS gives a pack's rules, and the baseline files in memory.
 */

const FAST = { 'min-delay-seconds': '0.02', 'max-delay-seconds': '0.05', 'timeout-seconds': '5' }
const bad = (id: string): EmulatedResult => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance: 'NON_COMPLIANT'
})
/** A deployed pack whose rule (named with `suffix`, as AWS names it) finds these buckets. */
const scenario = (suffix: string, ids: string[]): Scenario => ({
  packs: [
    {
      name: 's3-security',
      timeline: [{ state: 'CREATE_COMPLETE' }],
      requestedAt: Date.now() - 3_000,
      rules: [
        {
          name: `s3-bucket-versioning-enabled-conformance-pack-${suffix}`,
          evaluations: [{ atMs: 2_500, results: ids.map(bad) }]
        }
      ]
    }
  ]
})
const entry = (id: string, extra = '') =>
  `  - rule: s3-bucket-versioning-enabled\n    resourceId: ${id}\n${extra}`

let emulator: ConfigEmulator | undefined
const saved = { ...process.env }
beforeEach(() => Object.assign(process.env, TEST_CREDENTIALS))
async function stopEmulator(): Promise<void> {
  await emulator?.stop()
  emulator = undefined
}
afterEach(async () => {
  await stopEmulator()
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
})

async function run(scene: Scenario, inputs: Record<string, string>, files = memoryFiles()) {
  emulator = new ConfigEmulator(scene)
  process.env.AWS_ENDPOINT_URL = await emulator.start()
  const env = { ...process.env, AWS_REGION: 'us-east-1' }
  const record = recordingDestination()
  const outcome = await runPipeline({
    inputs: inputsOf({
      'conformance-pack-names': 's3-security',
      compliance: 'require',
      ...FAST,
      ...inputs
    }),
    env,
    clock: systemClock,
    signal: new AbortController().signal,
    log: record.log,
    destination: record.destination,
    aws: awsRegions(env),
    partitionOf,
    files
  })
  return { outcome, ...record, files, calls: emulator.requests.length }
}

const resultOf = (r: Awaited<ReturnType<typeof run>>) =>
  r.outcome.kind === 'report' ? r.outcome.report.verdict.result : r.outcome.kind

describe('compliance-baseline over the wire', () => {
  it('passes with known findings only, matching rules by the name without the suffix; a new suffix still matches', async () => {
    const baseline = `version: 1\nfindings:\n${entry('logs', '    reason: Replicated instead\n')}${entry('data')}`
    for (const suffix of ['k3x9q2m7a', 'p0w8e7r6t']) {
      const r = await run(
        scenario(suffix, ['logs', 'data']),
        { 'compliance-baseline': 'b.yml' },
        memoryFiles({ 'b.yml': baseline })
      )
      expect(resultOf(r)).toBe('success')
      expect(r.outputs()?.['new-findings']).toEqual([])
      const resources = r.outputs()?.compliance[0].rules?.[0].nonCompliantResources
      expect(resources).toEqual([
        expect.objectContaining({
          resourceId: 'logs',
          baseline: 'known',
          reason: 'Replicated instead'
        }),
        expect.objectContaining({ resourceId: 'data', baseline: 'known' })
      ])
      expect(r.failures).toEqual([])
      expect(r.annotations.filter((a) => a.level === 'error')).toEqual([])
      expect(r.summaries[0]).toContain('0 new, 2 known, 0 fixed')
      await stopEmulator()
    }
  })

  it('fails on a new finding only, naming it; an entry matching nothing is fixed', async () => {
    const baseline = `version: 1\nfindings:\n${entry('logs')}${entry('gone')}`
    const r = await run(
      scenario('k3x9q2m7a', ['logs', 'fresh']),
      { 'compliance-baseline': 'b.yml' },
      memoryFiles({ 'b.yml': baseline })
    )
    expect(resultOf(r)).toBe('noncompliant')
    expect(r.outputs()?.['new-findings']).toEqual([
      {
        region: 'us-east-1',
        pack: 's3-security',
        rule: 's3-bucket-versioning-enabled-conformance-pack-k3x9q2m7a',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'fresh'
      }
    ])
    expect(r.failures[0]).toBe(
      '1 new finding(s) not in the baseline b.yml (1 known): us-east-1/s3-security/s3-bucket-versioning-enabled: AWS::S3::Bucket fresh is new'
    )
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors.join('\n')).toContain('AWS::S3::Bucket fresh')
    expect(errors.join('\n')).not.toContain('AWS::S3::Bucket logs')
    expect(r.summaries[0]).toContain('1 new, 1 known, 1 fixed')
  })

  it('an expired entry accepts nothing and the error says when it expired; one expiring soon warns', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
    const baseline = `version: 1\nfindings:\n${entry('logs', '    expires: 2020-01-31\n')}${entry('data', `    expires: ${soon}\n`)}`
    const r = await run(
      scenario('k3x9q2m7a', ['logs', 'data']),
      { 'compliance-baseline': 'b.yml' },
      memoryFiles({ 'b.yml': baseline })
    )
    expect(resultOf(r)).toBe('noncompliant')
    expect(r.failures[0]).toContain(
      "AWS::S3::Bucket logs is new: the baseline's entry findings[0] (rule s3-bucket-versioning-enabled, resourceId logs) expired on 2020-01-31"
    )
    const warnings = r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warnings).toContainEqual(expect.stringContaining(`expires on ${soon} (in 5 days)`))
  })

  it('report never fails: a warning per new finding', async () => {
    const r = await run(
      scenario('k3x9q2m7a', ['a', 'b']),
      { compliance: 'report', 'compliance-baseline': 'b.yml' },
      memoryFiles({ 'b.yml': `version: 1\nfindings:\n${entry('a')}` })
    )
    expect(resultOf(r)).toBe('success')
    expect(r.failures).toEqual([])
    // One warning per new finding, and no second one for its pack.
    expect(r.annotations.map((a) => a.message)).toEqual([
      'us-east-1/s3-security/s3-bucket-versioning-enabled: AWS::S3::Bucket b is new'
    ])
  })

  it('a bad file is an input error naming the input and the path, before any AWS call', async () => {
    for (const [text, problem] of [
      [undefined, /the file does not exist/],
      ['version: 1\nfindings:\n  - rule: x\n', /findings\[0\] has no 'resourceId'/],
      ['version: 2\nfindings: []\n', /version/],
      ['version: 1\nfindings:\n  - rule: [x\n', /line \d+, column \d+/]
    ] as const) {
      const files = memoryFiles(text === undefined ? {} : { 'b.yml': text })
      const r = await run(scenario('k3x9q2m7a', ['a']), { 'compliance-baseline': 'b.yml' }, files)
      expect(r.outcome.kind).toBe('input-error')
      expect(r.failures[0]).toMatch(/^Input 'compliance-baseline' \(b\.yml\): /)
      expect(r.failures[0]).toMatch(problem)
      expect(r.calls).toBe(0)
      await stopEmulator()
    }
  })
})

describe('write-baseline over the wire', () => {
  it('writes every finding; read back it passes the same findings and fails one more, naming it', async () => {
    const files = memoryFiles()
    const first = await run(
      scenario('k3x9q2m7a', ['logs', 'data']),
      { compliance: 'report', 'write-baseline': 'out/b.yml' },
      files
    )
    expect(resultOf(first)).toBe('success')
    const written = files.files.get('out/b.yml') ?? ''
    expect(written).toMatch(/^# Written by wait-for-conformance-packs on \d{4}-\d\d-\d\dT/)
    expect(written).toContain('rule: s3-bucket-versioning-enabled\n')
    expect(written).not.toContain('conformance-pack-k3x9q2m7a')
    await stopEmulator()

    const same = await run(
      scenario('p0w8e7r6t', ['logs', 'data']),
      { 'compliance-baseline': 'out/b.yml' },
      files
    )
    expect(resultOf(same)).toBe('success')
    await stopEmulator()

    const more = await run(
      scenario('p0w8e7r6t', ['logs', 'data', 'extra']),
      { 'compliance-baseline': 'out/b.yml' },
      files
    )
    expect(resultOf(more)).toBe('noncompliant')
    expect(more.failures[0]).toContain('AWS::S3::Bucket extra is new')
    expect(more.failures[0]).not.toContain('AWS::S3::Bucket logs')
  })

  it('a path that cannot be written is a warning; the result stays as it is', async () => {
    const r = await run(
      scenario('k3x9q2m7a', []),
      { compliance: 'report', 'write-baseline': 'ro.yml' },
      memoryFiles({}, ['ro.yml'])
    )
    expect(resultOf(r)).toBe('success')
    expect(r.lines).toContainEqual({
      level: 'warning',
      message: "Input 'write-baseline': could not write ro.yml: EROFS: ro.yml"
    })
    expect(r.outputs()?.result).toBe('success')
  })

  it('writes nothing when the wait did not succeed: an empty baseline would make every later finding new', async () => {
    const failed: Scenario = {
      packs: [
        { name: 's3-security', timeline: [{ state: 'CREATE_FAILED', reason: 'rolled back' }] }
      ]
    }
    const files = memoryFiles()
    const r = await run(failed, { compliance: 'report', 'write-baseline': 'b.yml' }, files)
    expect(resultOf(r)).toBe('failure')
    expect(files.files.has('b.yml')).toBe(false)
    expect(r.lines).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(
        /^Input 'write-baseline': nothing written to b\.yml: /
      ) as string
    })
  })

  it('needs compliance report or require: with ignore it is an input error before any call', async () => {
    const r = await run(scenario('k3x9q2m7a', []), {
      compliance: 'ignore',
      'write-baseline': 'b.yml'
    })
    expect(r.outcome.kind).toBe('input-error')
    expect(r.failures[0]).toMatch(/write-baseline.*needs compliance report or require/)
    expect(r.calls).toBe(0)
  })
})
