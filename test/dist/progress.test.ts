import { describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { FAST, runWith } from './dist-harness.js'

/** These run the committed bundle, dist/index.js, as the runner runs it. */

const rule = 'AWS::Config::ConfigRule'
const SLOW: Scenario = {
  packs: [
    {
      name: 'alpha',
      timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 200 }]
    },
    {
      name: 'beta',
      timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 5_000 }],
      stack: {
        events: [
          { offsetMs: 100, logicalId: 'R1', type: rule, status: 'CREATE_IN_PROGRESS' },
          { offsetMs: 200, logicalId: 'R1', type: rule, status: 'CREATE_COMPLETE' },
          { offsetMs: 300, logicalId: 'R2', type: rule, status: 'CREATE_IN_PROGRESS' },
          { offsetMs: 400, logicalId: 'R2', type: rule, status: 'CREATE_COMPLETE' },
          { offsetMs: 500, logicalId: 'R3', type: rule, status: 'CREATE_IN_PROGRESS' }
        ]
      }
    }
  ]
}

describe('dist/index.js while it waits', () => {
  it('logs a progress line each interval, with how far the stack has got', async () => {
    const run = await runWith(SLOW, {
      inputs: { 'conformance-pack-names': 'alpha, beta', ...FAST },
      env: { WAIT_FOR_CONFORMANCE_PACKS_PROGRESS_MS: '800' }
    })
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const waiting = lines.filter((l) => l.startsWith('waiting for '))
    expect(waiting[0]).toMatch(/^waiting for 1 of 2 packs: beta (\d+m)?\d+s$/)
    // Up to 5 s of waiting (less the action's start-up), one line each 0.8 s at most.
    expect(waiting.length).toBeGreaterThanOrEqual(2)
    expect(waiting.length).toBeLessThanOrEqual(6)
    expect(lines).toContain('beta: 2 of 3 resources created')
    // At most one stack read per interval, none in the first half of one.
    expect(run.emulator.callsOf('CloudFormation.DescribeStackEvents')).toBeGreaterThanOrEqual(1)
    expect(run.emulator.callsOf('CloudFormation.DescribeStackEvents')).toBeLessThanOrEqual(6)
  })

  it('logs no progress line for a wait shorter than a minute, by default', async () => {
    const run = await runWith(SLOW, {
      inputs: { 'conformance-pack-names': 'alpha, beta', ...FAST }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('waiting for ')
    expect(run.emulator.callsOf('CloudFormation.DescribeStackEvents')).toBe(0)
  })
})
