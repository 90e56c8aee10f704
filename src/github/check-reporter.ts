import { abortable, settleWithin } from '../shared/abortable.js'
import type { Body, CheckRunReporter, Output, ReporterDeps } from './check-run.js'
import {
  describeError,
  isPermanent,
  permanentHint,
  redact,
  transientReason,
  whereToLook
} from './check-run-errors.js'
import { fitCheckSummary, type CheckConclusion } from '../publish/check-view.js'

/**
 * The reporter behind createCheckRunReporter: the order of the calls, their bounds, and what a
 * failed one leaves behind. Speaks to any ChecksApi, octokit's or a test's.
 */

/**
 * The final update's bound, everything included: the step's result is known by then, and a
 * stalled GitHub API must not hold it up for long.
 */
export const FINAL_UPDATE_BUDGET_MS = 3_000

/** A reporter over any ChecksApi. */
export function checkRunReporter(deps: ReporterDeps): CheckRunReporter {
  return new Reporter(deps)
}

type Action = 'create' | 'update' | 'complete'

interface InFlight {
  /** Whether the call creates the run (its id matters to the calls after it). */
  readonly creates: boolean
  readonly controller: AbortController
  readonly done: Promise<boolean>
}

class Reporter implements CheckRunReporter {
  private runId: number | undefined
  private runUrl: string | undefined
  private startedAt: string | undefined
  /** A permanent error: no more calls. */
  private disabled = false
  /** complete() was called: start/update no longer call. */
  private closed = false
  /** Whether a failure that may pass has been told (at info level: the warning waits for the end). */
  private toldTransient = false
  private failedSinceSuccess = false
  /** The run's one warning has been given. */
  private warned = false
  /** The first call that failed before the completion, for the run's one warning. */
  private firstFailure: string | undefined
  /** Why the completion failed, for the run's one warning. */
  private lastFailure: string | undefined
  /** complete()'s budget in all. */
  private finalBudgetMs: number | undefined
  private current: InFlight | undefined
  /** The queue of start/update calls, one at a time. */
  private tail: Promise<void> = Promise.resolve()
  private pending: Output | undefined
  private pendingDone: Promise<void> | undefined

  constructor(private readonly deps: ReporterDeps) {}

  /** The injected clock's now, as GitHub takes times. */
  private timestamp(): string {
    return new Date(this.deps.clock.now()).toISOString()
  }

  start(title: string, summary: string): Promise<void> {
    this.startedAt ??= this.timestamp()
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
      this.startedAt ??= this.timestamp()
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
      const budget = Math.max(1, options?.timeoutMs ?? FINAL_UPDATE_BUDGET_MS)
      this.finalBudgetMs = budget
      const deadline = this.deps.clock.now() + budget
      const current = this.current
      if (current) {
        // An update in flight is superseded by this one. A create in flight gets up to half
        // the budget, so the run it creates is the one completed rather than left in progress.
        if (current.creates) await settleWithin(current.done, budget / 2, this.deps.clock)
        current.controller.abort()
        await current.done
      }
      // Refused for good earlier: that refusal's warning said what it left behind.
      if (this.disabled) return
      const landed = await this.sendCompletion(conclusion, title, summary, deadline)
      if (!landed) this.warnOnce(this.completionFailure(), false)
    } catch (error) {
      this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`)
    }
  }

  /** Whether the completion landed. */
  private async sendCompletion(
    conclusion: CheckConclusion,
    title: string,
    summary: string,
    deadline: number
  ): Promise<boolean> {
    const left = deadline - this.deps.clock.now()
    if (left <= 0) {
      this.lastFailure = `Could not complete the check run "${this.deps.name}": no time was left.`
      return false
    }
    const completedAt = this.timestamp()
    const body: Body = {
      status: 'completed',
      conclusion,
      completed_at: completedAt,
      output: output(title, summary)
    }
    if (this.runId !== undefined) return this.send('complete', body, left)
    return this.send(
      'create',
      { ...body, started_at: this.startedAt ?? completedAt },
      left,
      'complete'
    )
  }

  /** What kept the completion from landing, and what failed before it. */
  private completionFailure(): string {
    const why = this.lastFailure ?? `Could not complete the check run "${this.deps.name}".`
    return this.firstFailure ? `${why} Earlier: ${this.firstFailure}` : why
  }

  /**
   * The run's one warning about its check run: what happened and where to look. `refused`:
   * GitHub refused for good, so no further call is made and what is there now stays.
   */
  private warnOnce(what: string, refused: boolean): void {
    if (this.warned) return
    this.warned = true
    const { owner, repo, sha, serverUrl } = this.deps
    const where = whereToLook({ owner, repo, sha, serverUrl }, this.runId, this.runUrl, refused)
    this.deps.log.warning(`${what} The step's result is not affected; ${where}`)
  }

