import { describe, expect, it } from 'vitest'
import type { StatusSource } from '../../../src/wait/status-source.js'
import { CLOCK_SKEW_ALLOWANCE_MS } from '../../../src/packs/deployment.js'
import type { ReportedPack } from '../../../src/packs/pack-state.js'
import { decide } from '../../../src/verdict/verdict.js'
import { statusEntry } from '../../../src/publish/report.js'
import { headline } from '../../../src/report/headline.js'
import { waitForPacks, type WaitPlan } from '../../../src/wait/wait-for-packs.js'
import { fakeStatusSource, recordingLog, virtualClock } from '../../support/doubles.js'

const START = Date.parse('2026-12-01T08:00:10Z')
const AFTER = Date.parse('2026-12-01T08:00:00Z')
const OLD = new Date('2026-11-30T07:00:00Z')
const NEW = new Date('2026-12-01T08:00:02Z')

/** Answers the n-th describe call (0-based) with `answers[n]`, the last one from then on. */
function scripted(
  answers: readonly ReportedPack[][],
  extra: Partial<Omit<StatusSource, 'iamAction'>> = {}
): StatusSource {
  let calls = 0
  return fakeStatusSource({
    listAll: () => Promise.resolve(answers[0]),
    describe: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)]),
    ...extra
  })
}

async function waitWith(source: StatusSource, plan: Partial<WaitPlan> = {}) {
  const clock = virtualClock(START)
  const log = recordingLog()
  const result = await waitForPacks(
    {
      names: ['alpha'],
      minDelayMs: 5_000,
      maxDelayMs: 30_000,
      missingPack: 'fail',
      requestedAfter: AFTER,
      ...plan
    },
    {
      source,
      clock,
      deadline: START + 120_000,
      log,
      signal: new AbortController().signal,
      random: () => 1
    }
  )
  return { result, info: log.lines.info }
}

const staleFailed: ReportedPack = {
  name: 'alpha',
  state: 'CREATE_FAILED',
  reason: 'the old deployment broke',
  requestedAt: OLD
}
const newInProgress: ReportedPack = { name: 'alpha', state: 'CREATE_IN_PROGRESS', requestedAt: NEW }
const newComplete: ReportedPack = {
  name: 'alpha',
  state: 'CREATE_COMPLETE',
  requestedAt: NEW,
  completedAt: new Date(NEW.getTime() + 42_000)
}

describe('waitForPacks with requested-after', () => {
  it('awaits a pack that still shows an earlier deployment, failure included, and says so once', async () => {
    const { result, info } = await waitWith(
      scripted([[staleFailed], [staleFailed], [newInProgress], [newComplete]])
    )
    expect(result.end).toEqual({ kind: 'settled' })
    expect(result.packs.map((p) => p.state)).toEqual(['CREATE_COMPLETE'])
    expect(info).toEqual([
      'alpha: still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one requested after 2026-12-01T08:00:00Z',
      // Polled at 08:00:10, then 10 s and 20 s later (an earlier deployment: no age, backoff).
      'alpha: CREATE_IN_PROGRESS (requested 38s ago)',
      'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 42s'
    ])
    expect(
      decide(result.packs, result.end, { missingPack: 'fail', failOnFailure: true })
    ).toMatchObject({
      result: 'success',
      completed: ['alpha']
    })
  })

  it('goes from an earlier CREATE_COMPLETE straight to the new one', async () => {
    const staleComplete = {
      ...newComplete,
      requestedAt: OLD,
      completedAt: new Date(OLD.getTime() + 60_000)
    }
    const { result } = await waitWith(scripted([[staleComplete], [newComplete]]))
    expect(result.end.kind).toBe('settled')
    expect(
      result.packs[0].state === 'CREATE_COMPLETE' && result.packs[0].detail.requestedAt
    ).toEqual(NEW)
  })

  it('at the deadline the pack is pending: timeout, and the message says which deployment it shows', async () => {
    const { result, info } = await waitWith(scripted([[staleFailed]]))
    expect(result.end.kind).toBe('deadline')
    const [alpha] = result.packs
    expect(alpha).toMatchObject({
      state: 'PREVIOUS_DEPLOYMENT',
      shownRequestedAt: OLD,
      awaitedAfter: new Date(AFTER)
    })
    expect(info).toHaveLength(1)
    const verdict = decide(result.packs, result.end, { missingPack: 'fail', failOnFailure: true })
    expect(verdict).toMatchObject({
      result: 'timeout',
      failStep: true,
      pending: ['alpha'],
      failed: []
    })
    expect(headline(verdict, result.end, 120_000)).toBe(
      'Timed out after 2m00s waiting for 1 conformance pack(s): alpha; alpha still shows an older deployment (CREATE_FAILED, requested at 2026-11-30T07:00:00Z), not one requested after 2026-12-01T08:00:00Z'
    )
    expect(statusEntry(alpha, 'eu-west-1')).toEqual({
      name: 'alpha',
      state: 'PREVIOUS_DEPLOYMENT',
      reportedState: 'CREATE_FAILED',
      reason:
        'Still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one requested after 2026-12-01T08:00:00Z',
      region: 'eu-west-1',
      lastUpdateRequestedTime: '2026-11-30T07:00:00.000Z'
    })
  })

  it(`allows the runner's clock to be up to ${CLOCK_SKEW_ALLOWANCE_MS / 1000}s ahead of AWS's`, async () => {
    const at = (ms: number): ReportedPack => ({ ...newComplete, requestedAt: new Date(AFTER - ms) })
    const within = await waitWith(scripted([[at(CLOCK_SKEW_ALLOWANCE_MS)]]))
    expect(within.result.packs[0].state).toBe('CREATE_COMPLETE')
    const beyond = await waitWith(scripted([[at(CLOCK_SKEW_ALLOWANCE_MS + 1)]]))
    expect(beyond.result.packs[0].state).toBe('PREVIOUS_DEPLOYMENT')
  })

  it('without requested-after takes the first answer, as before', async () => {
    const { result } = await waitWith(scripted([[staleFailed], [newComplete]]), {
      requestedAfter: undefined
    })
    expect(result.packs[0].state).toBe('CREATE_FAILED')
  })

  it("applies to an organization pack's LastUpdateTime, and never settles an earlier deployment", async () => {
    const settled: string[] = []
    const org = (state: string, updatedAt: Date): ReportedPack => ({
      name: 'alpha',
      state,
      updatedAt
    })
    const stale = org('UPDATE_IN_PROGRESS', OLD)
    const { result, info } = await waitWith(
      scripted([[stale], [stale], [stale], [stale], [stale], [org('UPDATE_SUCCESSFUL', NEW)]], {
        deletedState: 'DELETE_SUCCESSFUL',
        settle: {
          iamAction: 'config:GetOrganizationConformancePackDetailedStatus',
          anyMemberAccount: (_name: string, status: string) => {
            settled.push(status)
            return Promise.resolve(true)
          }
        }
      })
    )
    expect(result.end.kind).toBe('settled')
    expect(result.packs[0].state).toBe('UPDATE_SUCCESSFUL')
    expect(settled).toEqual([])
    expect(info[0]).toBe(
      'alpha: still shows the deployment requested at 2026-11-30T07:00:00Z (UPDATE_IN_PROGRESS); waiting for the one requested after 2026-12-01T08:00:00Z'
    )
  })

  it('takes a record with no time as it is: nothing to compare', async () => {
    const { result } = await waitWith(scripted([[{ name: 'alpha', state: 'CREATE_SUCCESSFUL' }]]))
    expect(result.packs[0].state).toBe('CREATE_SUCCESSFUL')
  })
})
