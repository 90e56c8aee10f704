import { describe, expect, it } from 'vitest'
import { checkRunReporter } from '../../../src/github/check-reporter.js'
import type { ChecksApi } from '../../../src/github/check-run.js'

const SHA = 'abcabcabcabcabcabcabcabcabcabcabcabcabca'

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

function reporterOver(api: ChecksApi) {
  const warnings: string[] = []
  const reporter = checkRunReporter({
    api,
    owner: 'octo-org',
    repo: 'infra',
    sha: SHA,
    name: 'Packs',
    token: 'ghs_secret',
    log: { warning: (m) => warnings.push(m), debug: () => undefined },
    requestTimeoutMs: 5_000,
    serverUrl: 'https://github.example.com'
  })
  return { reporter, warnings }
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

  it('refused for good after the run was created, warns that the run stays in progress', async () => {
    const { api, calls } = fakeChecks(
      { kind: 'ok' },
      { kind: 'refuse', status: 403, message: 'Resource not accessible by integration' }
    )
    const { reporter, warnings } = reporterOver(api)
    await reporter.start('t', 's')
    await reporter.update('t1', 's1')
    await reporter.complete('success', 'done', 's', { timeoutMs: 200 })
    // No call after the refusal; the completion's warning says what that left behind.
    expect(calls).toHaveLength(2)
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('checks: write')
    expect(warnings[1]).toContain('GitHub refused an earlier call')
    expect(warnings[1]).toContain(
      'may stay in progress: https://github.example.com/octo-org/infra/runs/501'
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
  })
})
