import { afterEach, describe, expect, it } from 'vitest'
import {
  createCheckRunReporter,
  FINAL_UPDATE_BUDGET_MS,
  type CheckRunReporter
} from '../../src/github/check-run.js'
import { CHECK_SUMMARY_LIMIT } from '../../src/publish/check-view.js'
import { systemClock, type Clock } from '../../src/shared/clock.js'
import { virtualClock } from '../support/doubles.js'
import { FakeGitHubApi, type GitHubFaultRule } from '../support/fake-github-api.js'

const TOKEN = 'ghs_fakeInstallationToken0123456789abcdefABCDEF'
const NAME = 'AWS Config conformance packs'
const HEAD_SHA = '1111111111111111111111111111111111111111'
const MERGE_SHA = '2222222222222222222222222222222222222222'
const PR_PAYLOAD = { action: 'synchronize', pull_request: { number: 7, head: { sha: HEAD_SHA } } }
const RUNS_PATH = '/repos/octo-org/infra/check-runs'
const BOUND_MS = 200

interface LogLine {
  readonly level: 'warning' | 'debug' | 'info'
  readonly message: string
}

const servers: FakeGitHubApi[] = []
const allLogs: LogLine[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
  // Whatever happened in the test, the token was never logged.
  for (const line of allLogs.splice(0)) expect(line.message).not.toContain(TOKEN)
})

async function setup(
  faults: readonly GitHubFaultRule[] = [],
  options: {
    env?: Record<string, string | undefined>
    token?: string
    payload?: unknown
    requestTimeoutMs?: number
    clock?: Clock
  } = {}
): Promise<{ api: FakeGitHubApi; logs: LogLine[]; reporter: CheckRunReporter | undefined }> {
  const api = new FakeGitHubApi(faults)
  servers.push(api)
  const url = await api.start()
  const logs: LogLine[] = []
  const push = (level: LogLine['level']) => (message: string) => {
    logs.push({ level, message })
    allLogs.push({ level, message })
  }
  const reporter = createCheckRunReporter({
    token: options.token ?? TOKEN,
    name: NAME,
    env: {
      GITHUB_API_URL: url,
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_SHA: MERGE_SHA,
      ...options.env
    },
    payload: 'payload' in options ? options.payload : PR_PAYLOAD,
    log: { warning: push('warning'), debug: push('debug'), info: push('info') },
    // The real clock: these tests time the calls' bounds and the completion's budget.
    clock: options.clock ?? systemClock,
    requestTimeoutMs: options.requestTimeoutMs ?? BOUND_MS
  })
  return { api, logs, reporter }
}

async function ready(
  faults: readonly GitHubFaultRule[] = [],
  requestTimeoutMs = BOUND_MS
): Promise<{ api: FakeGitHubApi; logs: LogLine[]; reporter: CheckRunReporter }> {
  const { api, logs, reporter } = await setup(faults, { requestTimeoutMs })
  if (!reporter) throw new Error('no reporter')
  return { api, logs, reporter }
}

const warnings = (logs: LogLine[]): string[] =>
  logs.filter((l) => l.level === 'warning').map((l) => l.message)
const infos = (logs: LogLine[]): string[] =>
  logs.filter((l) => l.level === 'info').map((l) => l.message)
const methods = (api: FakeGitHubApi): string[] => api.requests.map((r) => r.method)
const outputOf = (body: Record<string, unknown> | undefined): Record<string, unknown> =>
  body?.output as Record<string, unknown>
const onlyRun = (api: FakeGitHubApi): Record<string, unknown> => {
  expect(api.checkRuns.size).toBe(1)
  return [...api.checkRuns.values()][0]
}

async function timed(promise: Promise<void>): Promise<number> {
  const t0 = performance.now()
  await promise
  return performance.now() - t0
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!condition()) throw new Error('condition not met')
}

