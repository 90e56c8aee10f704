import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partitionOf } from '../../src/aws/partition.js'
import { localFiles } from '../../src/files/local-files.js'
import { awsRegions } from '../../src/aws/region-ports.js'
import { createCheckRunReporter } from '../../src/github/check-run.js'
import { runPipeline, type PipelineDeps } from '../../src/pipeline.js'
import { systemClock } from '../../src/shared/clock.js'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { inputsOf, recordingDestination } from '../support/recording-destination.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'
import type { StatusEntry } from '../../src/publish/report.js'

/**
 * The whole pipeline in-process: the real SDK clients the action builds, speaking HTTP to the
 * emulator, the real check-run reporter speaking HTTP to the fake GitHub API, and a recording
 * destination in place of the runner.
 */

const NO_RULES = { compliant: 0, nonCompliant: 0, nothingInScope: 0, failed: 0, unevaluated: 0 }
const bucket = (id: string, compliance: 'COMPLIANT' | 'NON_COMPLIANT', annotation?: string) => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  compliance,
  ...(annotation ? { annotation } : {})
})

const FAST = { 'min-delay-seconds': '0.02', 'max-delay-seconds': '0.05', 'timeout-seconds': '5' }
const completesAt = (call: number) => [
  { state: 'CREATE_IN_PROGRESS' as const },
  { state: 'CREATE_COMPLETE' as const, atCall: call }
]

let emulator: ConfigEmulator | undefined
let github: FakeGitHubApi | undefined
const saved = { ...process.env }

beforeEach(() => Object.assign(process.env, TEST_CREDENTIALS))
afterEach(async () => {
  await emulator?.stop()
  await github?.stop()
  emulator = github = undefined
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
})

async function pipeline(
  scenario: Scenario,
  inputs: Record<string, string>,
  extra: Partial<PipelineDeps> = {}
) {
  emulator = new ConfigEmulator(scenario)
  process.env.AWS_ENDPOINT_URL = await emulator.start()
  const record = recordingDestination()
  const env = { ...process.env, AWS_REGION: 'us-east-1' }
  const outcome = await runPipeline({
    inputs: inputsOf({ ...FAST, ...inputs }),
    env,
    clock: systemClock,
    signal: new AbortController().signal,
    log: record.log,
    destination: record.destination,
    aws: awsRegions(env),
    partitionOf,
    files: localFiles(process.cwd()),
    ...extra
  })
  return { outcome, ...record, emulator }
}

