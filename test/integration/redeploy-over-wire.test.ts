import { describe, expect, it } from 'vitest'
import { createOrganizationSource } from '../../src/aws/organization-status-source.js'
import type { EmulatedPack } from '../emulator/config-emulator.js'
import { describeCalls, states, waitOverWire } from './wire-harness.js'

const DAY = 86_400_000

/** The time a workflow records before its deploy step, and the deployments either side of it. */
function times() {
  // Whole seconds, as `date -u +%Y-%m-%dT%H:%M:%SZ` records them.
  const after = Math.floor(Date.now() / 1000) * 1000
  return { after, earlier: after - DAY, redeploy: after + 1000 }
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')
const infoOf = (run: Awaited<ReturnType<typeof waitOverWire>>) =>
  run.logs.filter((l) => l.level === 'info').map((l) => l.message)

describe('a redeploy over the wire (real SDK → emulator)', () => {
  it("an earlier deployment's CREATE_FAILED decides nothing: the new deployment is awaited", async () => {
    const { after, earlier, redeploy } = times()
    const pack: EmulatedPack = {
      name: 'alpha',
      timeline: [
        { state: 'CREATE_FAILED', reason: 'the earlier deployment broke', requestedAt: earlier },
        { state: 'CREATE_IN_PROGRESS', atCall: 3, requestedAt: redeploy },
        { state: 'CREATE_COMPLETE', atCall: 5, requestedAt: redeploy }
      ]
    }
    const run = await waitOverWire({ packs: [pack] }, { plan: { requestedAfter: after } })
    expect(run.result.end).toEqual({ kind: 'settled' })
    expect(states(run)).toEqual({ alpha: 'CREATE_COMPLETE' })
    const alpha = run.result.packs[0]
    expect(alpha.state === 'CREATE_COMPLETE' && alpha.detail.requestedAt?.getTime()).toBe(redeploy)
    // The stale answer was asked about again, not taken as the result.
    expect(describeCalls(run)).toHaveLength(5)
    const info = infoOf(run)
    expect(info[0]).toBe(
      `alpha: still shows the deployment requested at ${iso(earlier)} (CREATE_FAILED); waiting for the one requested after ${iso(after)}`
    )
    expect(info.filter((m) => m.includes('still shows'))).toHaveLength(1)
    expect(info[1]).toMatch(/^alpha: CREATE_IN_PROGRESS \(requested \d+s ago\)$/)
    expect(info[2]).toMatch(/^alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after \d+s$/)
  })

  it('without requested-after the same answer is the result, as before', async () => {
    const { earlier, redeploy } = times()
    const run = await waitOverWire({
      packs: [
        {
          name: 'alpha',
          timeline: [
            { state: 'CREATE_FAILED', requestedAt: earlier },
            { state: 'CREATE_COMPLETE', atCall: 2, requestedAt: redeploy }
          ]
        }
      ]
    })
    expect(states(run)).toEqual({ alpha: 'CREATE_FAILED' })
    expect(describeCalls(run)).toHaveLength(1)
  })

  it('a pack that keeps showing the earlier deployment is pending at the deadline', async () => {
    const { after, earlier } = times()
    const run = await waitOverWire(
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
      { plan: { requestedAfter: after, deadline: Date.now() + 600 } }
    )
    expect(run.result.end.kind).toBe('deadline')
    expect(run.result.packs[0]).toMatchObject({
      state: 'PREVIOUS_DEPLOYMENT',
      detail: { state: 'CREATE_COMPLETE' },
      shownRequestedAt: new Date(earlier)
    })
    expect(describeCalls(run).length).toBeGreaterThan(1)
  })

  it('an organization pack is judged by its LastUpdateTime', async () => {
    const { after, earlier, redeploy } = times()
    const run = await waitOverWire(
      {
        packs: [],
        organization: {
          packs: [
            {
              name: 'org-baseline',
              timeline: [
                { state: 'CREATE_SUCCESSFUL', updatedAt: earlier },
                { state: 'UPDATE_IN_PROGRESS', atCall: 3, updatedAt: redeploy },
                { state: 'UPDATE_SUCCESSFUL', atCall: 4, updatedAt: redeploy + 1 }
              ]
            }
          ]
        }
      },
      { source: (client) => createOrganizationSource(client), plan: { requestedAfter: after } }
    )
    expect(run.result.end).toEqual({ kind: 'settled' })
    expect(states(run)).toEqual({ 'org-baseline': 'UPDATE_SUCCESSFUL' })
    expect(infoOf(run)[0]).toMatch(
      /^org-baseline: still shows the deployment requested at .* \(CREATE_SUCCESSFUL\); waiting for the one requested after /
    )
  })
})
