import { describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { FAST, json, runWith } from './dist-harness.js'

/** These run the built bundle, dist/index.js, as the runner runs it. */

const DAY = 86_400_000
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/** What `date -u +%Y-%m-%dT%H:%M:%SZ` records before the deploy step, and the deployments either side of it. */
function times() {
  const after = Math.floor(Date.now() / 1000) * 1000
  return { after, earlier: after - DAY, redeploy: after + 1000 }
}

describe('dist/index.js with requested-after', () => {
  it("an earlier deployment's CREATE_FAILED, then the new CREATE_COMPLETE: success", async () => {
    const { after, earlier, redeploy } = times()
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [
            {
              state: 'CREATE_FAILED',
              reason: 'the earlier deployment broke',
              requestedAt: earlier
            },
            { state: 'CREATE_COMPLETE', atCall: 3, requestedAt: redeploy }
          ]
        }
      ]
    }
    const run = await runWith(scenario, {
      inputs: { 'conformance-pack-names': 'alpha', 'requested-after': iso(after), ...FAST }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(json(run.outputs['completed-packs'])).toEqual(['alpha'])
    expect(json(run.outputs['failed-packs'])).toEqual([])
    expect(run.stdout).toContain(
      `alpha: still shows the deployment requested at ${iso(earlier)} (CREATE_FAILED); waiting for the one requested after ${iso(after)}`
    )
    expect(run.stdout).toContain(`deployments requested after ${iso(after)}`)
    expect(run.stdout).not.toMatch(/^::error/m)
  })

  it('still showing the earlier deployment at the deadline: timeout, and the error and summary say so', async () => {
    const { after, earlier } = times()
    const run = await runWith(
      {
        packs: [
          {
            name: 'alpha',
            timeline: [
              { state: 'CREATE_COMPLETE', requestedAt: earlier, completedAt: earlier + 60_000 }
            ]
          }
        ]
      },
      {
        inputs: {
          'conformance-pack-names': 'alpha',
          'requested-after': iso(after),
          ...FAST,
          'timeout-seconds': '0.8'
        }
      }
    )
    const note = `alpha still shows an older deployment (CREATE_COMPLETE, requested at ${iso(earlier)}), not one requested after ${iso(after)}`
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(json(run.outputs['pending-packs'])).toEqual(['alpha'])
    expect(json(run.outputs['completed-packs'])).toEqual([])
    expect(run.stdout).toMatch(
      /^::error::Timed out after \d+s waiting for 1 conformance pack\(s\): alpha; (.*)$/m
    )
    expect(run.stdout).toContain(`; ${note}\n`)
    expect(run.summary).toContain('⏱️ AWS Config conformance packs: timeout')
    expect(run.summary).toContain(note)
    expect(run.summary).toContain('⏳&nbsp;PREVIOUS_DEPLOYMENT')
    const [status] = json(run.outputs.statuses) as Record<string, string>[]
    expect(status).toMatchObject({
      name: 'alpha',
      state: 'PREVIOUS_DEPLOYMENT',
      reportedState: 'CREATE_COMPLETE',
      lastUpdateRequestedTime: new Date(earlier).toISOString()
    })
    expect(run.stdout.match(/still shows the deployment requested at/g)).toHaveLength(1)
  })

  it("a requested-after later than the runner's clock gets a warning at the start", async () => {
    const future = Math.floor(Date.now() / 1000) * 1000 + 3_600_000
    const run = await runWith(
      {
        packs: [
          { name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE', requestedAt: future + 1000 }] }
        ]
      },
      { inputs: { 'conformance-pack-names': 'alpha', 'requested-after': iso(future), ...FAST } }
    )
    expect(run.stdout).toMatch(
      new RegExp(
        `^::warning::Input 'requested-after' is in the future \\(${iso(future)}, the runner's clock says .*\\): no deployment requested before then counts`,
        'm'
      )
    )
    expect(run.outputs.result).toBe('success')
  })

  it('a requested-after that is not a time fails before any request', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] },
      {
        inputs: {
          'conformance-pack-names': 'alpha',
          'requested-after': 'after the deploy',
          ...FAST
        }
      }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.emulator.requests).toHaveLength(0)
    expect(run.stdout).toMatch(
      /^::error::Input 'requested-after' must be an ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z .*, got "after the deploy"$/m
    )
    expect(run.summary).toContain('requested-after')
  })

  it('min-delay-seconds at or above timeout-seconds is an input error naming both, before any request', async () => {
    const run = await runWith(
      { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }] },
      {
        inputs: {
          'conformance-pack-names': 'alpha',
          'timeout-seconds': '30',
          'min-delay-seconds': '30'
        }
      }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.emulator.requests).toHaveLength(0)
    expect(run.stdout).toMatch(
      /^::error::Input 'min-delay-seconds' must be less than timeout-seconds \("30"\).*, got "30"$/m
    )
  })

  it('several bad inputs: one error that lists them all, before any request', async () => {
    const run = await runWith(
      { packs: [] },
      { inputs: { region: 'Mars', 'missing-pack': 'skip', 'requested-after': 'soon' } }
    )
    expect(run.code).toBe(1)
    expect(run.emulator.requests).toHaveLength(0)
    const errors = run.stdout.match(/^::error::.*$/gm) ?? []
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::3 inputs are invalid: Input 'region' .*, got "Mars"; Input 'missing-pack' .*, got "skip"; Input 'requested-after' .*, got "soon"$/
    )
    for (const input of ['region', 'missing-pack', 'requested-after'])
      expect(run.summary).toContain(`Input '${input}'`)
  })
})