describe('check run over the wire (octokit from @actions/github → fake GitHub API)', () => {
  it('start creates an in-progress run on the pull request head, named, with the token', async () => {
    const { api, reporter, logs } = await ready()
    await reporter.start('Waiting for conformance packs', 'Waiting for the first poll.')
    expect(api.requests).toHaveLength(1)
    const [create] = api.requests
    expect(create.method).toBe('POST')
    expect(create.path).toBe(RUNS_PATH)
    expect(create.authorization).toBe(`token ${TOKEN}`)
    expect(create.body).toMatchObject({
      name: NAME,
      head_sha: HEAD_SHA,
      status: 'in_progress',
      output: { title: 'Waiting for conformance packs', summary: 'Waiting for the first poll.' }
    })
    expect(Date.parse(String(create.body?.started_at))).toBeGreaterThan(Date.now() - 60_000)
    expect(create.body).not.toHaveProperty('conclusion')
    expect(warnings(logs)).toEqual([])
  })

  it('updates PATCH the output of the run; complete sets status, conclusion and the summary', async () => {
    const { api, reporter, logs } = await ready()
    await reporter.start('Waiting for conformance packs', 'starting')
    await reporter.update('Waiting: 1 of 2 packs deployed', '| alpha | CREATE_COMPLETE |')
    const long = `<table>${'<tr><td>pack</td><td>✅ CREATE_COMPLETE</td></tr>'.repeat(3_000)}</table>`
    await reporter.complete('failure', '1 of 2 packs deployed, 1 failed', long)

    expect(methods(api)).toEqual(['POST', 'PATCH', 'PATCH'])
    const id = onlyRun(api).id as number
    const [, update, complete] = api.requests
    expect(update.path).toBe(`${RUNS_PATH}/${id}`)
    expect(update.body).toEqual({
      output: { title: 'Waiting: 1 of 2 packs deployed', summary: '| alpha | CREATE_COMPLETE |' }
    })
    expect(complete.path).toBe(`${RUNS_PATH}/${id}`)
    expect(complete.body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(Date.parse(String(complete.body?.completed_at))).toBeGreaterThan(Date.now() - 60_000)
    const summary = String(outputOf(complete.body).summary)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT)
    expect(summary).toContain('full table is in the job summary')
    expect(outputOf(complete.body).title).toBe('1 of 2 packs deployed, 1 failed')
    expect(onlyRun(api)).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(warnings(logs)).toEqual([])
  })

  it('fifty polls with two state changes make one create, three updates and the completion', async () => {
    const { api, reporter } = await ready()
    // What the wait loop reports as a round with a change: a pack's state differs from the last round.
    let last = ''
    const changed = (packs: { name: string; state: string }[]): boolean => {
      const now = JSON.stringify(packs)
      const differs = now !== last
      last = now
      return differs
    }
    await reporter.start('Waiting for conformance packs', 'starting')
    for (let round = 1; round <= 50; round++) {
      const packs = [
        { name: 'alpha', state: round < 20 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE' },
        { name: 'beta', state: round < 50 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE' }
      ]
      if (changed(packs)) await reporter.update(`round ${round}`, JSON.stringify(packs))
    }
    await reporter.complete('success', '2 of 2 packs deployed', 'done')
    expect(methods(api)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'PATCH'])
    expect(api.requestsOf('PATCH').map((r) => outputOf(r.body).title)).toEqual([
      'round 1',
      'round 20',
      'round 50',
      '2 of 2 packs deployed'
    ])
  })

  it('keeps only the newest update while one is in flight', async () => {
    // The first update is answered late; three more arrive meanwhile.
    const { api, reporter } = await ready([{ requests: [2], response: { kind: 'delay', ms: 100 } }])
    await reporter.start('t0', 's0')
    const first = reporter.update('t1', 's1')
    await until(() => api.requests.length === 2)
    const rest = [
      reporter.update('t2', 's2'),
      reporter.update('t3', 's3'),
      reporter.update('t4', 's4')
    ]
    await Promise.all([first, ...rest])
    expect(api.requestsOf('PATCH').map((r) => outputOf(r.body).title)).toEqual(['t1', 't4'])
    expect(onlyRun(api)).toMatchObject({ output: { title: 't4', summary: 's4' } })
  })

  it('a 403 on create warns once, naming checks: write, and makes no further call', async () => {
    const { api, reporter, logs } = await ready([
      { requests: 'all', response: { kind: 'error', status: 403 } }
    ])
    await reporter.start('t0', 's0')
    await reporter.update('t1', 's1')
    await reporter.update('t2', 's2')
    await reporter.complete('success', 'done', 'done')
    expect(api.requests).toHaveLength(1)
    const warned = warnings(logs)
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain('checks: write')
    expect(warned[0]).toContain('Resource not accessible by integration')
    expect(warned[0]).toContain('the wait carries on')
    expect(warned[0]).toMatch(
      new RegExp(
        `no check run shows on the commit; its checks: https://github\\.com/octo-org/infra/commit/${HEAD_SHA}/checks$`
      )
    )
  })

  it.each([401, 404, 422])(
    'a %i is permanent too: one warning, no further call',
    async (status) => {
      const { api, reporter, logs } = await ready([
        { requests: 'all', response: { kind: 'error', status } }
      ])
      await reporter.start('t0', 's0')
      await reporter.update('t1', 's1')
      await reporter.complete('failure', 'done', 'done')
      expect(api.requests).toHaveLength(1)
      expect(warnings(logs)).toHaveLength(1)
      expect(warnings(logs)[0]).toContain(`${status}`)
    }
  )

  it('a rate-limit 403 is not permanent: later calls still try', async () => {
    const { api, reporter, logs } = await ready([
      {
        requests: [1],
        response: {
          kind: 'error',
          status: 403,
          message: 'You have exceeded a secondary rate limit.',
          headers: { 'retry-after': '60' }
        }
      }
    ])
    await reporter.start('t0', 's0')
    await reporter.update('t1', 's1')
    expect(methods(api)).toEqual(['POST', 'POST'])
    expect(onlyRun(api)).toMatchObject({ status: 'in_progress', output: { title: 't1' } })
    expect(infos(logs)).toEqual([
      expect.stringMatching(/^Could not create the check run .*secondary rate limit.* tried again/),
      expect.stringMatching(/^Check run .* created$/)
    ])
    expect(warnings(logs)).toEqual([])
  })

  it('a 500 on create is told, not warned; the next update creates the run, later calls PATCH it', async () => {
    const { api, reporter, logs } = await ready([
      { requests: [1], response: { kind: 'error', status: 500 } }
    ])
    await reporter.start('t0', 's0')
    expect(infos(logs)).toEqual([expect.stringContaining('HTTP 500')])
    await reporter.update('t1', 's1')
    await reporter.update('t2', 's2')
    await reporter.complete('neutral', 'done', 'summary')
    expect(methods(api)).toEqual(['POST', 'POST', 'PATCH', 'PATCH'])
    expect(api.requests[1].body).toMatchObject({
      name: NAME,
      head_sha: HEAD_SHA,
      status: 'in_progress',
      started_at: api.requests[0].body?.started_at,
      output: { title: 't1', summary: 's1' }
    })
    const id = onlyRun(api).id as number
    expect(api.requests[2].path).toBe(`${RUNS_PATH}/${id}`)
    expect(onlyRun(api)).toMatchObject({ status: 'completed', conclusion: 'neutral' })
    // The run was created and completed after all: nothing to warn about.
    expect(warnings(logs)).toEqual([])
  })

  it('two 5xx failures in a run that completes: told once, then at debug level, never warned', async () => {
    const { api, reporter, logs } = await ready([
      { requests: [1], response: { kind: 'error', status: 502 } },
      { requests: [3], response: { kind: 'error', status: 503 } }
    ])
    await reporter.start('t0', 's0') // 502
    await reporter.update('t1', 's1') // creates
    await reporter.update('t2', 's2') // 503
    await reporter.complete('success', 'done', 'summary')
    expect(methods(api)).toEqual(['POST', 'POST', 'PATCH', 'PATCH'])
    expect(warnings(logs)).toEqual([])
    expect(infos(logs).filter((l) => l.startsWith('Could not'))).toEqual([
      expect.stringContaining('HTTP 502')
    ])
    expect(logs.some((l) => l.level === 'debug' && l.message.includes('HTTP 503'))).toBe(true)
    expect(onlyRun(api)).toMatchObject({ status: 'completed', conclusion: 'success' })
  })

  it('a hanging API never holds a call past its bound; one warning for the run, at its end, saying it all', async () => {
    const { api, reporter, logs } = await ready([{ requests: 'all', response: { kind: 'hang' } }])
    expect(await timed(reporter.start('t0', 's0'))).toBeLessThan(BOUND_MS + 400)
    expect(await timed(reporter.update('t1', 's1'))).toBeLessThan(BOUND_MS + 400)
    expect(
      await timed(reporter.complete('cancelled', 'done', 's', { timeoutMs: 300 }))
    ).toBeLessThan(1000)
    expect(methods(api)).toEqual(['POST', 'POST', 'POST'])
    // The abort reached the connection: the client hung up on every held request.
    await until(() => api.hanging === 0)
    // Neither created nor completed: one warning says both, and links the commit's checks.
    expect(warnings(logs)).toEqual([
      `Could not complete the check run "${NAME}": no answer within 300ms. Earlier: Could not create the check run "${NAME}": no answer within ${BOUND_MS}ms. The step's result is not affected; the check run may be missing or stay in progress; the commit's checks: https://github.com/octo-org/infra/commit/${HEAD_SHA}/checks`
    ])
  })

  it('refused for good after the run was created: one warning, linking the run left in progress', async () => {
    const { api, reporter, logs } = await ready([
      { requests: [2], response: { kind: 'error', status: 403 } }
    ])
    await reporter.start('t0', 's0')
    await reporter.update('t1', 's1')
    await reporter.complete('success', 'done', 'summary')
    expect(methods(api)).toEqual(['POST', 'PATCH'])
    const id = onlyRun(api).id as number
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toMatch(/^Could not update the check run .*checks: write/)
    expect(warnings(logs)[0]).toMatch(
      new RegExp(`the check run stays in progress: https://github\\.com/octo-org/infra/runs/${id}$`)
    )
  })

  it("sends the run's times from the clock it is given", async () => {
    const clock = virtualClock(Date.parse('2030-01-02T03:04:05.000Z'))
    const { api, reporter } = await setup([], { clock })
    await reporter!.start('t0', 's0')
    await clock.sleep(90_000)
    await reporter!.complete('success', 'done', 'summary')
    expect(onlyRun(api)).toMatchObject({
      status: 'completed',
      started_at: '2030-01-02T03:04:05.000Z',
      completed_at: '2030-01-02T03:05:35.000Z'
    })
  })

  it('a stalled final update gives up after 3 s and warns that the run may stay in progress, with its html_url', async () => {
    const { api, reporter, logs } = await ready(
      [{ requests: [2, 3], response: { kind: 'hang' } }],
      10_000
    )
    await reporter.start('t0', 's0')
    const id = onlyRun(api).id as number
    const took = await timed(reporter.complete('success', 'done', 'summary'))
    expect(took).toBeGreaterThanOrEqual(FINAL_UPDATE_BUDGET_MS - 50)
    expect(took).toBeLessThan(FINAL_UPDATE_BUDGET_MS + 600)
    expect(methods(api)).toEqual(['POST', 'PATCH'])
    await until(() => api.hanging === 0)
    expect(warnings(logs)).toEqual([
      `Could not complete the check run "${NAME}": no answer within 3s. The step's result is not affected; the check run may stay in progress: https://github.com/octo-org/infra/runs/${id}`
    ])
  })

  it('without an html_url in the answer, the link is built from GITHUB_SERVER_URL and the id', async () => {
    const { api, reporter, logs } = await setup([{ requests: [2], response: { kind: 'hang' } }], {
      env: { GITHUB_SERVER_URL: 'https://ghe.example.com/' }
    })
    api.omitHtmlUrl = true
    await reporter!.start('t0', 's0')
    await reporter!.complete('failure', 'done', 'summary', { timeoutMs: 300 })
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toMatch(
      /may stay in progress: https:\/\/ghe\.example\.com\/octo-org\/infra\/runs\/1001$/
    )
  })

  it('a final update refused for good warns once, with the hint and the link', async () => {
    const { reporter, logs } = await ready([
      { requests: [2], response: { kind: 'error', status: 422 } }
    ])
    await reporter.start('t0', 's0')
    await reporter.complete('success', 'done', 'summary')
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toContain('GitHub rejected the request (422: Validation Failed)')
    expect(warnings(logs)[0]).toContain(
      'may stay in progress: https://github.com/octo-org/infra/runs/1001'
    )
  })

  it('complete supersedes an update hanging in flight and still completes the run', async () => {
    const { api, reporter, logs } = await ready([{ requests: [2], response: { kind: 'hang' } }])
    await reporter.start('t0', 's0')
    const hanging = reporter.update('t1', 's1')
    await until(() => api.requests.length === 2)
    const took = await timed(reporter.complete('cancelled', 'cancelled', 's', { timeoutMs: 300 }))
    expect(took).toBeLessThan(300)
    await hanging
    expect(methods(api)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(onlyRun(api)).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
    expect(warnings(logs)).toEqual([])
  })

  it('on cancellation complete keeps to its own short budget, not the normal bound', async () => {
    const { api, reporter, logs } = await ready(
      [{ requests: [2], response: { kind: 'hang' } }],
      5_000
    )
    await reporter.start('t0', 's0')
    const took = await timed(reporter.complete('cancelled', 'cancelled', 's', { timeoutMs: 300 }))
    expect(took).toBeGreaterThanOrEqual(250)
    expect(took).toBeLessThan(700)
    expect(methods(api)).toEqual(['POST', 'PATCH'])
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toContain('no answer within 300ms')
  })

  it('complete during a hanging create gives it half the budget, then creates the run completed', async () => {
    // The create alone may take 5 s; complete's budget is 400 ms in all.
    const { api, reporter } = await ready([{ requests: [1], response: { kind: 'hang' } }], 5_000)
    const starting = reporter.start('t0', 's0')
    await until(() => api.requests.length === 1)
    const took = await timed(reporter.complete('timed_out', 'late', 's', { timeoutMs: 400 }))
    expect(took).toBeGreaterThanOrEqual(190)
    expect(took).toBeLessThan(700)
    await starting
    expect(methods(api)).toEqual(['POST', 'POST'])
    expect(api.requests[1].body).toMatchObject({
      status: 'completed',
      conclusion: 'timed_out',
      head_sha: HEAD_SHA
    })
    expect(onlyRun(api)).toMatchObject({ status: 'completed', conclusion: 'timed_out' })
  })

  it('never logs the token, even when an error answer repeats it', async () => {
    const { reporter, logs } = await ready([
      { requests: [1], response: { kind: 'error', status: 500, message: `bad token ${TOKEN}` } },
      { requests: [2], response: { kind: 'error', status: 403, message: `token ${TOKEN} denied` } }
    ])
    await reporter.start('t0', 's0')
    await reporter.update('t1', 's1')
    expect(warnings(logs)).toHaveLength(1)
    for (const line of logs) expect(line.message).not.toContain(TOKEN)
    expect([...infos(logs), ...warnings(logs)].every((w) => w.includes('***'))).toBe(true)
  })

  it('makes no call at all when the token is empty', async () => {
    const { api, reporter, logs } = await setup([], { token: '' })
    expect(reporter).toBeUndefined()
    expect(api.requests).toEqual([])
    expect(logs).toEqual([{ level: 'debug', message: 'github-token is empty: no check run' }])
  })

  it('warns and makes no call without a repository or a commit', async () => {
    const noRepo = await setup([], { env: { GITHUB_REPOSITORY: undefined } })
    expect(noRepo.reporter).toBeUndefined()
    expect(warnings(noRepo.logs)).toEqual([
      'No check run: GITHUB_REPOSITORY (owner/repo) is not set.'
    ])
    const noSha = await setup([], { env: { GITHUB_SHA: undefined }, payload: { ref: 'x' } })
    expect(noSha.reporter).toBeUndefined()
    expect(warnings(noSha.logs)).toEqual([
      'No check run: the commit under test (GITHUB_SHA) is not set.'
    ])
    expect([...noRepo.api.requests, ...noSha.api.requests]).toEqual([])
  })

  it('takes GITHUB_SHA on a push', async () => {
    const api = new FakeGitHubApi()
    servers.push(api)
    const url = await api.start()
    const reporter = createCheckRunReporter({
      token: TOKEN,
      name: NAME,
      env: { GITHUB_API_URL: url, GITHUB_REPOSITORY: 'octo-org/infra', GITHUB_SHA: MERGE_SHA },
      payload: { ref: 'refs/heads/main' },
      log: { warning: () => undefined, debug: () => undefined },
      clock: systemClock
    })
    await reporter?.start('t', 's')
    expect(api.requests[0].body).toMatchObject({ head_sha: MERGE_SHA })
  })
})
