export const id = 611;
export const ids = [611];
export const modules = {

/***/ 3611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CHECK_REQUEST_TIMEOUT_MS: () => (/* binding */ DEFAULT_CHECK_REQUEST_TIMEOUT_MS),
/* harmony export */   PERMANENT_STATUSES: () => (/* binding */ PERMANENT_STATUSES),
/* harmony export */   createCheckRunReporter: () => (/* binding */ createCheckRunReporter)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _abortable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2349);
/* harmony import */ var _check_view_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2849);


/**
 * A live GitHub check run on the commit under test: created when the wait starts, its title
 * and summary updated when a pack changes state, completed with the wait's conclusion and
 * the job summary's markdown. Reporting is best effort: no call ever throws, delays the wait
 * beyond its bound, or fails the step.
 */

/** The normal bound for one GitHub call. */
const DEFAULT_CHECK_REQUEST_TIMEOUT_MS = 10_000;
/**
 * The reporter, or undefined when there is nothing to report to: no token (the feature is
 * off), or no repository or commit in the environment (warned).
 */
function createCheckRunReporter(options) {
    const { token, name, env, log } = options;
    if (!token) {
        log.debug('github-token is empty: no check run');
        return undefined;
    }
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const sha = (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .commitUnderTest */ .Ik)(env, options.payload);
    if (!owner || !repo || rest.length > 0 || !sha) {
        const what = !sha ? 'the commit under test (GITHUB_SHA)' : 'GITHUB_REPOSITORY (owner/repo)';
        log.warning(`No check run: ${what} is not set.`);
        return undefined;
    }
    const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit)(token, {
        baseUrl,
        // Octokit's own notices (deprecations) go to the debug log, never to the console.
        log: {
            debug: () => undefined,
            info: () => undefined,
            warn: (m) => log.debug(redact(m, token)),
            error: (m) => log.debug(redact(m, token))
        }
    });
    return new Reporter({
        octokit,
        owner,
        repo,
        sha,
        name,
        token,
        log,
        requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_CHECK_REQUEST_TIMEOUT_MS
    });
}
/**
 * Statuses after which no further call is made: the same request would meet the same answer
 * for the rest of the run. 401: the token is invalid or expired. 403: the token lacks
 * `checks: write` (a rate-limit 403 is transient, see isRateLimited). 404: the token cannot
 * see the repository (or the run). 422: GitHub rejected the request itself (for example a
 * head_sha that is not in the repository). Everything else (5xx, 429, timeouts, network
 * errors) may pass: warned once per run, tried again at the next state change.
 */
