export const id = 760;
export const ids = [760];
export const modules = {

/***/ 760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCheckRunReporter: () => (/* binding */ createCheckRunReporter),
  eventPayload: () => (/* binding */ eventPayload)
});

// UNUSED EXPORTS: FINAL_UPDATE_BUDGET_MS

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/shared/abortable.ts
var abortable = __webpack_require__(3543);
// EXTERNAL MODULE: ./src/publish/check-view.ts
var check_view = __webpack_require__(3153);
;// CONCATENATED MODULE: ./src/github/check-run-errors.ts

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
const PERMANENT_STATUSES = new Set([401, 403, 404, 422]);
/** The HTTP status of an answer GitHub gave, if it gave one. */
function statusOf(error) {
    // Octokit reports a network failure as a RequestError with status 500 and no response.
    if ((0,check_view/* field */.ZZ)(error, 'response') === undefined)
        return undefined;
    const status = (0,check_view/* field */.ZZ)(error, 'status');
    return typeof status === 'number' ? status : undefined;
}
/** Whether the same call can never succeed in this run. */
function isPermanent(error, timedOut) {
    const status = statusOf(error);
    return (!timedOut && status !== undefined && PERMANENT_STATUSES.has(status) && !isRateLimited(error));
}
/** What to do about a permanent answer. */
function permanentHint(error, owner, repo) {
    const status = statusOf(error);
    const why = apiMessage(error);
    if (status === 401)
        return 'GitHub rejected the token (401): check the github-token input.';
    if (status === 404)
        return `GitHub answered 404: the token cannot see ${owner}/${repo}; it needs access to the repository and the \`checks: write\` permission.`;
    if (status === 422)
        return `GitHub rejected the request (422${why ? `: ${why}` : ''}).`;
    return `GitHub answered 403${why ? ` (${why})` : ''}: the token lacks the \`checks: write\` permission. Add \`checks: write\` to the workflow's or job's \`permissions:\` block.`;
}
/** Why a call that may pass failed: the bound, GitHub's answer, or the network's error. */
function transientReason(error, timedOut, boundMs) {
    if (timedOut)
        return `no answer within ${formatMs(boundMs)}`;
    const status = statusOf(error);
    if (status === undefined)
        return describeError(error);
    const message = apiMessage(error);
    return `HTTP ${status}${message ? `: ${message}` : ''}`;
}
function describeError(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.slice(0, 300);
}
/** GitHub's secondary rate limits answer 403 too; they pass. */
function isRateLimited(error) {
    const headers = (0,check_view/* field */.ZZ)((0,check_view/* field */.ZZ)(error, 'response'), 'headers');
    if ((0,check_view/* field */.ZZ)(headers, 'x-ratelimit-remaining') === '0' ||
        (0,check_view/* field */.ZZ)(headers, 'retry-after') !== undefined)
        return true;
    return /rate limit/i.test(apiMessage(error) ?? '');
}
/** The `message` of GitHub's JSON error body, if any (an HTML error page is not shown). */
function apiMessage(error) {
    const message = (0,check_view/* field */.ZZ)((0,check_view/* field */.ZZ)((0,check_view/* field */.ZZ)(error, 'response'), 'data'), 'message');
    return typeof message === 'string' && message ? message.slice(0, 200) : undefined;
}
function redact(text, token) {
    return token ? text.split(token).join('***') : text;
}
function formatMs(ms) {
    return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`;
}
/**
 * Where a reader finds what a failed check run left behind: the run, when it was created
 * (`refused`: GitHub refused for good, so it stays as it is), else the commit's checks. The
 * link goes last, with nothing after it that a reader could take for part of it.
 */
function whereToLook(at, runId, runUrl, refused) {
    const { owner, repo, sha, serverUrl } = at;
    const checks = `${serverUrl}/${owner}/${repo}/commit/${sha}/checks`;
    if (runId !== undefined)
        return `the check run ${refused ? 'stays' : 'may stay'} in progress: ${runUrl ?? `${serverUrl}/${owner}/${repo}/runs/${runId}`}`;
    return refused
        ? `no check run shows on the commit; its checks: ${checks}`
        : `the check run may be missing or stay in progress; the commit's checks: ${checks}`;
}

;// CONCATENATED MODULE: ./src/github/check-reporter.ts



/**
 * The reporter behind createCheckRunReporter: the order of the calls, their bounds, and what a
 * failed one leaves behind. Speaks to any ChecksApi, octokit's or a test's.
 */
/**
 * The final update's bound, everything included: the step's result is known by then, and a
 * stalled GitHub API must not hold it up for long.
 */
