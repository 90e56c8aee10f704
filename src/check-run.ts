import { getOctokit } from '@actions/github'
import { abortable } from './abortable.js'

/**
 * A live GitHub check run on the commit under test: created when the wait starts, its title
 * and summary updated when a pack changes state, completed with the wait's conclusion and
 * the job summary's markdown. Reporting is best effort: no call ever throws, delays the wait
 * beyond its bound, or fails the step.
 */

import { commitUnderTest, field, fitCheckSummary, type CheckConclusion } from './check-view.js'

type Env = Readonly<Record<string, string | undefined>>

/** The normal bound for one GitHub call. */
export const DEFAULT_CHECK_REQUEST_TIMEOUT_MS = 10_000

/**
 * None of the methods throws or rejects, and each is bounded in time. start and update run
 * one at a time, in order, and resolve when their call is answered (or given up): the wait
 * need not await them, as complete supersedes whatever is still in flight.
 */
export interface CheckRunReporter {
  /** Creates the check run, in progress. */
  start(title: string, summary: string): Promise<void>
  /**
   * Replaces the title and summary (creating the run if start failed). Call at most once per
   * poll round in which some state changed; while a call is in flight only the newest update
   * is kept.
   */
  update(title: string, summary: string): Promise<void>
  /**
   * Completes the run with `conclusion` and the job summary's markdown (cut to fit). Bounded
   * by `timeoutMs` in all, waiting on a call in flight included (default the normal request
   * bound; about a second on cancellation). Later calls do nothing.
   */
  complete(
    conclusion: CheckConclusion,
    title: string,
    summary: string,
    options?: { timeoutMs?: number }
  ): Promise<void>
}

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
  /** Bound for one GitHub call; default 10 s. */
  readonly requestTimeoutMs?: number
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
    // Octokit's own notices (deprecations) go to the debug log, never to the console.
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => log.debug(redact(m, token)),
      error: (m: string) => log.debug(redact(m, token))
    }
  })
  return new Reporter({
    octokit,
    owner,
    repo,
    sha,
    name,
    token,
    log,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_CHECK_REQUEST_TIMEOUT_MS
  })
}

type Octokit = ReturnType<typeof getOctokit>
type Action = 'create' | 'update' | 'complete'

interface Output {
  readonly title: string
  readonly summary: string
}

/** The fields sent besides owner, repo, name, head_sha and check_run_id. */
interface Body {
  readonly status?: 'in_progress' | 'completed'
  readonly conclusion?: CheckConclusion
  readonly started_at?: string
  readonly completed_at?: string
  readonly output: Output
}

interface InFlight {
  /** Whether the call creates the run (its id matters to the calls after it). */
  readonly creates: boolean
  readonly controller: AbortController
  readonly done: Promise<void>
}

interface ReporterDeps {
  readonly octokit: Octokit
  readonly owner: string
  readonly repo: string
  readonly sha: string
  readonly name: string
  readonly token: string
  readonly log: CheckRunLog
  readonly requestTimeoutMs: number
}

/**
 * Statuses after which no further call is made: the same request would meet the same answer
 * for the rest of the run. 401: the token is invalid or expired. 403: the token lacks
 * `checks: write` (a rate-limit 403 is transient, see isRateLimited). 404: the token cannot
 * see the repository (or the run). 422: GitHub rejected the request itself (for example a
 * head_sha that is not in the repository). Everything else (5xx, 429, timeouts, network
 * errors) may pass: warned once per run, tried again at the next state change.
 */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 422])

class Reporter implements CheckRunReporter {
  private runId: number | undefined
  private startedAt: string | undefined
  /** A permanent error: no more calls. */
  private disabled = false
  /** complete() was called: start/update no longer call. */
  private closed = false
  private warnedTransient = false
  private failedSinceSuccess = false
  private current: InFlight | undefined
  /** The queue of start/update calls, one at a time. */
  private tail: Promise<void> = Promise.resolve()
  private pending: Output | undefined
  private pendingDone: Promise<void> | undefined

