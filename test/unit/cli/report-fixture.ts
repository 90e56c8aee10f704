import type { CommandReport, PackReport, RegionReport } from '../../../src/cli/report-model.js'
import type { Verdict } from '../../../src/verdict/verdict.js'

/** A region whose verdict lists follow its packs' states, as the verdict would make them. */
export function region(name: string, packs: PackReport[], pending: string[] = []): RegionReport {
  const named = (pred: (p: PackReport) => boolean) => packs.filter(pred).map((p) => p.name)
  const verdict: Verdict = {
    result: 'failure',
    failStep: true,
    completed: named((p) => p.state === 'CREATE_COMPLETE'),
    failed: named((p) => p.state.endsWith('_FAILED')),
    pending: [
      ...named((p) => p.state.endsWith('_IN_PROGRESS') || p.state === 'UNKNOWN'),
      ...pending
    ],
    missing: named((p) => p.state === 'NOT_FOUND')
  }
  return { region: name, packs, verdict }
}

export function report(
  regions: RegionReport[],
  overrides: Partial<CommandReport> = {}
): CommandReport {
  return {
    scope: 'account',
    result: 'failure',
    headline: '1 conformance pack(s) failed: beta',
    elapsedMs: 95_000,
    finishedAt: '2026-01-02T03:04:05.000Z',
    missingPack: 'fail',
    regions,
    ...overrides
  }
}

export const ALPHA: PackReport = {
  name: 'alpha',
  state: 'CREATE_COMPLETE',
  durationMs: 192_000
}

export const BETA: PackReport = {
  name: 'beta',
  state: 'CREATE_FAILED',
  reason: 'Conformance pack creation failed: rule AccessKeysRotated could not be created',
  durationMs: 61_500,
  failedResources: [
    {
      logicalId: 'AccessKeysRotated',
      type: 'AWS::Config::ConfigRule',
      status: 'CREATE_FAILED',
      reason: 'Insufficient permissions <iam:PassRole> & more'
    },
    { logicalId: 'Bucket', type: 'AWS::S3::Bucket', status: 'CREATE_FAILED' }
  ]
}

export const GAMMA: PackReport = { name: 'gamma', state: 'NOT_FOUND' }

export const DELTA: PackReport = {
  name: 'delta',
  state: 'CREATE_IN_PROGRESS',
  durationMs: 300_000
}
