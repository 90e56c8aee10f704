import { describe, expect, it } from 'vitest'
import { checkRunReporter } from '../../../src/github/check-reporter.js'
import type { ChecksApi } from '../../../src/github/check-run.js'
import { recordingLog, virtualClock } from '../../support/doubles.js'

const SHA = 'abcabcabcabcabcabcabcabcabcabcabcabcabca'
const START = Date.parse('2030-05-06T07:08:09.000Z')

type Answer =
  | { readonly kind: 'ok'; readonly htmlUrl?: string }
  | { readonly kind: 'stall' }
  | { readonly kind: 'refuse'; readonly status: number; readonly message: string }

/**
 * A hand-written checks API: each call takes the next scripted answer (the last one repeats).
 * A stalled call settles only when its signal aborts, as octokit's fetch does.
 */
function fakeChecks(...answers: Answer[]) {
  const calls: { method: 'create' | 'update'; params: Record<string, unknown> }[] = []
  let id = 500
  const answer = (
    method: 'create' | 'update',
    params: Record<string, unknown> & { request: { signal: AbortSignal } }
  ) => {
    calls.push({ method, params })
    const next = answers[Math.min(calls.length, answers.length) - 1]
    if (next.kind === 'stall') {
      return new Promise<never>((_, reject) =>
        params.request.signal.addEventListener('abort', () => reject(new Error('aborted')))
      )
    }
    if (next.kind === 'refuse') {
      const error = Object.assign(new Error(next.message), {
        status: next.status,
        response: { status: next.status, headers: {}, data: { message: next.message } }
      })
      return Promise.reject(error)
    }
    return Promise.resolve({ data: { id: ++id, html_url: next.htmlUrl } })
  }
  const api: ChecksApi = {
    create: (params) => answer('create', params),
    update: (params) => answer('update', params)
  }
  return { api, calls }
}

function reporterOver(api: ChecksApi, clock = virtualClock(START)) {
  const log = recordingLog()
  const reporter = checkRunReporter({
    api,
    owner: 'octo-org',
    repo: 'infra',
    sha: SHA,
    name: 'Packs',
    token: 'ghs_secret',
    log,
    clock,
    requestTimeoutMs: 5_000,
    serverUrl: 'https://github.example.com'
  })
  return { reporter, warnings: log.lines.warning, infos: log.lines.info, clock }
}

/** Times the call from before it starts: its budget is taken at the call, not at the await. */
async function elapsed(call: () => Promise<void>): Promise<number> {
  const t0 = performance.now()
  await call()
  return performance.now() - t0
}