  constructor(private readonly deps: ReporterDeps) {}

  start(title: string, summary: string): Promise<void> {
    this.startedAt ??= new Date().toISOString()
    return this.enqueue(async () => {
      if (this.runId !== undefined) return this.send('update', { output: output(title, summary) })
      return this.send('create', {
        status: 'in_progress',
        started_at: this.startedAt,
        output: output(title, summary)
      })
    })
  }

  update(title: string, summary: string): Promise<void> {
    if (this.disabled || this.closed) return Promise.resolve()
    const queued = this.pending !== undefined
    this.pending = { title, summary }
    if (queued && this.pendingDone) return this.pendingDone
    this.pendingDone = this.enqueue(async () => {
      const next = this.pending
      this.pending = undefined
      if (!next) return
      const body: Body = { output: output(next.title, next.summary) }
      if (this.runId !== undefined) return this.send('update', body)
      // The run was not created (start failed, or was never called): create it now.
      this.startedAt ??= new Date().toISOString()
      return this.send('create', { status: 'in_progress', started_at: this.startedAt, ...body })
    })
    return this.pendingDone
  }

  async complete(
    conclusion: CheckConclusion,
    title: string,
    summary: string,
    options?: { timeoutMs?: number }
  ): Promise<void> {
    try {
      if (this.closed) return
      this.closed = true
      this.pending = undefined
      const budget = Math.max(1, options?.timeoutMs ?? this.deps.requestTimeoutMs)
      const deadline = Date.now() + budget
      const current = this.current
      if (current) {
        // An update in flight is superseded by this one. A create in flight gets up to half
        // the budget, so the run it creates is the one completed rather than left in progress.
        if (current.creates) await settleWithin(current.done, budget / 2)
        current.controller.abort()
        await current.done
      }
      if (this.disabled) return
      const left = deadline - Date.now()
      if (left <= 0) {
        this.deps.log.debug('No time left to complete the check run')
        return
      }
      const completedAt = new Date().toISOString()
      const body: Body = {
        status: 'completed',
        conclusion,
        completed_at: completedAt,
        output: output(title, summary)
      }
      if (this.runId !== undefined) await this.send('complete', body, left)
      else
        await this.send(
          'create',
          { ...body, started_at: this.startedAt ?? completedAt },
          left,
          'complete'
        )
    } catch (error) {
      this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`)
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.disabled || this.closed) return
      try {
        await task()
      } catch (error) {
        this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`)
      }
    }
    const next = this.tail.then(run)
    this.tail = next
    return next
  }

  /** One bounded call; records the run's id, classifies failures. Never rejects. */
  private async send(
    action: Action,
    body: Body,
    boundMs = this.deps.requestTimeoutMs,
    label: Action = action
  ): Promise<void> {
    const { octokit, owner, repo, sha, name, log } = this.deps
    const controller = new AbortController()
    const timeout = AbortSignal.timeout(Math.max(1, Math.round(boundMs)))
    const signal = AbortSignal.any([controller.signal, timeout])
    // No retry inside a call: the next state change is the retry. `retries` is read by
    // @octokit/plugin-retry, should a retry plugin ever be added to this octokit.
    const request = { signal, retries: 0 }
    const done = (async () => {
      try {
        if (action === 'create') {
          const response = await abortable(
            octokit.rest.checks.create({ owner, repo, name, head_sha: sha, ...body, request }),
            signal
          )
          this.runId = response.data.id
          const shown = `Check run "${name}" on ${sha.slice(0, 12)} (id ${response.data.id})`
          if (log.info) log.info(`${shown} created`)
          else log.debug(`${shown} created`)
        } else {
          const check_run_id = this.runId
          if (check_run_id === undefined) return
          await abortable(
            octokit.rest.checks.update({ owner, repo, check_run_id, ...body, request }),
            signal
          )
          log.debug(`Check run ${check_run_id}: ${label === 'complete' ? 'completed' : 'updated'}`)
        }
        if (this.failedSinceSuccess) log.debug('The GitHub API answered again')
        this.failedSinceSuccess = false
      } catch (error) {
        if (controller.signal.aborted && !timeout.aborted) {
          log.debug(`Check run ${label} superseded by the final update`)
          return
        }
        this.failed(label, error, timeout.aborted, boundMs)
      }
    })()
    const inFlight: InFlight = { creates: action === 'create', controller, done }
    this.current = inFlight
    await done
    if (this.current === inFlight) this.current = undefined
  }

  private failed(action: Action, error: unknown, timedOut: boolean, boundMs: number): void {
    const { log, name, owner, repo } = this.deps
    const status = statusOf(error)
    const what = `Could not ${action} the check run "${name}"`
    if (
      !timedOut &&
      status !== undefined &&
      PERMANENT_STATUSES.has(status) &&
      !isRateLimited(error)
    ) {
      this.disabled = true
      this.pending = undefined
      const why = apiMessage(error)
      const hint =
        status === 401
          ? 'GitHub rejected the token (401): check the github-token input.'
          : status === 404
            ? `GitHub answered 404: the token cannot see ${owner}/${repo}; it needs access to the repository and the \`checks: write\` permission.`
            : status === 422
              ? `GitHub rejected the request (422${why ? `: ${why}` : ''}).`
              : `GitHub answered 403${why ? ` (${why})` : ''}: the token lacks the \`checks: write\` permission. Add \`checks: write\` to the workflow's or job's \`permissions:\` block.`
      log.warning(
        `${what}. ${this.redact(hint)} No further check run calls will be made; the wait carries on.`
      )
      return
    }
    this.failedSinceSuccess = true
    const why = timedOut
      ? `no answer within ${formatMs(boundMs)}`
      : status === undefined
        ? this.describe(error)
        : `HTTP ${status}${apiMessage(error) ? `: ${apiMessage(error)}` : ''}`
    const line = `${what}: ${this.redact(why)}.`
    if (this.warnedTransient) {
      log.debug(line)
      return
    }
    this.warnedTransient = true
    log.warning(
      action === 'complete'
        ? `${line} The step's result is not affected.`
        : `${line} The wait carries on; the check run is tried again at the next change of state.`
    )
  }

  private describe(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error)
    return this.redact(message.slice(0, 300))
  }

  private redact(text: string): string {
    return redact(text, this.deps.token)
  }
}