describe('the pipeline against the emulator', () => {
  it('waits, explains a failed pack from its stack, and publishes every result', async () => {
    const run = await pipeline(
      {
        packs: [
          { name: 'alpha', timeline: completesAt(2) },
          {
            name: 'beta',
            timeline: [
              { state: 'CREATE_IN_PROGRESS' },
              { state: 'CREATE_FAILED', atCall: 3, reason: 'the stack rolled back' }
            ],
            stack: { events: failedDeployment({ logicalId: 'RuleA', reason: 'rule exists' }) }
          }
        ]
      },
      { 'conformance-pack-names': 'alpha, beta' }
    )
    expect(run.outcome).toMatchObject({
      kind: 'report',
      report: { verdict: { result: 'failure' } }
    })
    const outputs = run.outputs()
    expect(outputs?.result).toBe('failure')
    expect(outputs?.['completed-packs']).toEqual(['alpha'])
    expect(outputs?.['failed-packs']).toEqual(['beta'])
    const statuses = outputs?.statuses as StatusEntry[] | undefined
    expect(statuses?.find((s) => s.name === 'beta')?.failedResources?.[0]).toMatchObject({
      logicalId: 'RuleA',
      reason: 'rule exists'
    })
    expect(run.summaries).toHaveLength(1)
    expect(run.summaries[0]).toContain('❌ AWS Config conformance packs: failure')
    expect(run.summaries[0]).toContain('<strong>Cause:</strong> RuleA')
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'Conformance pack beta: CREATE_FAILED' })
    )
    expect(run.failures).toEqual(['1 conformance pack(s) failed: beta'])
    expect(run.lines.map((l) => l.message)).toContain(
      'Waiting for 2 conformance pack(s) in us-east-1: alpha, beta (timeout 5s, polling every 0.02s-0.05s)'
    )
    expect(run.emulator.callsOf('CloudFormation.DescribeStackEvents')).toBe(1)
  })

  it('reports a bad input before any call, with every output set and a summary', async () => {
    const run = await pipeline(
      { packs: [{ name: 'alpha', timeline: completesAt(1) }] },
      { 'conformance-pack-names': 'alpha', 'timeout-seconds': 'soon' }
    )
    expect(run.outcome.kind).toBe('input-error')
    expect(run.outputs()?.result).toBe('failure')
    expect(run.outputs()?.statuses).toEqual([])
    expect(run.failures[0]).toContain(`Input 'timeout-seconds'`)
    expect(run.summaries[0]).toContain('AWS Config conformance packs: failure')
    expect(run.emulator.requests).toHaveLength(0)
  })

  it('gates on compliance after a successful wait', async () => {
    const run = await pipeline(
      {
        packs: [
          {
            name: 'alpha',
            timeline: completesAt(2),
            compliance: {
              status: 'NON_COMPLIANT',
              rules: [{ name: 'r1', compliance: 'NON_COMPLIANT' }]
            }
          }
        ]
      },
      { 'conformance-pack-names': 'alpha', compliance: 'require' }
    )
    expect(run.outcome).toMatchObject({ report: { verdict: { result: 'noncompliant' } } })
    expect(run.outputs()?.['noncompliant-packs']).toEqual(['alpha'])
    expect(run.outputs()?.compliance).toEqual([
      {
        name: 'alpha',
        region: 'us-east-1',
        compliance: 'NON_COMPLIANT',
        nonCompliantRules: ['r1'],
        rules: [
          {
            name: 'r1',
            compliance: 'NON_COMPLIANT',
            evaluatedAt: expect.any(String) as string,
            nonCompliantResources: []
          }
        ],
        evaluation: { ...NO_RULES, nonCompliant: 1, durationMs: expect.any(Number) as number }
      }
    ])
    expect(run.failures[0]).toContain('NON_COMPLIANT')
  })

  it('waits for a rule evaluated after the pack completed, then fails naming its resources', async () => {
    const run = await pipeline(
      {
        packs: [
          {
            name: 'alpha',
            timeline: completesAt(2),
            requestedAt: Date.now() - 2_000,
            rules: [
              { name: 'ok', evaluations: [{ atMs: 2_500, results: [bucket('a', 'COMPLIANT')] }] },
              {
                name: 'late',
                activatedAtMs: 1_000,
                evaluations: [{ atMs: 2_600, results: [bucket('logs', 'NON_COMPLIANT', 'public')] }]
              }
            ]
          }
        ]
      },
      { 'conformance-pack-names': 'alpha', compliance: 'require' }
    )
    expect(run.outcome).toMatchObject({ report: { verdict: { result: 'noncompliant' } } })
    const [entry] = run.outputs()?.compliance ?? []
    expect(entry.rules?.map((r) => [r.name, r.compliance])).toEqual([
      ['ok', 'COMPLIANT'],
      ['late', 'NON_COMPLIANT']
    ])
    expect(entry.rules?.[1].nonCompliantResources).toEqual([
      { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'public' }
    ])
    // It was asked about again until it was evaluated, and the evaluated rule no more.
    const statusCalls = run.emulator.requests.filter((r) =>
      r.target.endsWith('DescribeConfigRuleEvaluationStatus')
    )
    expect(statusCalls.length).toBeGreaterThan(1)
    expect(statusCalls.at(-1)?.body.ConfigRuleNames).toEqual(['late'])
    expect(run.failures[0]).toContain('alpha (late)')
  })

  it('waits in several regions at once, naming packs region/name', async () => {
    const run = await pipeline(
      {
        packs: [
          { name: 'east', region: 'us-east-1', timeline: completesAt(2) },
          { name: 'west', region: 'eu-west-1', timeline: completesAt(3) }
        ]
      },
      { region: 'us-east-1, eu-west-1' }
    )
    expect(run.outcome).toMatchObject({ report: { verdict: { result: 'success' } } })
    expect(run.outputs()?.['completed-packs']).toEqual(['us-east-1/east', 'eu-west-1/west'])
    expect(run.failures).toEqual([])
    expect(run.lines.at(-1)?.message).toMatch(/^All 2 conformance pack\(s\) completed after/)
  })

  it('reports a cancelled run with the last known states', async () => {
    const controller = new AbortController()
    controller.abort()
    const run = await pipeline(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }] },
      { 'conformance-pack-names': 'alpha' },
      { signal: controller.signal }
    )
    expect(run.outputs()?.result).toBe('cancelled')
    expect(run.outputs()?.['pending-packs']).toEqual(['alpha'])
    expect(run.failures[0]).toMatch(/^Cancelled after/)
  })

  it('keeps a live check run: created while waiting, completed with the conclusion', async () => {
    github = new FakeGitHubApi()
    const api = await github.start()
    const env = {
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_SHA: 'abc123abc123abc123abc123abc123abc123abcd',
      GITHUB_SERVER_URL: 'https://github.com'
    }
    const run = await pipeline(
      { packs: [{ name: 'alpha', timeline: completesAt(3) }] },
      { 'conformance-pack-names': 'alpha', 'github-token': 'ghs_test' },
      {
        checks: (inputs) =>
          Promise.resolve(
            createCheckRunReporter({
              token: inputs.githubToken,
              name: inputs.checkName,
              env,
              payload: {},
              log: { warning: () => undefined, debug: () => undefined },
              clock: systemClock
            })
          )
      }
    )
    expect(run.outputs()?.result).toBe('success')
    const [created] = github.requestsOf('POST')
    expect(created.body).toMatchObject({
      status: 'in_progress',
      name: 'AWS Config conformance packs'
    })
    const checkRun = [...github.checkRuns.values()][0]
    expect(checkRun).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect((checkRun.output as { summary: string }).summary).toBe(run.summaries[0])
  })
})
