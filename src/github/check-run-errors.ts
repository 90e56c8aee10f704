import { field } from '../publish/check-view.js'

/**
 * How a failed GitHub call is told: whether asking again could help, and what a person should
 * do about it.
 */

/**
 * Statuses after which no further call is made: the same request would meet the same answer
 * for the rest of the run. 401: the token is invalid or expired. 403: the token lacks
 * `checks: write` (a rate-limit 403 is transient, see isRateLimited). 404: the token cannot
 * see the repository (or the run). 422: GitHub rejected the request itself (for example a
 * head_sha that is not in the repository). Everything else (5xx, 429, timeouts, network
 * errors) may pass: warned once per run, tried again at the next state change.
 */
export const PERMANENT_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 422])

/** The HTTP status of an answer GitHub gave, if it gave one. */
export function statusOf(error: unknown): number | undefined {
  // Octokit reports a network failure as a RequestError with status 500 and no response.
  if (field(error, 'response') === undefined) return undefined
  const status = field(error, 'status')
  return typeof status === 'number' ? status : undefined
}

/** Whether the same call can never succeed in this run. */
export function isPermanent(error: unknown, timedOut: boolean): boolean {
  const status = statusOf(error)
  return (
    !timedOut && status !== undefined && PERMANENT_STATUSES.has(status) && !isRateLimited(error)
  )
}

/** What to do about a permanent answer. */
export function permanentHint(error: unknown, owner: string, repo: string): string {
  const status = statusOf(error)
  const why = apiMessage(error)
  if (status === 401) return 'GitHub rejected the token (401): check the github-token input.'
  if (status === 404)
    return `GitHub answered 404: the token cannot see ${owner}/${repo}; it needs access to the repository and the \`checks: write\` permission.`
  if (status === 422) return `GitHub rejected the request (422${why ? `: ${why}` : ''}).`
  return `GitHub answered 403${why ? ` (${why})` : ''}: the token lacks the \`checks: write\` permission. Add \`checks: write\` to the workflow's or job's \`permissions:\` block.`
}

/** Why a call that may pass failed: the bound, GitHub's answer, or the network's error. */
export function transientReason(error: unknown, timedOut: boolean, boundMs: number): string {
  if (timedOut) return `no answer within ${formatMs(boundMs)}`
  const status = statusOf(error)
  if (status === undefined) return describeError(error)
  const message = apiMessage(error)
  return `HTTP ${status}${message ? `: ${message}` : ''}`
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.slice(0, 300)
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

export function redact(text: string, token: string): string {
  return token ? text.split(token).join('***') : text
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`
}

/**
 * Where a reader finds what a failed check run left behind: the run, when it was created
 * (`refused`: GitHub refused for good, so it stays as it is), else the commit's checks. The
 * link goes last, with nothing after it that a reader could take for part of it.
 */
export function whereToLook(
  at: { owner: string; repo: string; sha: string; serverUrl: string },
  runId: number | undefined,
  runUrl: string | undefined,
  refused: boolean
): string {
  const { owner, repo, sha, serverUrl } = at
  const checks = `${serverUrl}/${owner}/${repo}/commit/${sha}/checks`
  if (runId !== undefined)
    return `the check run ${refused ? 'stays' : 'may stay'} in progress: ${runUrl ?? `${serverUrl}/${owner}/${repo}/runs/${runId}`}`
  return refused
    ? `no check run shows on the commit; its checks: ${checks}`
    : `the check run may be missing or stay in progress; the commit's checks: ${checks}`
}