function output(title: string, summary: string): Output {
  return { title: title.slice(0, 255), summary: fitCheckSummary(summary) }
}

/** Resolves when `promise` settles or after `ms`, whichever is first. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    promise.then(
      () => undefined,
      () => undefined
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))
  ])
  clearTimeout(timer)
}

function statusOf(error: unknown): number | undefined {
  // Octokit reports a network failure as a RequestError with status 500 and no response.
  if (field(error, 'response') === undefined) return undefined
  const status = field(error, 'status')
  return typeof status === 'number' ? status : undefined
}

/** GitHub's secondary rate limits answer 403 too; they pass. */
function isRateLimited(error: unknown): boolean {
  const headers = field(field(error, 'response'), 'headers')
  if (
    field(headers, 'x-ratelimit-remaining') === '0' ||
    field(headers, 'retry-after') !== undefined
  )
    return true
  return /rate limit/i.test(apiMessage(error) ?? '')
}

/** The `message` of GitHub's JSON error body, if any (an HTML error page is not shown). */
function apiMessage(error: unknown): string | undefined {
  const message = field(field(field(error, 'response'), 'data'), 'message')
  return typeof message === 'string' && message ? message.slice(0, 200) : undefined
}

function redact(text: string, token: string): string {
  return token ? text.split(token).join('***') : text
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`
}
