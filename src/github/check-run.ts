import { context, getOctokit } from '@actions/github'
import { checkRunReporter } from './check-reporter.js'
import { redact } from './check-run-errors.js'
import { commitUnderTest, type CheckConclusion } from '../publish/check-view.js'
import type { CheckRunReporter } from '../publish/live-check.js'
import { REQUEST_TIMEOUT_MS } from '../shared/request-policy.js'
import type { Clock } from '../shared/clock.js'

/**
 * A live GitHub check run on the commit under test: created when the wait starts, its title
 * and summary updated when a pack changes state, completed with the wait's conclusion and
 * the job summary's markdown. Reporting is best effort: no call ever throws, delays the wait
 * beyond its bound, or fails the step.
 */

export { FINAL_UPDATE_BUDGET_MS } from './check-reporter.js'

import type { Env } from '../shared/env.js'
import { silentProxyNotices, type ProxyNotices } from '../shared/proxy.js'
import { proxiedFetch } from './proxy-fetch.js'

export type { CheckRunReporter } from '../publish/live-check.js'

export interface CheckRunLog {
  warning(message: string): void
  debug(message: string): void
  info?(message: string): void
}

export interface CheckRunOptions {
  /** Empty: no check run. */
  readonly token: string
  /** The check's name. */
  readonly name: string
  readonly env: Env
  /** The workflow event's payload (`context.payload`). */
  readonly payload: unknown
  readonly log: CheckRunLog
  /** The run's clock: the run's times and the completion's budget are read from it. */
  readonly clock: Clock
  /** Bound for one GitHub call; default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number
  /** Tells the log which proxy the calls go through; shared with the AWS calls. */
  readonly proxies?: ProxyNotices
}

export type Output = {
  readonly title: string
  readonly summary: string
}

/** The fields sent besides owner, repo, name, head_sha and check_run_id. */
export type Body = {
  readonly status?: 'in_progress' | 'completed'
  readonly conclusion?: CheckConclusion
  readonly started_at?: string
  readonly completed_at?: string
  readonly output: Output
}

type RequestOptions = {
  readonly signal: AbortSignal
  readonly retries: number
}

/** The two calls of GitHub's checks API that the reporter makes, shaped as octokit's. */
export interface ChecksApi {
  create(
    params: Body & {
      owner: string
      repo: string
      name: string
      head_sha: string
      request: RequestOptions
    }
  ): Promise<{ readonly data: { readonly id: number; readonly html_url?: string | null } }>
  update(
    params: Body & { owner: string; repo: string; check_run_id: number; request: RequestOptions }
  ): Promise<unknown>
}

export interface ReporterDeps {
  readonly api: ChecksApi
  readonly owner: string
  readonly repo: string
  readonly sha: string
  readonly name: string
  /** Redacted from every line logged. */
  readonly token: string
  readonly log: CheckRunLog
  /** started_at, completed_at and the completion's budget; each call's own bound is a timer. */
  readonly clock: Clock
  readonly requestTimeoutMs: number
  /** The web address of GitHub (GITHUB_SERVER_URL), for the link to a run left in progress. */
  readonly serverUrl: string
}

/** The workflow event's payload: read here, where @actions/github is loaded anyway. */
export function eventPayload(): unknown {
  return context.payload
}

/**
 * The reporter, or undefined when there is nothing to report to: no token (the feature is
 * off), or no repository or commit in the environment (warned).
 */
export function createCheckRunReporter(options: CheckRunOptions): CheckRunReporter | undefined {
  const { token, name, env, log } = options
  if (!token) {
    log.debug('github-token is empty: no check run')
    return undefined
  }
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const sha = commitUnderTest(env, options.payload)
  if (!owner || !repo || rest.length > 0 || !sha) {
    const what = !sha ? 'the commit under test (GITHUB_SHA)' : 'GITHUB_REPOSITORY (owner/repo)'
    log.warning(`No check run: ${what} is not set.`)
    return undefined
  }
  const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const octokit = getOctokit(token, {
    baseUrl,
    // Replaces @actions/github's own fetch, whose proxy was picked when it was loaded.
    request: { fetch: proxiedFetch(baseUrl, options.proxies ?? silentProxyNotices) },
    // Octokit's own notices (deprecations) go to the debug log, never to the console.
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => log.debug(redact(m, token)),
      error: (m: string) => log.debug(redact(m, token))
    }
  })
  return checkRunReporter({
    api: {
      create: (params) => octokit.rest.checks.create(params),
      update: (params) => octokit.rest.checks.update(params)
    },
    owner,
    repo,
    sha,
    name,
    token,
    log,
    clock: options.clock,
    requestTimeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  })
}
