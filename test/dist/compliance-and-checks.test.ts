import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedPack, Scenario } from '../emulator/config-emulator.js'
import { FakeGitHubApi, type GitHubFaultRule } from '../support/fake-github-api.js'
import { FAST, json, runWith } from './dist-harness.js'

/** The built action's compliance gate and live check run. */

type Compliance = NonNullable<EmulatedPack['compliance']>
const deployed = (name: string, compliance: Compliance): EmulatedPack => ({
  name,
  timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 2 }],
  compliance
})
const rules = (...names: string[]) =>
  names.map((name) => ({ name, compliance: 'NON_COMPLIANT' as const }))

const MIXED_COMPLIANCE: Scenario = {
  packs: [
    deployed('alpha', {
      status: 'COMPLIANT',
      rules: [{ name: 'alpha-rule', compliance: 'COMPLIANT' }]
    }),
    deployed('beta', {
      status: 'NON_COMPLIANT',
      rules: [...rules('root-mfa', 's3-public-read'), { name: 'ok-rule', compliance: 'COMPLIANT' }]
    }),
    deployed('gamma', { status: 'INSUFFICIENT_DATA' })
  ]
}
const NAMES = { 'conformance-pack-names': 'alpha,beta,gamma', ...FAST }
const complianceCalls = (run: Awaited<ReturnType<typeof runWith>>) =>
  run.emulator.callsOf('GetConformancePackComplianceSummary') +
  run.emulator.callsOf('DescribeConformancePackCompliance')