describe('the final check-run update', () => {
  it('landing, warns nothing', async () => {
    const { api, calls } = fakeChecks({ kind: 'ok', htmlUrl: 'https://github.com/o/r/runs/501' })
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.complete('success', 'done', 's', { timeoutMs: 200 })
    expect(calls.map((c) => c.method)).toEqual(['create', 'update'])
    expect(calls[1].params).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(warnings).toEqual([])
  })

  it('stalled, gives up within its budget and links the html_url GitHub gave', async () => {
    const { api } = fakeChecks(
      { kind: 'ok', htmlUrl: 'https://github.com/octo-org/infra/runs/501' },
      { kind: 'stall' }
    )
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    const took = await elapsed(() => reporter.complete('success', 'done', 's', { timeoutMs: 150 }))
    expect(took).toBeGreaterThanOrEqual(140)
    expect(took).toBeLessThan(600)
    expect(warnings).toEqual([
      'Could not complete the check run "Packs": no answer within 150ms. The step\'s result is not affected; the check run may stay in progress: https://github.com/octo-org/infra/runs/501'
    ])
  })

  it('without an html_url, links the run built from the server URL and its id', async () => {
    const { api } = fakeChecks({ kind: 'ok' }, { kind: 'stall' })
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.complete('failure', 'done', 's', { timeoutMs: 100 })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /may stay in progress: https:\/\/github\.example\.com\/octo-org\/infra\/runs\/501$/
    )
  })

  it('while the create itself stalls, keeps to the budget in all and links the commit checks', async () => {
    const { api, calls } = fakeChecks({ kind: 'stall' })
    const { reporter, warnings } = reporterOver(api)
    void reporter.start('t', 's')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(calls).toHaveLength(1)
    const took = await elapsed(() =>
      reporter.complete('timed_out', 'late', 's', { timeoutMs: 200 })
    )
    expect(took).toBeLessThan(600)
    // The stalled create got half the budget, then a create of the completed run was tried.
    expect(calls.map((c) => c.method)).toEqual(['create', 'create'])
    expect(calls[1].params).toMatchObject({ status: 'completed', conclusion: 'timed_out' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      `the check run may be missing or stay in progress; the commit's checks: https://github.example.com/octo-org/infra/commit/${SHA}/checks`
    )
  })

  it('refused for good after the run was created, warns once that the run stays in progress', async () => {
    const { api, calls } = fakeChecks(
      { kind: 'ok' },
      { kind: 'refuse', status: 403, message: 'Resource not accessible by integration' }
    )
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.update('t1', 's1')
    await reporter.complete('success', 'done', 's', { timeoutMs: 200 })
    // No call after the refusal, and no second warning at the completion.
    expect(calls).toHaveLength(2)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Could not update the check run "Packs"\. GitHub answered 403/)
    expect(warnings[0]).toContain('checks: write')
    expect(warnings[0]).toMatch(
      /the check run stays in progress: https:\/\/github\.example\.com\/octo-org\/infra\/runs\/501$/
    )
  })

  it('refused for good before any run existed, adds nothing to the first warning', async () => {
    const { api, calls } = fakeChecks({ kind: 'refuse', status: 401, message: 'Bad credentials' })
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.complete('success', 'done', 's', { timeoutMs: 200 })
    expect(calls).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('401')
    expect(warnings[0]).toMatch(
      new RegExp(
        `no check run shows on the commit; its checks: https://github\\.example\\.com/octo-org/infra/commit/${SHA}/checks$`
      )
    )
  })

  it('an outage that kept the run from being created and completed warns once, at the end, saying both', async () => {
    const { api } = fakeChecks({ kind: 'refuse', status: 503, message: 'Service Unavailable' })
    const { reporter, warnings, infos } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.update('t1', 's1')
    // Told as it happens, warned only once the run's fate is known.
    expect(infos).toEqual([
      'Could not create the check run "Packs": HTTP 503: Service Unavailable. The wait carries on; the check run is tried again at the next change of state.'
    ])
    expect(warnings).toEqual([])
    await reporter.complete('failure', 'done', 's', { timeoutMs: 200 })
    expect(warnings).toEqual([
      `Could not complete the check run "Packs": HTTP 503: Service Unavailable. Earlier: Could not create the check run "Packs": HTTP 503: Service Unavailable. The step's result is not affected; the check run may be missing or stay in progress; the commit's checks: https://github.example.com/octo-org/infra/commit/${SHA}/checks`
    ])
  })

  it('a failure the run recovers from is told, and warns nothing', async () => {
    const { api } = fakeChecks(
      { kind: 'refuse', status: 502, message: 'Bad Gateway' },
      { kind: 'ok' }
    )
    const { reporter, warnings, infos } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.update('t1', 's1')
    await reporter.complete('success', 'done', 's', { timeoutMs: 200 })
    expect(infos.filter((line) => line.startsWith('Could not'))).toEqual([
      expect.stringContaining('HTTP 502')
    ])
    expect(warnings).toEqual([])
  })
})

describe('the check run and the clock it is given', () => {
  it('takes started_at and completed_at from the clock', async () => {
    const { api, calls } = fakeChecks({ kind: 'ok' })
    const { reporter, clock } = reporterOver(api)
    await reporter.start('t', 's')
    await clock.sleep(65_000)
    await reporter.complete('success', 'done', 's')
    expect(calls[0].params).toMatchObject({ started_at: '2030-05-06T07:08:09.000Z' })
    expect(calls[1].params).toMatchObject({ completed_at: '2030-05-06T07:09:14.000Z' })
  })

  it('measures the completion budget on the clock: a budget spent in flight leaves no time to complete', async () => {
    const clock = virtualClock(START)
    let calls = 0
    const api: ChecksApi = {
      // A create that holds until it is given up, which takes the clock past the budget.
      create: (params) => {
        calls += 1
        return new Promise((_, reject) =>
          params.request.signal.addEventListener('abort', () => {
            void clock.sleep(2_000)
            reject(new Error('aborted'))
          })
        )
      },
      update: () => Promise.resolve({})
    }
    const { reporter, warnings } = reporterOver(api, clock)
    void reporter.start('t', 's')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(calls).toBe(1)
    await reporter.complete('success', 'done', 's', { timeoutMs: 3_000 })
    // Half the budget for the create in flight, then 2 s more: nothing left for another call.
    expect(clock.now() - START).toBe(3_500)
    expect(calls).toBe(1)
    expect(warnings).toEqual([
      `Could not complete the check run "Packs": no time was left. The step's result is not affected; the check run may be missing or stay in progress; the commit's checks: https://github.example.com/octo-org/infra/commit/${SHA}/checks`
    ])
  })
})