const FINAL_UPDATE_BUDGET_MS = 3_000;
/** A reporter over any ChecksApi. */
function checkRunReporter(deps) {
    return new Reporter(deps);
}
class Reporter {
    deps;
    runId;
    runUrl;
    startedAt;
    /** A permanent error: no more calls. */
    disabled = false;
    /** complete() was called: start/update no longer call. */
    closed = false;
    /** Whether a failure that may pass has been told (at info level: the warning waits for the end). */
    toldTransient = false;
    failedSinceSuccess = false;
    /** The run's one warning has been given. */
    warned = false;
    /** The first call that failed before the completion, for the run's one warning. */
    firstFailure;
    /** Why the completion failed, for the run's one warning. */
    lastFailure;
    /** complete()'s budget in all. */
    finalBudgetMs;
    current;
    /** The queue of start/update calls, one at a time. */
    tail = Promise.resolve();
    pending;
    pendingDone;
    constructor(deps) {
        this.deps = deps;
    }
    /** The injected clock's now, as GitHub takes times. */
    timestamp() {
        return new Date(this.deps.clock.now()).toISOString();
    }
    start(title, summary) {
        this.startedAt ??= this.timestamp();
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
            this.startedAt ??= this.timestamp();
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
            const budget = Math.max(1, options?.timeoutMs ?? FINAL_UPDATE_BUDGET_MS);
            this.finalBudgetMs = budget;
            const deadline = this.deps.clock.now() + budget;
            const current = this.current;
            if (current) {
                // An update in flight is superseded by this one. A create in flight gets up to half
                // the budget, so the run it creates is the one completed rather than left in progress.
                if (current.creates)
                    await (0,abortable/* settleWithin */.f)(current.done, budget / 2, this.deps.clock);
                current.controller.abort();
                await current.done;
            }
            // Refused for good earlier: that refusal's warning said what it left behind.
            if (this.disabled)
                return;
            const landed = await this.sendCompletion(conclusion, title, summary, deadline);
            if (!landed)
                this.warnOnce(this.completionFailure(), false);
        }
        catch (error) {
            this.deps.log.debug(`Check run: unexpected error: ${this.describe(error)}`);
        }
    }
    /** Whether the completion landed. */
    async sendCompletion(conclusion, title, summary, deadline) {
        const left = deadline - this.deps.clock.now();
        if (left <= 0) {
            this.lastFailure = `Could not complete the check run "${this.deps.name}": no time was left.`;
            return false;
        }
        const completedAt = this.timestamp();
        const body = {
            status: 'completed',
            conclusion,
            completed_at: completedAt,
            output: output(title, summary)
        };
        if (this.runId !== undefined)
            return this.send('complete', body, left);
        return this.send('create', { ...body, started_at: this.startedAt ?? completedAt }, left, 'complete');
    }
    /** What kept the completion from landing, and what failed before it. */
    completionFailure() {
        const why = this.lastFailure ?? `Could not complete the check run "${this.deps.name}".`;
        return this.firstFailure ? `${why} Earlier: ${this.firstFailure}` : why;
    }
    /**
     * The run's one warning about its check run: what happened and where to look. `refused`:
     * GitHub refused for good, so no further call is made and what is there now stays.
     */
    warnOnce(what, refused) {
        if (this.warned)
            return;
        this.warned = true;
        const { owner, repo, sha, serverUrl } = this.deps;
        const where = whereToLook({ owner, repo, sha, serverUrl }, this.runId, this.runUrl, refused);
        this.deps.log.warning(`${what} The step's result is not affected; ${where}`);
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
        const { api, owner, repo, sha, name, log } = this.deps;
        const controller = new AbortController();
        const timeout = AbortSignal.timeout(Math.max(1, Math.round(boundMs)));
        const signal = AbortSignal.any([controller.signal, timeout]);
        // No retry inside a call: the next state change is the retry. `retries` is read by
        // @octokit/plugin-retry, should a retry plugin ever be added to this octokit.
        const request = { signal, retries: 0 };
        const done = (async () => {
            try {
                if (action === 'create') {
                    const response = await (0,abortable/* abortable */.Z)(api.create({ owner, repo, name, head_sha: sha, ...body, request }), signal);
                    this.runId = response.data.id;
                    this.runUrl = response.data.html_url || undefined;
                    const shown = `Check run "${name}" on ${sha.slice(0, 12)} (id ${response.data.id})`;
                    if (log.info)
                        log.info(`${shown} created`);
                    else
                        log.debug(`${shown} created`);
                }
                else {
                    const check_run_id = this.runId;
                    if (check_run_id === undefined)
                        return false;
                    await (0,abortable/* abortable */.Z)(api.update({ owner, repo, check_run_id, ...body, request }), signal);
                    log.debug(`Check run ${check_run_id}: ${label === 'complete' ? 'completed' : 'updated'}`);
                }
                if (this.failedSinceSuccess)
                    log.debug('The GitHub API answered again');
                this.failedSinceSuccess = false;
                return true;
            }
            catch (error) {
                if (controller.signal.aborted && !timeout.aborted) {
                    log.debug(`Check run ${label} superseded by the final update`);
                    return false;
                }
                this.failed(label, error, timeout.aborted, boundMs);
                return false;
            }
        })();
        const inFlight = { creates: action === 'create', controller, done };
        this.current = inFlight;
        const landed = await done;
        if (this.current === inFlight)
            this.current = undefined;
        return landed;
    }
    failed(action, error, timedOut, boundMs) {
        const { log, name, owner, repo } = this.deps;
        const what = `Could not ${action} the check run "${name}"`;
        if (isPermanent(error, timedOut)) {
            this.disabled = true;
            this.pending = undefined;
            const hint = this.redact(permanentHint(error, owner, repo));
            // The completion's own warning tells it, with the run's link.
            if (action === 'complete')
                this.lastFailure = `${what}. ${hint}`;
            else
                this.warnOnce(`${what}. ${hint} No further check run calls will be made; the wait carries on.`, true);
            return;
        }
        this.failedSinceSuccess = true;
        // The completion may have been given only what was left of its budget: the budget is the news.
        const bound = action === 'complete' ? (this.finalBudgetMs ?? boundMs) : boundMs;
        const line = `${what}: ${this.redact(transientReason(error, timedOut, bound))}.`;
        if (action === 'complete') {
            this.lastFailure = line;
            return;
        }
        this.firstFailure ??= line;
        // Told, not warned: a later call may pass, and if the completion does not land, its
        // warning says this too.
        if (this.toldTransient) {
            log.debug(line);
            return;
        }
        this.toldTransient = true;
        (log.info ?? log.debug)(`${line} The wait carries on; the check run is tried again at the next change of state.`);
    }
    describe(error) {
        return this.redact(describeError(error));
    }
    redact(text) {
        return redact(text, this.deps.token);
    }
}
function output(title, summary) {
    return { title: title.slice(0, 255), summary: (0,check_view/* fitCheckSummary */.IB)(summary) };
}