describe('compliance gate', () => {
  it('require: a NON_COMPLIANT pack fails the step with result noncompliant, naming its rules', async () => {
    const run = await runWith(MIXED_COMPLIANCE, { inputs: { ...NAMES, compliance: 'require' } })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('noncompliant')
    expect(json(run.outputs['noncompliant-packs'])).toEqual(['beta'])
    expect(json(run.outputs.compliance)).toMatchObject([
      { name: 'alpha', region: 'eu-west-1', compliance: 'COMPLIANT', nonCompliantRules: [] },
      {
        name: 'beta',
        region: 'eu-west-1',
        compliance: 'NON_COMPLIANT',
        nonCompliantRules: ['root-mfa', 's3-public-read']
      },
      { name: 'gamma', region: 'eu-west-1', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] }
    ])
    expect(run.stdout).toMatch(
      /^::error title=Conformance pack beta%3A NON_COMPLIANT::beta is NON_COMPLIANT: 2 rule\(s\) not compliant: root-mfa, s3-public-read$/m
    )
    expect(run.stdout).toMatch(/^::warning title=Conformance pack gamma%3A INSUFFICIENT_DATA::/m)
    expect(run.stdout).toMatch(
      /^::error::1 conformance pack\(s\) deployed but NON_COMPLIANT: beta \(root-mfa, s3-public-read\)$/m
    )
    expect(run.summary).toContain('🛑 AWS Config conformance packs: noncompliant')
    expect(run.summary).toContain('<th>Compliance</th>')
    expect(run.summary).toContain('❌ NON_COMPLIANT')
    expect(run.summary).toContain(
      'Non-compliant rules:<ul><li>root-mfa</li><li>s3-public-read</li></ul>'
    )
    expect(run.summary).toContain('INSUFFICIENT_DATA means')
  })

  it('report: the result speaks of deployment alone; NON_COMPLIANT packs are warnings', async () => {
    const run = await runWith(MIXED_COMPLIANCE, { inputs: { ...NAMES, compliance: 'report' } })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(json(run.outputs['noncompliant-packs'])).toEqual(['beta'])
    expect(run.stdout).toMatch(
      /^::warning title=Conformance pack beta%3A NON_COMPLIANT::beta is NON_COMPLIANT: 2 rule\(s\) not compliant: root-mfa, s3-public-read$/m
    )
    expect(run.stdout).not.toMatch(/^::error/m)
  })

  it('ignore (the default) reads no compliance and sets both outputs to []', async () => {
    const run = await runWith(MIXED_COMPLIANCE, { inputs: NAMES })
    expect(run.outputs.result).toBe('success')
    expect(run.outputs.compliance).toBe('[]')
    expect(run.outputs['noncompliant-packs']).toBe('[]')
    expect(complianceCalls(run)).toBe(0)
  })

  it('reads nothing when the wait did not succeed', async () => {
    const run = await runWith(
      {
        packs: [
          ...MIXED_COMPLIANCE.packs,
          { name: 'broken', timeline: [{ state: 'CREATE_FAILED' }] }
        ]
      },
      { inputs: { ...NAMES, 'conformance-pack-names': 'alpha,broken', compliance: 'require' } }
    )
    expect(run.outputs.result).toBe('failure')
    expect(run.outputs.compliance).toBe('[]')
    expect(complianceCalls(run)).toBe(0)
  })

  const throttled: Scenario = {
    ...MIXED_COMPLIANCE,
    faults: [
      {
        operation: 'DescribeConfigRuleEvaluationStatus',
        calls: 'all',
        response: { kind: 'error', status: 400, type: 'ThrottlingException' }
      }
    ]
  }

  it('require: a compliance read that cannot finish before the deadline ends with timeout', async () => {
    const run = await runWith(throttled, {
      inputs: { ...NAMES, compliance: 'require', 'timeout-seconds': '2' },
      env: { AWS_MAX_ATTEMPTS: '1' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(run.stdout).toMatch(/^::error::compliance could not be read: /m)
  })

  it('report: the same read warns and the step passes', async () => {
    const run = await runWith(throttled, {
      inputs: { ...NAMES, compliance: 'report', 'timeout-seconds': '2' },
      env: { AWS_MAX_ATTEMPTS: '1' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.stdout).toMatch(/^::warning::compliance could not be read: /m)
  })

  describe('a region with no conformance pack, every pack awaited', () => {
    const EMPTY: Scenario = { packs: [] }

    it('require: result failure, an error that no conformance pack was found in the region', async () => {
      const run = await runWith(EMPTY, { inputs: { ...FAST, compliance: 'require' } })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(run.outputs.statuses).toBe('[]')
      expect(run.stdout).toMatch(
        /^::error title=No conformance pack in eu-west-1::No conformance pack was found in eu-west-1: /m
      )
      expect(run.stdout).toMatch(
        /^::error::No conformance pack was found in eu-west-1, so compliance: require had nothing to check$/m
      )
      expect(run.summary).toContain('❌ AWS Config conformance packs: failure')
      expect(run.summary).toContain(
        '❌ No conformance pack was found in <code>eu-west-1</code>: nothing was checked there.'
      )
      expect(complianceCalls(run)).toBe(0)
    })

    it.each(['ignore', 'report'])(
      '%s: success, with a warning naming the region',
      async (compliance) => {
        const run = await runWith(EMPTY, { inputs: { ...FAST, compliance } })
        expect(run.code).toBe(0)
        expect(run.outputs.result).toBe('success')
        expect(
          run.stdout.match(
            /^::warning title=No conformance pack in eu-west-1::No conformance pack was found in eu-west-1: .*nothing was checked there/gm
          )
        ).toHaveLength(1)
        expect(run.stdout).not.toMatch(/^::error/m)
        expect(run.stdout).toContain(
          'No conformance pack was found in eu-west-1: nothing was checked there'
        )
        expect(run.summary).toContain('⚠️ No conformance pack was found in <code>eu-west-1</code>')
      }
    )

    it('several regions: each empty one named; under require only those fail', async () => {
      const run = await runWith(
        { packs: [] },
        { inputs: { ...FAST, region: 'eu-west-1,us-east-2', compliance: 'require' } }
      )
      expect(run.outputs.result).toBe('failure')
      expect(run.stdout).toMatch(/^::error title=No conformance pack in eu-west-1::/m)
      expect(run.stdout).toMatch(/^::error title=No conformance pack in us-east-2::/m)
      expect(run.stdout).toMatch(
        /^::error::No conformance pack was found in eu-west-1, us-east-2, so compliance: require had nothing to check$/m
      )
    })
  })

  it('require: AccessDenied on the compliance read fails, naming the IAM action', async () => {
    const run = await runWith(
      {
        ...MIXED_COMPLIANCE,
        faults: [
          {
            operation: 'DescribeConfigRuleEvaluationStatus',
            calls: 'all',
            response: {
              kind: 'error',
              status: 400,
              type: 'AccessDeniedException',
              message: 'denied.'
            }
          }
        ]
      },
      { inputs: { ...NAMES, compliance: 'require' } }
    )
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(
      /^::error::compliance could not be read: .*config:DescribeConfigRuleEvaluationStatus/m
    )
  })
})

// Slow enough that each update is sent before the next: a real wait's rounds are seconds apart.
const PACED = { 'min-delay-seconds': '0.3', 'max-delay-seconds': '0.3', 'timeout-seconds': '10' }

describe('live check run', () => {
  let github: FakeGitHubApi
  let dir: string
  let eventPath: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wait-packs-event-'))
    eventPath = join(dir, 'event.json')
    await writeFile(
      eventPath,
      JSON.stringify({ pull_request: { number: 7, head: { sha: 'feedface'.repeat(5) } } })
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  afterEach(() => github.stop())

  async function withChecks(
    scenario: Scenario,
    inputs: Record<string, string>,
    faults: GitHubFaultRule[] = []
  ) {
    github = new FakeGitHubApi(faults)
    const api = await github.start()
    return runWith(scenario, {
      inputs: { 'github-token': 'ghs_testtoken0123456789', 'check-name': 'Packs', ...inputs },
      env: {
        GITHUB_API_URL: api,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_SHA: 'mergecommit0000'
      }
    })
  }

  it('creates the run on the PR head commit, updates it only when a state changes, and completes it', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 3 }]
        },
        {
          name: 'beta',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 6 }]
        }
      ]
    }
    const run = await withChecks(scenario, { 'conformance-pack-names': 'alpha,beta', ...PACED })
    expect(run.code).toBe(0)
    expect(run.emulator.describeCalls).toBe(6)
    const [create, ...patches] = github.requests
    expect(create).toMatchObject({ method: 'POST', path: '/repos/octo-org/infra/check-runs' })
    expect(create.body).toMatchObject({
      name: 'Packs',
      head_sha: 'feedface'.repeat(5),
      status: 'in_progress'
    })
    expect(create.authorization).toContain('ghs_testtoken0123456789')
    // Six polls, three with a change (first sighting, alpha, beta). The first two changes each
    // update the run; the last one ends the wait, and the completion may supersede its update.
    const updates = patches.slice(0, -1)
    expect(updates.every((p) => p.body?.status === undefined)).toBe(true)
    expect(updates.length).toBeGreaterThanOrEqual(2)
    expect(updates.length).toBeLessThanOrEqual(3)
    expect((updates[1].body as { output: { title: string } }).output.title).toBe(
      'Waiting: 1 of 2 packs deployed'
    )
    const final = patches.at(-1)!.body as {
      conclusion: string
      output: { title: string; summary: string }
    }
    expect(final.conclusion).toBe('success')
    expect(final.output.title).toBe('2 of 2 packs deployed')
    expect(final.output.summary.trim()).toBe(run.summary.trim())
    expect(final.output.summary).toContain('✅ AWS Config conformance packs: success')
    expect(run.stdout + run.stderr).not.toContain('ghs_testtoken0123456789')
  })

  it('concludes neutral for failed packs under fail-on-failure false, failure for noncompliant', async () => {
    const failed = await withChecks(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_FAILED' }] }] },
      {
        'conformance-pack-names': 'alpha',
        'fail-on-failure': 'false',
        'explain-failures': 'false',
        ...FAST
      }
    )
    expect(failed.code).toBe(0)
    expect(github.requests.at(-1)!.body).toMatchObject({
      status: 'completed',
      conclusion: 'neutral'
    })
    await github.stop()
    const noncompliant = await withChecks(MIXED_COMPLIANCE, { ...NAMES, compliance: 'require' })
    expect(noncompliant.outputs.result).toBe('noncompliant')
    expect(github.requests.at(-1)!.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure'
    })
  })

  it('a token without checks: write (403) warns once, stops calling GitHub, and the wait carries on', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 3 }]
        }
      ]
    }
    const run = await withChecks(scenario, { 'conformance-pack-names': 'alpha', ...FAST }, [
      { requests: 'all', response: { kind: 'error', status: 403 } }
    ])
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(github.requests).toHaveLength(1)
    expect(run.stdout.match(/^::warning::.*checks: write/gm)).toHaveLength(1)
  })

  /** Real ms from the wait's last AWS call to the step's exit (at most: the emulator starts after t0). */
  async function timedWithChecks(...args: Parameters<typeof withChecks>) {
    const t0 = performance.now()
    const run = await withChecks(...args)
    const total = performance.now() - t0
    return { run, afterWait: total - run.emulator.requests.at(-1)!.at }
  }
  const DONE: Scenario = { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] }

  it('a GitHub API that never answers holds the step about 3 s after the wait, and the warning links the commit checks', async () => {
    const { run, afterWait } = await timedWithChecks(
      DONE,
      { 'conformance-pack-names': 'alpha', ...FAST },
      [{ requests: 'all', response: { kind: 'hang' } }]
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    // The final update's budget is 3 s; the normal 10 s bound of a call must not come back.
    expect(afterWait).toBeLessThan(6_000)
    expect(run.stdout).toMatch(
      /^::warning::Could not complete the check run "Packs": no answer within 3s\. The step's result is not affected; the check run may be missing or stay in progress; the commit's checks: https:\/\/github\.com\/octo-org\/infra\/commit\/(feedface){5}\/checks$/m
    )
    expect(run.stdout).toMatch(/^All 1 conformance pack\(s\) completed/m)
  })

  it('a final update that stalls warns that the run may stay in progress, linking its html_url', async () => {
    const { run, afterWait } = await timedWithChecks(
      DONE,
      { 'conformance-pack-names': 'alpha', ...FAST },
      [{ requests: [2, 3, 4, 5], response: { kind: 'hang' } }]
    )
    expect(run.code).toBe(0)
    expect(afterWait).toBeLessThan(6_000)
    expect(github.requests[0].method).toBe('POST')
    expect(run.stdout).toMatch(
      /^::warning::Could not complete the check run "Packs": no answer within 3s\. The step's result is not affected; the check run may stay in progress: https:\/\/github\.com\/octo-org\/infra\/runs\/1001$/m
    )
  })

  it('a GitHub outage (5xx) the run recovers from is told, not warned, and later changes try again', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 4 }]
        }
      ]
    }
    const run = await withChecks(scenario, { 'conformance-pack-names': 'alpha', ...PACED }, [
      { requests: [1, 2], response: { kind: 'error', status: 503 } }
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/^::warning::.*(GitHub|check run)/im)
    expect(run.stdout).toMatch(/^Could not create the check run "Packs": HTTP 503.* tried again/m)
    expect(github.requests.length).toBeGreaterThanOrEqual(3)
    expect(github.requests.at(-1)!.body).toMatchObject({
      status: 'completed',
      conclusion: 'success'
    })
  })

  it('a GitHub outage that outlasts the run warns once, saying the run was neither created nor completed', async () => {
    const run = await withChecks(DONE, { 'conformance-pack-names': 'alpha', ...FAST }, [
      { requests: 'all', response: { kind: 'error', status: 503 } }
    ])
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    const warned = run.stdout.match(/^::warning::.*$/gm) ?? []
    expect(warned).toEqual([
      expect.stringMatching(
        /^::warning::Could not complete the check run "Packs": HTTP 503.*\. Earlier: Could not create the check run "Packs": HTTP 503.*\. The step's result is not affected; the check run may be missing or stay in progress; the commit's checks: https:\/\/github\.com\/octo-org\/infra\/commit\/(feedface){5}\/checks$/
      )
    ])
  })
})
