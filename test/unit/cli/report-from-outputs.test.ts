import type { StatusEntry } from '../../../src/publish/report.js'
import { describe, expect, it } from 'vitest'
import { reportFromOutputs, type RunFacts } from '../../../src/cli/report-from-outputs.js'
import { FAILED_BEFORE_WAIT, type ActionOutputs } from '../../../src/publish/outputs.js'

const FACTS: RunFacts = {
  scope: 'account',
  regions: ['eu-west-1'],
  missingPack: 'fail',
  headline: '1 conformance pack(s) failed: beta',
  elapsedMs: 90_000,
  now: Date.parse('2026-01-02T03:10:00.000Z')
}

const OUTPUTS: ActionOutputs = {
  ...FAILED_BEFORE_WAIT,
  statuses: [
    {
      name: 'alpha',
      state: 'CREATE_COMPLETE',
      region: 'eu-west-1',
      lastUpdateRequestedTime: '2026-01-02T03:00:00.000Z',
      lastUpdateCompletedTime: '2026-01-02T03:02:30.000Z'
    },
    {
      name: 'beta',
      state: 'CREATE_FAILED',
      reason: 'rolled back',
      region: 'eu-west-1',
      lastUpdateRequestedTime: '2026-01-02T03:00:00.000Z',
      failedResources: [
        { logicalId: 'R', type: 'AWS::Config::ConfigRule', status: 'CREATE_FAILED' }
      ]
    },
    {
      name: 'gamma',
      state: 'CREATE_IN_PROGRESS',
      region: 'eu-west-1',
      lastUpdateRequestedTime: '2026-01-02T03:09:00.000Z'
    }
  ],
  'completed-packs': ['alpha'],
  'failed-packs': ['beta'],
  'pending-packs': ['gamma']
}

describe('reportFromOutputs', () => {
  it('reads each status back as a pack, with its duration, and the lists as the region’s verdict', () => {
    const report = reportFromOutputs(OUTPUTS, FACTS)
    expect(report).toMatchObject({
      scope: 'account',
      result: 'failure',
      headline: FACTS.headline,
      elapsedMs: 90_000,
      finishedAt: '2026-01-02T03:10:00.000Z',
      missingPack: 'fail'
    })
    const [region] = report.regions
    expect(region.verdict).toEqual({
      result: 'failure',
      completed: ['alpha'],
      failed: ['beta'],
      pending: ['gamma'],
      missing: []
    })
    expect(region.packs.map((p) => [p.name, p.durationMs])).toEqual([
      ['alpha', 150_000],
      // As the job summary measures a failed deployment: up to now.
      ['beta', 600_000],
      // Still running: the time so far.
      ['gamma', 60_000]
    ])
    expect(region.packs[1].failedResources).toEqual(
      (OUTPUTS.statuses[1] as StatusEntry).failedResources
    )
    expect(region.problem).toBeUndefined()
  })

  it('gives no duration to a pack that is not there or shows an earlier deployment', () => {
    const at = { region: 'eu-west-1', lastUpdateRequestedTime: '2026-01-02T03:00:00.000Z' }
    const report = reportFromOutputs(
      {
        ...FAILED_BEFORE_WAIT,
        statuses: [
          { name: 'a', state: 'NOT_FOUND', ...at },
          { name: 'b', state: 'PREVIOUS_DEPLOYMENT', reportedState: 'CREATE_COMPLETE', ...at }
        ]
      },
      FACTS
    )
    expect(report.regions[0].packs.map((p) => p.durationMs)).toEqual([undefined, undefined])
  })

  it('splits `region/name` lists between several regions, and attaches compliance', () => {
    const outputs: ActionOutputs = {
      ...FAILED_BEFORE_WAIT,
      result: 'noncompliant',
      statuses: [
        { name: 'alpha', state: 'CREATE_COMPLETE', region: 'eu-west-1' },
        { name: 'alpha', state: 'CREATE_COMPLETE', region: 'us-east-1' }
      ],
      'completed-packs': ['eu-west-1/alpha', 'us-east-1/alpha'],
      compliance: [
        { name: 'alpha', region: 'eu-west-1', compliance: 'COMPLIANT', nonCompliantRules: [] },
        {
          name: 'alpha',
          region: 'us-east-1',
          compliance: 'NON_COMPLIANT',
          nonCompliantRules: ['root-mfa']
        }
      ],
      'noncompliant-packs': ['us-east-1/alpha']
    }
    const report = reportFromOutputs(outputs, { ...FACTS, regions: ['eu-west-1', 'us-east-1'] })
    expect(report.regions.map((r) => [r.region, r.verdict.completed])).toEqual([
      ['eu-west-1', ['alpha']],
      ['us-east-1', ['alpha']]
    ])
    expect(report.regions.map((r) => r.packs[0].compliance)).toEqual([
      { compliance: 'COMPLIANT', rules: [] },
      { compliance: 'NON_COMPLIANT', rules: [{ name: 'root-mfa', compliance: 'NON_COMPLIANT' }] }
    ])
  })

  it('a region with no pack read in a run that did not succeed has the closing line as its problem', () => {
    const line =
      'AccessDeniedException: not authorized to perform config:DescribeConformancePackStatus'
    const report = reportFromOutputs(FAILED_BEFORE_WAIT, { ...FACTS, headline: line })
    expect(report.regions[0]).toMatchObject({ region: 'eu-west-1', packs: [], problem: line })
    const empty = reportFromOutputs({ ...FAILED_BEFORE_WAIT, result: 'success' }, FACTS)
    expect(empty.regions[0].problem).toBeUndefined()
  })
})