  private enqueue(task: () => Promise<unknown>): Promise<void> {
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
  ): Promise<boolean> {
    const { api, owner, repo, sha, name, log } = this.deps
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
            api.create({ owner, repo, name, head_sha: sha, ...body, request }),
            signal
          )
          this.runId = response.data.id
          this.runUrl = response.data.html_url || undefined
          const shown = `Check run "${name}" on ${sha.slice(0, 12)} (id ${response.data.id})`
          if (log.info) log.info(`${shown} created`)
          else log.debug(`${shown} created`)
        } else {
          const check_run_id = this.runId
          if (check_run_id === undefined) return false
          await abortable(api.update({ owner, repo, check_run_id, ...body, request }), signal)
          log.debug(`Check run ${check_run_id}: ${label === 'complete' ? 'completed' : 'updated'}`)
        }
        if (this.failedSinceSuccess) log.debug('The GitHub API answered again')
        this.failedSinceSuccess = false
        return true
      } catch (error) {
        if (controller.signal.aborted && !timeout.aborted) {
          log.debug(`Check run ${label} superseded by the final update`)
          return false
        }
        this.failed(label, error, timeout.aborted, boundMs)
        return false
      }
    })()
    const inFlight: InFlight = { creates: action === 'create', controller, done }
    this.current = inFlight
    const landed = await done
    if (this.current === inFlight) this.current = undefined
    return landed
  }

  private failed(action: Action, error: unknown, timedOut: boolean, boundMs: number): void {
    const { log, name, owner, repo } = this.deps
    const what = `Could not ${action} the check run "${name}"`
    if (isPermanent(error, timedOut)) {
      this.disabled = true
      this.pending = undefined
      const hint = this.redact(permanentHint(error, owner, repo))
      // The completion's own warning tells it, with the run's link.
      if (action === 'complete') this.lastFailure = `${what}. ${hint}`
      else
        this.warnOnce(
          `${what}. ${hint} No further check run calls will be made; the wait carries on.`,
          true
        )
      return
    }
    this.failedSinceSuccess = true
    // The completion may have been given only what was left of its budget: the budget is the news.
    const bound = action === 'complete' ? (this.finalBudgetMs ?? boundMs) : boundMs
    const line = `${what}: ${this.redact(transientReason(error, timedOut, bound))}.`
    if (action === 'complete') {
      this.lastFailure = line
      return
    }
    this.firstFailure ??= line
    // Told, not warned: a later call may pass, and if the completion does not land, its
    // warning says this too.
    if (this.toldTransient) {
      log.debug(line)
      return
    }
    this.toldTransient = true
    ;(log.info ?? log.debug)(
      `${line} The wait carries on; the check run is tried again at the next change of state.`
    )
  }

  private describe(error: unknown): string {
    return this.redact(describeError(error))
  }

  private redact(text: string): string {
    return redact(text, this.deps.token)
  }
}

function output(title: string, summary: string): Output {
  return { title: title.slice(0, 255), summary: fitCheckSummary(summary) }
}