const PERMANENT_STATUSES = new Set([401, 403, 404, 422]);
class Reporter {
    deps;
    runId;
    startedAt;
    /** A permanent error: no more calls. */
    disabled = false;
    /** complete() was called: start/update no longer call. */
    closed = false;
    warnedTransient = false;
    failedSinceSuccess = false;
    current;
    /** The queue of start/update calls, one at a time. */
    tail = Promise.resolve();
    pending;
    pendingDone;
    constructor(deps) {
        this.deps = deps;
    }
    start(title, summary) {
        this.startedAt ??= new Date().toISOString();
        return this.enqueue(async () => {
            if (this.runId !== undefined)
                return this.send('update', { output: output(title, summary) });
            return this.send('create', {
                status: 'in_progress',
                started_at: this.startedAt,
                output: output(title, summary)
            });
        });
    }
    update(title, summary) {
        if (this.disabled || this.closed)
            return Promise.resolve();
        const queued = this.pending !== undefined;
        this.pending = { title, summary };
        if (queued && this.pendingDone)
            return this.pendingDone;
        this.pendingDone = this.enqueue(async () => {
            const next = this.pending;
            this.pending = undefined;
            if (!next)
                return;
            const body = { output: output(next.title, next.summary) };
            if (this.runId !== undefined)
                return this.send('update', body);
            // The run was not created (start failed, or was never called): create it now.
            this.startedAt ??= new Date().toISOString();
            return this.send('create', { status: 'in_progress', started_at: this.startedAt, ...body });
        });
        return this.pendingDone;
    }
    async complete(conclusion, title, summary, options) {
        try {
            if (this.closed)
                return;
            this.closed = true;
            this.pending = undefined;
            const budget = Math.max(1, options?.timeoutMs ?? this.deps.requestTimeoutMs);
            const deadline = Date.now() + budget;
            const current = this.current;
            if (current) {
                // An update in flight is superseded by this one. A create in flight gets up to half
                // the budget, so the run it creates is the one completed rather than left in progress.
                if (current.creates)
                    await settleWithin(current.done, budget / 2);
                current.controller.abort();
                await current.done;
            }
            if (this.disabled)
                return;
            const left = deadline - Date.now();
            if (left <= 0) {
                this.deps.log.debug('No time left to complete the check run');
                return;
            }
            const completedAt = new Date().toISOString();
            const body = {
                status: 'completed',
                conclusion,
                completed_at: completedAt,
                output: output(title, summary)
            };
            if (this.runId !== undefined)
                await this.send('complete', body, left);
            else
                await this.send('create', { ...body, started_at: this.startedAt ?? completedAt }, left, 'complete');
        }
        catch (error) {
            this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`);
        }
    }
    enqueue(task) {
        const run = async () => {
            if (this.disabled || this.closed)
                return;
            try {
                await task();
            }
            catch (error) {
                this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`);
            }
        };
        const next = this.tail.then(run);
        this.tail = next;
        return next;
    }
    /** One bounded call; records the run's id, classifies failures. Never rejects. */
    async send(action, body, boundMs = this.deps.requestTimeoutMs, label = action) {
        const { octokit, owner, repo, sha, name, log } = this.deps;
        const controller = new AbortController();
        const timeout = AbortSignal.timeout(Math.max(1, Math.round(boundMs)));
        const signal = AbortSignal.any([controller.signal, timeout]);
        // No retry inside a call: the next state change is the retry. `retries` is read by
        // @octokit/plugin-retry, should a retry plugin ever be added to this octokit.
        const request = { signal, retries: 0 };
        const done = (async () => {
            try {
                if (action === 'create') {
                    const response = await (0,_abortable_js__WEBPACK_IMPORTED_MODULE_2__/* .abortable */ .Z)(octokit.rest.checks.create({ owner, repo, name, head_sha: sha, ...body, request }), signal);
                    this.runId = response.data.id;
                    const shown = `Check run "${name}" on ${sha.slice(0, 12)} (id ${response.data.id})`;
                    if (log.info)
                        log.info(`${shown} created`);
                    else
                        log.debug(`${shown} created`);
                }
                else {
                    const check_run_id = this.runId;
                    if (check_run_id === undefined)
                        return;
                    await (0,_abortable_js__WEBPACK_IMPORTED_MODULE_2__/* .abortable */ .Z)(octokit.rest.checks.update({ owner, repo, check_run_id, ...body, request }), signal);
                    log.debug(`Check run ${check_run_id}: ${label === 'complete' ? 'completed' : 'updated'}`);
                }
                if (this.failedSinceSuccess)
                    log.debug('The GitHub API answered again');
                this.failedSinceSuccess = false;
            }
            catch (error) {
                if (controller.signal.aborted && !timeout.aborted) {
                    log.debug(`Check run ${label} superseded by the final update`);
                    return;
                }
                this.failed(label, error, timeout.aborted, boundMs);
            }
        })();
        const inFlight = { creates: action === 'create', controller, done };
        this.current = inFlight;
        await done;
        if (this.current === inFlight)
            this.current = undefined;
    }
    failed(action, error, timedOut, boundMs) {
        const { log, name, owner, repo } = this.deps;
        const status = statusOf(error);
        const what = `Could not ${action} the check run "${name}"`;
        if (!timedOut &&
            status !== undefined &&
            PERMANENT_STATUSES.has(status) &&
            !isRateLimited(error)) {
            this.disabled = true;
            this.pending = undefined;
            const why = apiMessage(error);
            const hint = status === 401
                ? 'GitHub rejected the token (401): check the github-token input.'
                : status === 404
                    ? `GitHub answered 404: the token cannot see ${owner}/${repo}; it needs access to the repository and the \`checks: write\` permission.`
                    : status === 422
                        ? `GitHub rejected the request (422${why ? `: ${why}` : ''}).`
                        : `GitHub answered 403${why ? ` (${why})` : ''}: the token lacks the \`checks: write\` permission. Add \`checks: write\` to the workflow's or job's \`permissions:\` block.`;
            log.warning(`${what}. ${this.redact(hint)} No further check run calls will be made; the wait carries on.`);
            return;
        }
        this.failedSinceSuccess = true;
        const why = timedOut
            ? `no answer within ${formatMs(boundMs)}`
            : status === undefined
                ? this.describe(error)
                : `HTTP ${status}${apiMessage(error) ? `: ${apiMessage(error)}` : ''}`;
        const line = `${what}: ${this.redact(why)}.`;
        if (this.warnedTransient) {
            log.debug(line);
            return;
        }
        this.warnedTransient = true;
        log.warning(action === 'complete'
            ? `${line} The step's result is not affected.`
            : `${line} The wait carries on; the check run is tried again at the next change of state.`);
    }
    describe(error) {
        const message = error instanceof Error ? error.message : String(error);
        return this.redact(message.slice(0, 300));
    }
    redact(text) {
        return redact(text, this.deps.token);
    }
}
function output(title, summary) {
    return { title: title.slice(0, 255), summary: (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .fitCheckSummary */ .IB)(summary) };
}
/** Resolves when `promise` settles or after `ms`, whichever is first. */
async function settleWithin(promise, ms) {
    let timer;
    await Promise.race([
        promise.then(() => undefined, () => undefined),
        new Promise((resolve) => (timer = setTimeout(resolve, ms)))
    ]);
    clearTimeout(timer);
}
function statusOf(error) {
    // Octokit reports a network failure as a RequestError with status 500 and no response.
    if ((0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'response') === undefined)
        return undefined;
    const status = (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'status');
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's secondary rate limits answer 403 too; they pass. */
function isRateLimited(error) {
    const headers = (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)((0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'response'), 'headers');
    if ((0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(headers, 'x-ratelimit-remaining') === '0' ||
        (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(headers, 'retry-after') !== undefined)
        return true;
    return /rate limit/i.test(apiMessage(error) ?? '');
}
/** The `message` of GitHub's JSON error body, if any (an HTML error page is not shown). */
function apiMessage(error) {
    const message = (0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)((0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)((0,_check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'response'), 'data'), 'message');
    return typeof message === 'string' && message ? message.slice(0, 200) : undefined;
}
function redact(text, token) {
    return token ? text.split(token).join('***') : text;
}
function formatMs(ms) {
    return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`;
}


/***/ })

};

//# sourceMappingURL=611.index.js.map