// EXTERNAL MODULE: ./src/shared/request-policy.ts
var request_policy = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js
var lib = __webpack_require__(2779);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/github/proxy-fetch.ts



/**
 * The fetch octokit sends the check run's calls with: through the proxy that the toolkit's
 * rule (src/shared/proxy.ts) names for the API's URL, the same rule as the AWS calls.
 * @actions/github would pick a proxy too, but once, when it is loaded, for the GITHUB_API_URL
 * of that moment; this picks it for the URL the client is given, and names the proxy when it
 * cannot be reached. The dispatcher is @actions/http-client's own (undici's ProxyAgent:
 * CONNECT, the URL's credentials as Basic Proxy-Authorization); TLS to GitHub is checked
 * against Node's CA list, NODE_EXTRA_CA_CERTS included.
 */
function proxiedFetch(apiUrl, notices) {
    const route = (0,proxy/* proxyFor */.iJ)(apiUrl);
    // Undefined when the same rule sends the API's calls directly.
    const dispatcher = route ? new lib/* HttpClient */.Qq().getAgentDispatcher(apiUrl) : undefined;
    const send = async (input, init) => {
        if (route)
            notices.using(route, new URL(apiUrl).origin);
        try {
            const options = { ...init, ...(dispatcher ? { dispatcher } : {}) };
            // The same classes, typed twice: Node's global fetch by @types/node's copy of undici's
            // types, the package's fetch by its own. The package's is the one that sends.
            const response = await (0,undici.fetch)(input, options);
            return response;
        }
        catch (error) {
            const code = codeOf(error);
            if (!route || (code !== 'ECONNREFUSED' && code !== 'ENOTFOUND'))
                throw error;
            const what = code === 'ENOTFOUND'
                ? `the proxy's host name does not resolve (ENOTFOUND): ${route.address}`
                : `the proxy ${route.address} refused the connection (ECONNREFUSED)`;
            throw new Error(`${what}; ${route.variable} sends the GitHub API's calls through it`, {
                cause: error
            });
        }
    };
    return send;
}
/** The code of fetch's network error: on the error itself or on its cause. */
function codeOf(error) {
    for (let e = error, depth = 0; e && depth < 4; depth++) {
        const code = e.code;
        if (typeof code === 'string' && code.startsWith('E'))
            return code;
        e = e.cause;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/check-run.ts





/**
 * A live GitHub check run on the commit under test: created when the wait starts, its title
 * and summary updated when a pack changes state, completed with the wait's conclusion and
 * the job summary's markdown. Reporting is best effort: no call ever throws, delays the wait
 * beyond its bound, or fails the step.
 */



/** The workflow event's payload: read here, where @actions/github is loaded anyway. */
function eventPayload() {
    return github/* context */._.payload;
}
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
    const sha = (0,check_view/* commitUnderTest */.Ik)(env, options.payload);
    if (!owner || !repo || rest.length > 0 || !sha) {
        const what = !sha ? 'the commit under test (GITHUB_SHA)' : 'GITHUB_REPOSITORY (owner/repo)';
        log.warning(`No check run: ${what} is not set.`);
        return undefined;
    }
    const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl,
        // Replaces @actions/github's own fetch, whose proxy was picked when it was loaded.
        request: { fetch: proxiedFetch(baseUrl, options.proxies ?? proxy/* silentProxyNotices */.R4) },
        // Octokit's own notices (deprecations) go to the debug log, never to the console.
        log: {
            debug: () => undefined,
            info: () => undefined,
            warn: (m) => log.debug(redact(m, token)),
            error: (m) => log.debug(redact(m, token))
        }
    });
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
        requestTimeoutMs: options.requestTimeoutMs ?? request_policy/* REQUEST_TIMEOUT_MS */.j2,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
    });
}


/***/ })

};

//# sourceMappingURL=760.index.js.map