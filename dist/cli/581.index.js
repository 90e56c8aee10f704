export const id = 581;
export const ids = [581];
export const modules = {

/***/ 2636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s1: () => (/* binding */ clientOptions),
  a4: () => (/* binding */ createConfigClient),
  Kk: () => (/* binding */ isKnownRegion)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/aws/partition.ts
var partition = __webpack_require__(2947);
// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/http-proxy-agent/dist/index.js
var dist = __webpack_require__(1970);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js
var https_proxy_agent_dist = __webpack_require__(3669);
;// CONCATENATED MODULE: ./src/aws/proxy-handler.ts




class ProxyRoutingHandler {
    notices;
    metadata = { handlerProtocol: 'http/1.1' };
    direct = new node_http_handler_dist_cjs.NodeHttpHandler();
    proxied = new Map();
    constructor(notices) {
        this.notices = notices;
    }
    async handle(request, options) {
        const port = request.port ? `:${request.port}` : '';
        const target = `${request.protocol}//${request.hostname}${port}`;
        const route = (0,proxy/* proxyFor */.iJ)(target);
        if (!route)
            return this.direct.handle(request, options);
        this.notices.using(route, target);
        try {
            return await this.through(route).handle(request, options);
        }
        catch (error) {
            throw proxyConnectionError(error, route, target) ?? error;
        }
    }
    updateHttpClientConfig(key, value) {
        this.direct.updateHttpClientConfig(key, value);
    }
    httpHandlerConfigs() {
        return this.direct.httpHandlerConfigs();
    }
    destroy() {
        this.direct.destroy();
        for (const handler of this.proxied.values())
            handler.destroy();
        this.proxied.clear();
    }
    through(route) {
        let handler = this.proxied.get(route.url.href);
        if (!handler) {
            // The agents send the URL's user and password as Basic Proxy-Authorization.
            handler = new node_http_handler_dist_cjs.NodeHttpHandler({
                httpAgent: new dist.HttpProxyAgent(route.url, { keepAlive: true }),
                httpsAgent: new https_proxy_agent_dist.HttpsProxyAgent(route.url, { keepAlive: true })
            });
            this.proxied.set(route.url.href, handler);
        }
        return handler;
    }
}
/** Node's codes for a proxy that could not be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND']);
/**
 * A proxy that refused the connection or whose name does not resolve: the error names the
 * proxy, not AWS's host (through a proxy, only the proxy's own address is ever looked up or
 * connected to here). Anything else (the proxy's own answer, a reset) stays the SDK's error.
 */
class ProxyConnectionError extends Error {
    reason;
    proxy;
    variable;
    target;
    name = 'ProxyConnectionError';
    constructor(
    /** ECONNREFUSED or ENOTFOUND. */
    reason, 
    /** The proxy's host:port, without credentials. */
    proxy, variable, target, options) {
        const what = reason === 'ENOTFOUND'
            ? `The proxy's host name does not resolve (${reason})`
            : `The proxy refused the connection (${reason})`;
        super(`${what}: ${proxy}, from ${variable}, for ${target}`, options);
        this.reason = reason;
        this.proxy = proxy;
        this.variable = variable;
        this.target = target;
    }
}
function proxyConnectionError(error, route, target) {
    const code = error?.code;
    if (typeof code !== 'string' || !UNREACHABLE.has(code))
        return undefined;
    return new ProxyConnectionError(code, route.address, route.variable, target, { cause: error });
}

;// CONCATENATED MODULE: ./src/aws/client.ts




/**
 * SDK retries inside one poll, used when AWS_MAX_ATTEMPTS is unset: a single quick retry
 * absorbs a blip, and the poll loop's own backoff handles anything longer without the SDK
 * spending the request's time budget on it.
 */
const DEFAULT_MAX_ATTEMPTS = 2;
/**
 * The Config client for one region. Credentials, endpoint (AWS_ENDPOINT_URL_CONFIG_SERVICE,
 * AWS_ENDPOINT_URL) and retry mode come from the SDK's own resolution of the environment;
 * no explicit endpoint is set, so those variables always win. Requests go through the proxy
 * the environment names for their URL (see ProxyRoutingHandler).
 */
function createConfigClient(region, env, proxies = proxy/* silentProxyNotices */.R4) {
    return new dist_cjs/* ConfigServiceClient */.D99(clientOptions(region, env, proxies));
}
/** What every AWS client of the action is given: region, retries, user agent, HTTP handler. */
function clientOptions(region, env, proxies) {
    return {
        region,
        ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: DEFAULT_MAX_ATTEMPTS }),
        customUserAgent: 'wait-for-conformance-packs',
        requestHandler: new ProxyRoutingHandler(proxies)
    };
}
/**
 * Whether the SDK's partition table lists `region`. A region it does not know may still be
 * real (new regions appear before the SDK learns of them), so this only warrants a warning.
 */
function isKnownRegion(region) {
    return (0,partition/* partitionOf */.i)(region).known;
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ expiredDuringWait),
/* harmony export */   Fk: () => (/* binding */ IAM_ACTION),
/* harmony export */   __: () => (/* binding */ ORGANIZATION_IAM_ACTIONS),
/* harmony export */   fe: () => (/* binding */ classifyError),
/* harmony export */   sI: () => (/* binding */ isStackGoneError),
/* harmony export */   u7: () => (/* binding */ isNoSuchPackError)
/* harmony export */ });
/* unused harmony export redact */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3609);

const EXPIRED_CREDENTIAL_ERRORS = new Set(['ExpiredToken', 'ExpiredTokenException']);
const CREDENTIAL_ERRORS = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'IncompleteSignature',
    'IncompleteSignatureException',
    'MissingAuthenticationToken',
    'MissingAuthenticationTokenException',
    ...EXPIRED_CREDENTIAL_ERRORS
]);
/** Node's codes for a TLS certificate that the CA list (NODE_EXTRA_CA_CERTS included) does not vouch for. */
const UNTRUSTED_CERTIFICATE = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
const ACCESS_DENIED_ERRORS = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnauthorizedOperation'
]);
const IAM_ACTION = 'config:DescribeConformancePackStatus';
const ORGANIZATION_IAM_ACTIONS = [
    'config:DescribeOrganizationConformancePackStatuses',
    'config:GetOrganizationConformancePackDetailedStatus'
];
/**
 * How a failed AWS call is judged (see ClassifiedError): the FailureClassifier of every AWS
 * adapter. `iamAction` is the action of the call that failed (every caller knows which call
 * it made); `region`, when known, is named if the endpoint's host does not resolve.
 */
function classifyError(error, iamAction, region) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const name = e.name ?? 'Error';
    const detail = redact(e.message ?? String(error));
    const said = awsSaid(detail);
    const status = e.$metadata?.httpStatusCode;
    const sdk = e;
    // Checked first: the SDK counts the refused connection underneath as one that may pass.
    if (name === 'ProxyConnectionError') {
        const problem = e.reason === 'ENOTFOUND'
            ? `The proxy's host name does not resolve (ENOTFOUND): ${e.proxy}`
            : `The proxy ${e.proxy} refused the connection (${e.reason ?? 'ECONNREFUSED'})`;
        return permanent(`${problem}. ${e.variable ?? 'HTTPS_PROXY'} sends the AWS calls through it. Check that the proxy runs and that HTTPS_PROXY, HTTP_PROXY and NO_PROXY name the right proxy and the hosts to reach directly.`, 'unreachable-proxy');
    }
    if (name === 'CredentialsProviderError') {
        return permanent(`No AWS credentials were found (${detail}). Configure them before this step, for example with aws-actions/configure-aws-credentials.`, 'credentials');
    }
    if (name === 'OrganizationAccessDeniedException') {
        return permanent(`AWS Config refused the organization call ${iamAction} (${name}). ${said} Run this step with credentials of the organization's management account or of a delegated administrator for AWS Config, whose role may call ${ORGANIZATION_IAM_ACTIONS.join(' and ')}.`, 'access-denied');
    }
    if (ACCESS_DENIED_ERRORS.has(name)) {
        return permanent(`Access denied to ${iamAction} (${name}). ${said} Grant the role the IAM action ${iamAction}.`, 'access-denied');
    }
    if (CREDENTIAL_ERRORS.has(name) && !(0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isTransientError)(sdk)) {
        return permanent(`AWS rejected the credentials (${name}). ${said} Check the credentials step (for example aws-actions/configure-aws-credentials): the keys or the session token are wrong or expired.`, EXPIRED_CREDENTIAL_ERRORS.has(name) ? 'expired-credentials' : 'credentials');
    }
    // A name that does not resolve is no outage: a misspelt region (or endpoint URL) stays so.
    // EAI_AGAIN, a resolver that could not answer now, is left to the transient cases below.
    if (e.code === 'ENOTFOUND') {
        const host = e.hostname ?? hostOf(detail) ?? 'of the AWS endpoint';
        const input = region ? `the region input ("${region}")` : 'the region input';
        return permanent(`The host name ${host} does not resolve (ENOTFOUND). Check ${input} for a typo, or, when AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> is set, that URL.`, 'unresolved-host');
    }
    // The same certificate every time: asking again cannot help, but the CA can be given.
    if (e.code && UNTRUSTED_CERTIFICATE.has(e.code)) {
        return permanent(`The TLS certificate of the AWS endpoint is not trusted (${e.code}: ${detail}). Behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS in the job's environment to a PEM file with the proxy's CA certificate.`);
    }
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isThrottlingError)(sdk))
        return transient(`throttled (${name}): ${detail}`);
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isTransientError)(sdk) || (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isServerError)(sdk)) {
        return transient(`${status ? `HTTP ${status} ` : ''}${name}: ${detail}`);
    }
    if (status !== undefined && status >= 400 && status < 500) {
        return permanent(`AWS rejected ${iamAction} (${name}, HTTP ${status}). ${said}`);
    }
    // Anything that never got an HTTP answer (a reset, a proxy's garbage) may pass.
    return transient(`${name}: ${detail}`);
}
/**
 * For a wait that had answers before: the session ran out while waiting, which better
 * credentials at the start cannot show and the usual "wrong or expired" advice does not fix.
 */
function expiredDuringWait(error, waited) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    return `The AWS credentials expired after ${waited} of waiting (${e.name ?? 'ExpiredToken'}). ${awsSaid(redact(e.message ?? String(error)))} Give the role session more time than timeout-seconds (role-duration-seconds of aws-actions/configure-aws-credentials, up to the role's maximum session duration), or set a shorter timeout-seconds.`;
}
function isNoSuchPackError(error) {
    return error?.name === 'NoSuchConformancePackException';
}
/** CloudFormation's answer for a stack that is gone (a pack's stack deleted since). */
function isStackGoneError(error) {
    const e = error;
    return e?.name === 'ValidationError' && /does not exist/i.test(e.message ?? '');
}
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g;
/** Service messages can quote a request's credential scope; keep key ids out of the log. */
function redact(message) {
    return message.replace(ACCESS_KEY_ID, '***');
}
/** AWS's own words, quoted, so that they never read as the advice that follows. */
function awsSaid(detail) {
    const text = detail.trim().replace(/\.$/, '');
    return text ? `AWS said: "${text}".` : 'AWS gave no reason.';
}
function hostOf(message) {
    return /ENOTFOUND (\S+)/.exec(message)?.[1];
}
const transient = (message) => ({ kind: 'transient', message });
const permanent = (message, cause) => cause ? { kind: 'permanent', message, cause } : { kind: 'permanent', message };


/***/ }),

/***/ 2947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ partitionOf)
/* harmony export */ });
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5152);
// The endpoint rules of every SDK client already use this partition table: no extra weight.

/**
 * The partition a region belongs to, from the SDK's own partition data: `aws`, `aws-us-gov`,
 * `aws-cn`, and any later one the SDK learns of. A region the table does not list falls in
 * `aws` (the SDK's own default), and `known` says so.
 */
function partitionOf(region) {
    const found = (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_0__.partition)(region);
    return { name: found.name, dnsSuffix: found.dnsSuffix, known: found.description !== undefined };
}


/***/ }),

/***/ 1281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ profileRegion)
/* harmony export */ });
/* harmony import */ var _smithy_core_config__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7291);

/**
 * The region of the profile AWS_PROFILE names (else `default`) in ~/.aws/config (or the file
 * AWS_CONFIG_FILE names), as the AWS CLI reads it; undefined when there is none.
 */
async function profileRegion() {
    try {
        const { configFile } = await (0,_smithy_core_config__WEBPACK_IMPORTED_MODULE_0__.loadSharedConfigFiles)();
        const region = configFile[(0,_smithy_core_config__WEBPACK_IMPORTED_MODULE_0__.getProfileName)({})]?.region?.trim();
        return region ? region : undefined;
    }
    catch {
        // No readable config file: no region from it.
        return undefined;
    }
}


/***/ }),

/***/ 8853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ awsRegions)
});

// EXTERNAL MODULE: ./src/shared/clock.ts
var shared_clock = __webpack_require__(6103);
// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/shared/abortable.ts
var abortable = __webpack_require__(3543);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/shared/paging.ts
var paging = __webpack_require__(5045);
;// CONCATENATED MODULE: ./src/shared/log.ts
/** Discards everything: for stages run without a reader. */
const silentLog = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined
};

;// CONCATENATED MODULE: ./src/aws/account-status-source.ts






/** Most names a single call returns in one page: a batch of this size costs one call. */
const MAX_NAMES_PER_CALL = 20;
/**
 * An account's packs, from DescribeConformancePackStatus; calls are told in the debug log,
 * each with how long it took on `clock` (a duration of our own request: no AWS time in it).
 */
function createStatusSource(client, log = silentLog, clock = shared_clock/* systemClock */.m) {
    async function pages(names, bound) {
        const pages = await (0,paging/* readPages */.n4)('DescribeConformancePackStatus', async (nextToken) => {
            const signal = bound();
            const started = clock.now();
            const command = new dist_cjs/* DescribeConformancePackStatusCommand */.riq({
                ConformancePackNames: names ? [...names] : undefined,
                Limit: MAX_NAMES_PER_CALL,
                NextToken: nextToken
            });
            const out = await (0,abortable/* abortable */.Z)(client.send(command, { abortSignal: signal }), signal);
            const page = out.ConformancePackStatusDetails ?? [];
            log.debug(`DescribeConformancePackStatus(${names ? `${names.length} names` : 'all'}${nextToken ? ', next page' : ''}): ${page.length} packs in ${clock.now() - started} ms, request ${out.$metadata.requestId ?? '-'}`);
            return out;
        }, (out) => out.NextToken);
        return pages.flatMap((out) => (out.ConformancePackStatusDetails ?? []).map(toReportedPack));
    }
    return {
        batchSize: MAX_NAMES_PER_CALL,
        deletedState: 'DELETE_COMPLETE',
        iamAction: errors/* IAM_ACTION */.Fk,
        listAll: (bound) => pages(undefined, bound),
        describe: (names, bound) => describeOrList(names, bound, pages, errors/* isNoSuchPackError */.u7, log),
        classify: errors/* classifyError */.fe,
        expiredDuringWait: errors/* expiredDuringWait */.Cx
    };
}
/**
 * Asks for `names`; when the service rejects the whole call for an unknown name, that is the
 * answer for a single name, and for several the scope is listed once so the known names are
 * still seen. Either way an unknown name is simply absent from the result.
 */
async function describeOrList(names, bound, read, isUnknownName, log) {
    try {
        return await read(names, bound);
    }
    catch (error) {
        if (!isUnknownName(error))
            throw error;
        if (names.length === 1)
            return [];
        log.debug(`a name in [${names.join(', ')}] does not exist; listing every pack instead`);
        const wanted = new Set(names);
        return (await read(undefined, bound)).filter((pack) => wanted.has(pack.name));
    }
}
function toReportedPack(d) {
    return {
        name: d.ConformancePackName ?? '',
        state: d.ConformancePackState,
        id: d.ConformancePackId,
        arn: d.ConformancePackArn,
        stackArn: d.StackArn,
        reason: d.ConformancePackStatusReason || undefined,
        requestedAt: d.LastUpdateRequestedTime,
        completedAt: d.LastUpdateCompletedTime
    };
}

// EXTERNAL MODULE: ./src/aws/client.ts + 1 modules
var aws_client = __webpack_require__(2636);
;// CONCATENATED MODULE: ./src/aws/organization-status-source.ts






/** Names per DescribeOrganizationConformancePackStatuses call (the API's maximum). */
const MAX_ORGANIZATION_NAMES_PER_CALL = 25;
const LIST_LIMIT = 100;
/** Pages of one pack's member accounts: 100,000 accounts, more than an organization holds. */
const MEMBER_ACCOUNT_PAGES = 1000;
/**
 * An organization's packs and their member accounts; calls are told in the debug log. Longer
 * than 60 lines on purpose: an adapter object whose methods share one client and one log.
 */
function createOrganizationSource(client, log = silentLog) {
    const send = (promise, bound) => {
        const signal = bound();
        return (0,abortable/* abortable */.Z)(promise(signal), signal);
    };
    async function statuses(names, bound) {
        const pages = await (0,paging/* readPages */.n4)('DescribeOrganizationConformancePackStatuses', async (nextToken) => {
            const out = await send((abortSignal) => client.send(new dist_cjs/* DescribeOrganizationConformancePackStatusesCommand */.Sg5(names
                ? { OrganizationConformancePackNames: [...names] }
                : { Limit: LIST_LIMIT, NextToken: nextToken }), { abortSignal }), bound);
            log.debug(`DescribeOrganizationConformancePackStatuses(${names ? `${names.length} names` : 'all'}): ${out.OrganizationConformancePackStatuses?.length ?? 0} packs`);
            return out;
        }, 
        // Limit and NextToken apply only when listing every pack.
        (out) => (names ? undefined : out.NextToken));
        return pages.flatMap((out) => (out.OrganizationConformancePackStatuses ?? []).map(organization_status_source_toReportedPack));
    }
    async function memberAccounts(name, bound, status) {
        const pages = await (0,paging/* readPages */.n4)('GetOrganizationConformancePackDetailedStatus', (nextToken) => send((abortSignal) => client.send(new dist_cjs/* GetOrganizationConformancePackDetailedStatusCommand */.h7L({
            OrganizationConformancePackName: name,
            Filters: status ? { Status: status } : undefined,
            Limit: LIST_LIMIT,
            NextToken: nextToken
        }), { abortSignal }), bound), (out) => out.NextToken, MEMBER_ACCOUNT_PAGES);
        return pages.flatMap((out) => (out.OrganizationConformancePackDetailedStatuses ?? []).map(toMemberAccount));
    }
    /** Whether any member account is in `status`: one account is enough to know. */
    async function anyMemberAccount(name, bound, status) {
        const out = await send((abortSignal) => client.send(new dist_cjs/* GetOrganizationConformancePackDetailedStatusCommand */.h7L({
            OrganizationConformancePackName: name,
            Filters: { Status: status },
            Limit: 1
        }), { abortSignal }), bound);
        return (out.OrganizationConformancePackDetailedStatuses ?? []).length > 0;
    }
    return {
        batchSize: MAX_ORGANIZATION_NAMES_PER_CALL,
        iamAction: errors/* ORGANIZATION_IAM_ACTIONS */.__[0],
        deletedState: 'DELETE_SUCCESSFUL',
        listAll: (bound) => statuses(undefined, bound),
        describe: (names, bound) => describeOrList(names, bound, statuses, (error) => error.name === 'NoSuchOrganizationConformancePackException', log),
        settle: {
            iamAction: errors/* ORGANIZATION_IAM_ACTIONS */.__[1],
            anyMemberAccount: (name, status, bound) => anyMemberAccount(name, bound, status)
        },
        memberAccounts,
        classify: errors/* classifyError */.fe,
        expiredDuringWait: errors/* expiredDuringWait */.Cx
    };
}
function organization_status_source_toReportedPack(s) {
    return {
        name: s.OrganizationConformancePackName ?? '',
        state: s.Status,
        reason: s.ErrorMessage || undefined,
        errorCode: s.ErrorCode || undefined,
        updatedAt: s.LastUpdateTime
    };
}
function toMemberAccount(s) {
    return {
        accountId: s.AccountId ?? '',
        status: s.Status ?? '',
        errorCode: s.ErrorCode || undefined,
        message: s.ErrorMessage || undefined,
        updatedAt: s.LastUpdateTime
    };
}

// EXTERNAL MODULE: ./src/compliance/rule-evaluation-reads.ts
var rule_evaluation_reads = __webpack_require__(9076);
;// CONCATENATED MODULE: ./src/aws/rule-evaluation-source.ts




const RULES_PAGE_LIMIT = 1000;
const STATUS_PAGE_LIMIT = 50;
const DETAILS_PAGE_LIMIT = 100;
/**
 * Config's rule-evaluation reads, one request a call. Errors are thrown as the SDK raises
 * them (LimitExceededException on a start is the outcome `already-running`). Longer than 60
 * lines on purpose: an adapter object, one short method per AWS call, sharing one client.
 */
function createRuleEvaluationSource(client) {
    return {
        classify: errors/* classifyError */.fe,
        isNoSuchPack: errors/* isNoSuchPackError */.u7,
        isNoSuchRule: (error) => error?.name === 'NoSuchConfigRuleException',
        async packRules(pack, nextToken, signal, rules) {
            if (rules)
                batchGuard(rules, rule_evaluation_reads/* MAX_DETAIL_RULE_NAMES */.hG, 'DescribeConformancePackCompliance');
            const command = new dist_cjs/* DescribeConformancePackComplianceCommand */.Q1p({
                ConformancePackName: pack,
                Limit: RULES_PAGE_LIMIT,
                NextToken: nextToken,
                ...(rules ? { Filters: { ConfigRuleNames: [...rules] } } : {})
            });
            const out = await (0,abortable/* abortable */.Z)(client.send(command, { abortSignal: signal }), signal);
            return page((out.ConformancePackRuleComplianceList ?? []).flatMap((r) => r.ConfigRuleName
                ? [{ name: r.ConfigRuleName, compliance: complianceOf(r.ComplianceType) }]
                : []), out.NextToken);
        },
        async statuses(rules, nextToken, signal) {
            // No names asks for every rule of the account: never what is meant here.
            batchGuard(rules, rule_evaluation_reads/* MAX_STATUS_NAMES */.PO, 'DescribeConfigRuleEvaluationStatus');
            const command = new dist_cjs/* DescribeConfigRuleEvaluationStatusCommand */.paB({
                ConfigRuleNames: [...rules],
                Limit: STATUS_PAGE_LIMIT,
                NextToken: nextToken
            });
            const out = await (0,abortable/* abortable */.Z)(client.send(command, { abortSignal: signal }), signal);
            return page((out.ConfigRulesEvaluationStatus ?? []).flatMap((s) => s.ConfigRuleName
                ? [
                    defined({
                        name: s.ConfigRuleName,
                        firstActivatedAt: s.FirstActivatedTime?.getTime(),
                        firstEvaluationStarted: s.FirstEvaluationStarted,
                        lastSuccessfulInvocationAt: s.LastSuccessfulInvocationTime?.getTime(),
                        lastFailedInvocationAt: s.LastFailedInvocationTime?.getTime(),
                        lastSuccessfulEvaluationAt: s.LastSuccessfulEvaluationTime?.getTime(),
                        lastFailedEvaluationAt: s.LastFailedEvaluationTime?.getTime(),
                        lastErrorCode: s.LastErrorCode || undefined,
                        lastErrorMessage: s.LastErrorMessage || undefined
                    })
                ]
                : []), out.NextToken);
        },
        async results(pack, filter, nextToken, signal) {
            batchGuard(filter.rules, rule_evaluation_reads/* MAX_DETAIL_RULE_NAMES */.hG, 'GetConformancePackComplianceDetails');
            const command = new dist_cjs/* GetConformancePackComplianceDetailsCommand */.xOB({
                ConformancePackName: pack,
                Filters: {
                    ConfigRuleNames: [...filter.rules],
                    ...(filter.compliance ? { ComplianceType: filter.compliance } : {})
                },
                Limit: DETAILS_PAGE_LIMIT,
                NextToken: nextToken
            });
            const out = await (0,abortable/* abortable */.Z)(client.send(command, { abortSignal: signal }), signal);
            return page((out.ConformancePackRuleEvaluationResults ?? []).flatMap((r) => {
                const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier;
                if (!q?.ConfigRuleName)
                    return [];
                return [
                    defined({
                        rule: q.ConfigRuleName,
                        compliance: r.ComplianceType ?? '',
                        resourceType: q.ResourceType ?? '',
                        resourceId: q.ResourceId ?? '',
                        invokedAt: r.ConfigRuleInvokedTime?.getTime(),
                        recordedAt: r.ResultRecordedTime?.getTime(),
                        annotation: r.Annotation || undefined
                    })
                ];
            }), out.NextToken);
        },
        async startEvaluation(rules, signal) {
            batchGuard(rules, rule_evaluation_reads/* MAX_START_NAMES */.rX, 'StartConfigRulesEvaluation');
            const command = new dist_cjs/* StartConfigRulesEvaluationCommand */.P8V({ ConfigRuleNames: [...rules] });
            try {
                await (0,abortable/* abortable */.Z)(client.send(command, { abortSignal: signal }), signal);
                return { kind: 'started' };
            }
            catch (error) {
                if (error.name !== 'LimitExceededException')
                    throw error;
                return { kind: 'already-running', message: error.message };
            }
        }
    };
}
function batchGuard(names, max, operation) {
    if (names.length < 1 || names.length > max) {
        throw new RangeError(`${operation} takes 1 to ${max} rule names, not ${names.length}`);
    }
}
function page(items, nextToken) {
    return nextToken ? { items, nextToken } : { items };
}
function complianceOf(type) {
    return type === 'COMPLIANT' || type === 'NON_COMPLIANT' ? type : 'INSUFFICIENT_DATA';
}
/** Drops undefined fields, so results compare and serialise as AWS sent them. */
function defined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/aws/region-ports.ts






/**
 * The AWS side of each region: one Config client a region, shared by the sources made from
 * it and destroyed by `close`. The CloudFormation client is loaded only when asked for (a
 * pack failed, or a redeployed pack's rules are judged): most runs never need it. `proxies`
 * tells the log which proxy the calls go through, once a run; `clock` times the calls told
 * in the debug log.
 */
function awsRegions(env, proxies = proxy/* silentProxyNotices */.R4, clock = shared_clock/* systemClock */.m) {
    return (region, log) => {
        const client = (0,aws_client/* createConfigClient */.a4)(region, env, proxies);
        return {
            known: (0,aws_client/* isKnownRegion */.Kk)(region),
            accountStatuses: () => createStatusSource(client, log, clock),
            organizationStatuses: () => createOrganizationSource(client, log),
            ruleEvaluations: () => createRuleEvaluationSource(client),
            stackEvents: async () => {
                const { createStackEventReader } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(325)]).then(__webpack_require__.bind(__webpack_require__, 325));
                return createStackEventReader(env, proxies);
            },
            close: () => client.destroy()
        };
    };
}


/***/ }),

/***/ 8146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s$: () => (/* reexport */ BaselineError),
  jb: () => (/* reexport */ finding_describeFinding),
  b4: () => (/* reexport */ entryLabel),
  gg: () => (/* reexport */ expiringText),
  qJ: () => (/* reexport */ judgeFindings),
  Xx: () => (/* reexport */ newFindingText),
  mF: () => (/* reexport */ readBaseline),
  qL: () => (/* reexport */ renderBaseline)
});

;// CONCATENATED MODULE: ./src/baseline/finding.ts
/**
 * AWS names an account pack's rule `<name in the template>-conformance-pack-<id>`, the id that
 * of the pack (lower-case letters and digits: nine in every public example, such as
 * `efs-encrypted-check-conformance-pack-hbmlt5imw`), and gives the rules a new id when the pack
 * is deleted and created again. Any length of id is taken, as AWS documents none.
 */
const PACK_RULE_NAME = /^(.+)-conformance-pack-[a-z0-9]+$/;
/**
 * The rule's name as the pack's template gives it: `awsRuleName` without the pack's suffix, or
 * unchanged when it has none (an organization pack's name such as `OrgConformsPack-x-abc` is
 * not a rule's suffix and stays as it is).
 */
function templateRuleName(awsRuleName) {
    return PACK_RULE_NAME.exec(awsRuleName)?.[1] ?? awsRuleName;
}
/**
 * A finding in one line for messages, the rule by its template name (as a baseline names it):
 * `us-east-1/security-baseline/s3-bucket-versioning-enabled: AWS::S3::Bucket acme-logs`.
 * Plain text from AWS: a renderer escapes it for where it goes.
 */
function finding_describeFinding(f) {
    return `${f.region}/${f.pack}/${templateRuleName(f.rule)}: ${f.resourceType} ${f.resourceId}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/baseline/days.ts
/** Calendar days in UTC, counted from 1970-01-01, as the baseline's `expires` compares them. */
const DAY_MS = 86_400_000;
/** The day a `YYYY-MM-DD` date names, or undefined when it is no calendar date (2027-02-30). */
function dayOf(date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m)
        return undefined;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const at = new Date(0);
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
    at.setUTCFullYear(year, month - 1, day);
    const same = at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
    return same ? Math.floor(at.getTime() / DAY_MS) : undefined;
}
/** The UTC day of an instant (epoch milliseconds). */
function dayAt(epochMs) {
    return Math.floor(epochMs / DAY_MS);
}

;// CONCATENATED MODULE: ./src/baseline/parse.ts


/** Problems named in one error before the rest are counted. */
const PROBLEMS_SHOWN = 10;
/** A baseline that cannot be used: every problem found in the file, naming the input and path. */
class BaselineError extends Error {
    input;
    path;
    problems;
    constructor(input, path, problems) {
        const shown = problems.slice(0, PROBLEMS_SHOWN);
        const more = problems.length - shown.length;
        const list = more > 0 ? [...shown, `and ${more} more problems`] : shown;
        super(`Input '${input}' (${path}): ${list.join('; ')}`);
        this.input = input;
        this.path = path;
        this.problems = problems;
        this.name = 'BaselineError';
    }
}
const TOP_KEYS = ['version', 'findings'];
const ENTRY_KEYS = [
    'rule',
    'resourceId',
    'resourceType',
    'pack',
    'region',
    'reason',
    'expires'
];
const FORM = "a mapping with 'version: 1' and a 'findings' list";
/**
 * Reads a baseline file's text. YAML (JSON is YAML too), every scalar taken as text (the
 * failsafe schema), so that an id such as `012345678901` or `true` stays what it says.
 * Throws a BaselineError listing every problem of the file.
 */
function parseBaseline(text, path, inputName) {
    const fail = (problems) => {
        throw new BaselineError(inputName, path, problems);
    };
    const doc = (0,dist/* parseDocument */.Tp)(text, { schema: 'failsafe' });
    if (doc.errors.length)
        fail(doc.errors.map(yamlProblem));
    let value;
    try {
        value = doc.toJS();
    }
    catch (e) {
        // Too many aliases, for one.
        fail([`the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`]);
    }
    const problems = [];
    const entries = readTop(value, problems);
    if (problems.length)
        fail(problems);
    return { path, entries };
}
/** Reads and checks the baseline at `path`; a file that cannot be read is a BaselineError too. */
async function readBaseline(path, inputName, readFile) {
    let text;
    try {
        text = await readFile(path);
    }
    catch (e) {
        const code = e?.code;
        const problem = code === 'ENOENT'
            ? 'the file does not exist'
            : `the file cannot be read: ${e instanceof Error ? e.message : String(e)}`;
        throw new BaselineError(inputName, path, [problem]);
    }
    return parseBaseline(text, path, inputName);
}
function yamlProblem(e) {
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const at = e.linePos?.[0];
    return at
        ? `the YAML does not parse at line ${at.line}, column ${at.col}: ${what}`
        : `the YAML does not parse: ${what}`;
}
function readTop(value, problems) {
    if (value === null || value === undefined) {
        problems.push(`the file is empty: it must be ${FORM}`);
        return [];
    }
    if (!isMapping(value)) {
        problems.push(`the file must be ${FORM}`);
        return [];
    }
    unknownKeys(value, TOP_KEYS, 'the file', problems);
    const version = value.version;
    if (version === undefined)
        problems.push("the file has no 'version' (version: 1)");
    else if (version !== '1') {
        // Another version's entries may mean something else: the version is the one problem.
        problems.push(`'version' must be 1, got ${show(version)}`);
        return [];
    }
    const findings = value.findings;
    if (findings === undefined) {
        problems.push("the file has no 'findings' list (findings: [] for none)");
        return [];
    }
    if (!Array.isArray(findings)) {
        problems.push(`'findings' must be a list of entries, got ${show(findings)}`);
        return [];
    }
    return findings.flatMap((entry, index) => {
        const read = readEntry(entry, index, problems);
        return read ? [read] : [];
    });
}
function readEntry(value, index, problems) {
    const at = `findings[${index}]`;
    if (!isMapping(value)) {
        problems.push(`${at} must be a mapping with 'rule' and 'resourceId', got ${show(value)}`);
        return undefined;
    }
    const before = problems.length;
    unknownKeys(value, ENTRY_KEYS, at, problems);
    const text = {};
    for (const key of ENTRY_KEYS) {
        const field = value[key];
        if (field === undefined)
            continue;
        if (typeof field !== 'string')
            problems.push(`${at} '${key}' must be text, got ${show(field)}`);
        else if (field === '' && key !== 'reason')
            problems.push(`${at} has an empty '${key}'`);
        else
            text[key] = field;
    }
    if (value.rule === undefined)
        problems.push(`${at} has no 'rule'`);
    if (value.resourceId === undefined)
        problems.push(`${at} has no 'resourceId'`);
    if (text.expires !== undefined && dayOf(text.expires) === undefined) {
        problems.push(`${at} 'expires' is not a date of the form YYYY-MM-DD, got ${show(text.expires)}`);
    }
    const { rule, resourceId, reason, ...narrowing } = text;
    if (problems.length > before || rule === undefined || resourceId === undefined)
        return undefined;
    // An empty reason says nothing: left out.
    return { index, rule, resourceId, ...narrowing, ...(reason ? { reason } : {}) };
}
function unknownKeys(value, known, where, problems) {
    for (const key of Object.keys(value)) {
        if (known.includes(key))
            continue;
        const meant = known.find((k) => k.toLowerCase() === key.toLowerCase());
        const hint = meant ? `did you mean '${meant}'?` : `the keys are ${known.join(', ')}`;
        problems.push(`${where} has an unknown key ${show(key)} (${hint})`);
    }
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A value from the file as a message quotes it. */
function show(value) {
    if (Array.isArray(value))
        return 'a list';
    if (isMapping(value))
        return 'a mapping';
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/baseline/judge.ts


/** An entry that expires within this many days (and still accepts) is warned about. */
const EXPIRY_WARNING_DAYS = 14;
/**
 * Judges each finding against the baseline on `today` (epoch ms; only its UTC day counts). An
 * entry accepts a finding when its rule is the finding's rule (both without the pack's
 * suffix), its resourceId is the finding's or `*`, each of resourceType, pack and region it
 * gives is the finding's, and it has not expired: `expires: 2027-03-31` accepts through that
 * day and nothing from 2027-04-01.
 */
function judgeFindings(baseline, findings, today) {
    const day = dayAt(today);
    const lastDay = new Map(baseline.entries.map((e) => [e, lastDayOf(e)]));
    const live = (e) => (lastDay.get(e) ?? Infinity) >= day;
    const matched = new Set();
    const accepting = new Set();
    const judged = findings.map((finding) => {
        const matching = baseline.entries.filter((e) => matches(e, finding));
        for (const e of matching)
            matched.add(e);
        const entry = matching.find(live);
        if (entry) {
            accepting.add(entry);
            return { status: 'known', finding, entry };
        }
        const expiredEntry = matching[0];
        return { status: 'new', finding, ...(expiredEntry ? { expiredEntry } : {}) };
    });
    const expiringSoon = baseline.entries.flatMap((entry) => {
        const last = lastDay.get(entry);
        if (!accepting.has(entry) || last === undefined || entry.expires === undefined)
            return [];
        const daysLeft = last - day;
        return daysLeft > EXPIRY_WARNING_DAYS ? [] : [{ entry, expires: entry.expires, daysLeft }];
    });
    const fixed = baseline.entries.filter((e) => !matched.has(e));
    return { findings: judged, expiringSoon, fixed };
}
/** Whether the entry names the finding, leaving its expiry aside. */
function matches(entry, finding) {
    return (sameRule(entry.rule, finding.rule) &&
        (entry.resourceId === '*' || entry.resourceId === finding.resourceId) &&
        (entry.resourceType === undefined || entry.resourceType === finding.resourceType) &&
        (entry.pack === undefined || entry.pack === finding.pack) &&
        (entry.region === undefined || entry.region === finding.region));
}
/**
 * An entry's rule names the finding's when both name the same template rule. The entry's is
 * taken as written too, so that a template rule whose own name ends like a suffix still
 * matches its deployed rule.
 */
function sameRule(entryRule, awsRule) {
    const name = templateRuleName(awsRule);
    return entryRule === name || templateRuleName(entryRule) === name;
}
function lastDayOf(entry) {
    return entry.expires === undefined ? undefined : dayOf(entry.expires);
}

;// CONCATENATED MODULE: ./src/baseline/render.ts


const SORT_KEYS = ['region', 'pack', 'rule', 'resourceType', 'resourceId'];
/**
 * A baseline that accepts exactly `findings`: one entry per finding with its rule's template
 * name, its resource type and id, its pack and region; duplicates dropped; sorted by region,
 * pack, rule, resource type and id; no times in the entries, so that two runs over the same
 * findings write the same entries and a diff shows what changed.
 */
function renderBaseline(findings, meta) {
    const byKey = new Map();
    for (const f of findings) {
        const entry = {
            rule: templateRuleName(f.rule),
            resourceType: f.resourceType,
            resourceId: f.resourceId,
            pack: f.pack,
            region: f.region
        };
        byKey.set(JSON.stringify(SORT_KEYS.map((k) => entry[k])), entry);
    }
    const entries = [...byKey.values()].sort(compareEntries);
    // lineWidth 0: an entry stays on its lines however long its id, for diffs and for grep.
    const body = (0,dist/* stringify */.As)({ version: 1, findings: entries }, { lineWidth: 0 });
    return `${header(meta)}${body}`;
}
function header(meta) {
    const by = meta.writtenBy.replace(/\s+/g, ' ').trim();
    const at = meta.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return [
        `# Written by ${by} on ${at}: the non-compliant resources it saw, one entry each.`,
        '# Each entry accepts its finding; add a reason or an expiry day (expires: YYYY-MM-DD),',
        '# or resourceId "*" for every resource of a rule, and drop the entries that are fixed.',
        ''
    ].join('\n');
}
/** By code unit, not by locale, so that every machine writes the same order. */
function compareEntries(a, b) {
    for (const key of SORT_KEYS) {
        if (a[key] !== b[key])
            return a[key] < b[key] ? -1 : 1;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/baseline/text.ts

/**
 * Sentences about a judgement for messages, plain text (the file's text and AWS's are data: a
 * renderer escapes them for where they go).
 */
/** `findings[2] (rule s3-bucket-versioning-enabled, resourceId acme-logs)`. */
function entryLabel(entry) {
    return `findings[${entry.index}] (rule ${entry.rule}, resourceId ${entry.resourceId})`;
}
/** A new finding, and why an entry that names it no longer accepts it. */
function newFindingText(judged) {
    const head = `${finding_describeFinding(judged.finding)} is new`;
    const expired = judged.expiredEntry;
    if (!expired?.expires)
        return head;
    return `${head}: the baseline's entry ${entryLabel(expired)} expired on ${expired.expires}`;
}
/** A known finding, with the reason its entry gives. */
function knownFindingText(judged) {
    const head = `${describeFinding(judged.finding)} is known`;
    return judged.entry.reason ? `${head}: ${judged.entry.reason}` : head;
}
/** The warning for an entry that stops accepting soon. */
function expiringText(e) {
    const when = e.daysLeft === 0 ? 'today' : `in ${e.daysLeft} day${e.daysLeft === 1 ? '' : 's'}`;
    return `The baseline's entry ${entryLabel(e.entry)} expires on ${e.expires} (${when}): from the day after, its findings are new`;
}
/** An entry that matched nothing. */
function fixedText(entry) {
    return `The baseline's entry ${entryLabel(entry)} matches no finding any more: it can be removed`;
}

;// CONCATENATED MODULE: ./src/baseline/index.ts
/**
 * The compliance baseline: a file of known findings (non-compliant resources of a pack's rules)
 * that the gate accepts, each until an optional expiry day. Pure: the file's text comes in,
 * judgements and the text of a new file come out; reading the file goes through a given reader.
 *
 * - `readBaseline` / `parseBaseline`: the file, checked (a `BaselineError` lists every problem).
 * - `judgeFindings`: each finding known or new; entries expiring soon; entries fixed.
 * - `renderBaseline`: the file that accepts exactly the given findings.
 * - `templateRuleName`: a rule's name without the suffix AWS adds in an account pack.
 */







/***/ }),

/***/ 5581:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_partition_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2947);
/* harmony import */ var _aws_profile_region_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1281);
/* harmony import */ var _files_local_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5534);
/* harmony import */ var _aws_region_ports_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8853);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1300);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5102);
/* harmony import */ var _shared_clock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6103);
/* harmony import */ var _shared_cancellation_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1010);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2297);











/**
 * The command's composition root: argv, the process environment (credentials, region and
 * endpoints as the AWS CLI reads them, through the SDK's default chain), the terminal, the
 * system clock and the AWS SDK clients; then the same pipeline as the action.
 */
const env = process.env;
// Piped into `head`, the reader may go away first: the run still ends with its own exit code.
for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
    });
let cancellation;
process.exitCode = await (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d)({
    args: process.argv.slice(2),
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    version: version(),
    now: () => _shared_clock_js__WEBPACK_IMPORTED_MODULE_6__/* .systemClock */ .m.now(),
    writeFile: (path, text) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, text, 'utf8'),
    signalled: () => cancellation?.received(),
    profileRegion: _aws_profile_region_js__WEBPACK_IMPORTED_MODULE_8__/* .profileRegion */ .q,
    pipeline: (front) => {
        cancellation = (0,_shared_cancellation_js__WEBPACK_IMPORTED_MODULE_9__/* .cancelOnSignals */ .d)(front.log);
        return (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_5__/* .runPipeline */ .a)({
            ...front,
            env,
            clock: _shared_clock_js__WEBPACK_IMPORTED_MODULE_6__/* .systemClock */ .m,
            signal: cancellation.signal,
            waitsOver: cancellation.dispose,
            aws: (0,_aws_region_ports_js__WEBPACK_IMPORTED_MODULE_3__/* .awsRegions */ .H)(env, (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_7__/* .proxyNotices */ .q)(front.log)),
            partitionOf: _aws_partition_js__WEBPACK_IMPORTED_MODULE_10__/* .partitionOf */ .i,
            files: (0,_files_local_files_js__WEBPACK_IMPORTED_MODULE_2__/* .localFiles */ .J)(process.cwd())
        });
    }
});
cancellation?.dispose();
/** From package.json beside the bundle (dist/cli/index.js) or the sources (src/cli.ts). */
function version() {
    for (const path of ['../../package.json', '../package.json']) {
        try {
            const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(new URL(path, import.meta.url), 'utf8'));
            if (pkg.name === 'wait-for-conformance-packs' && pkg.version)
                return pkg.version;
        }
        catch {
            // Not there: try the next place.
        }
    }
    return 'unknown';
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ runCommand)
});

;// CONCATENATED MODULE: ./src/input-spec.ts
// Generated from action.yml by scripts/generate-input-spec.ts: do not edit by hand.
/** The action's inputs, in action.yml's order. */
const INPUT_SPECS = [
    {
        name: 'conformance-pack-names',
        description: 'Conformance pack names, separated by newlines and/or commas; duplicates are dropped. Each name is 1-256 characters: a letter, then letters, digits and hyphens. Empty: every conformance pack in the region (those that exist when the wait starts).',
        default: '',
        required: false,
        kind: 'list',
        githubOnly: false
    },
    {
        name: 'region',
        description: 'AWS region, such as us-east-1, or several separated by newlines and/or commas (the packs are awaited in each, at once). Empty: AWS_REGION, then AWS_DEFAULT_REGION.',
        default: '',
        required: false,
        kind: 'list',
        githubOnly: false
    },
    {
        name: 'scope',
        description: "account: the account's conformance packs (DescribeConformancePackStatus). organization: organization conformance packs, from the management account or a delegated administrator (DescribeOrganizationConformancePackStatuses).",
        default: 'account',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'timeout-seconds',
        description: 'Overall deadline for the wait, in seconds (decimals allowed).',
        default: '1800',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'min-delay-seconds',
        description: 'Seconds between polls while a pack is likely to finish, and the shortest pause between two polls. The first poll is immediate; after it, no poll until the youngest pending deployment is 4 times this old (at most 40 s), then one poll every this many seconds (plus up to 10 % jitter) until it is 120 times this old, then one every 1/120 of its age. Also the first step of the backoff on throttling and for packs of unknown age. Must be less than timeout-seconds.',
        default: '10',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'max-delay-seconds',
        description: 'Longest pause between two polls, in seconds, whatever the rule: it caps the pause of long deployments, the quiet pause after the first poll, and the backoff on throttling, errors and packs of unknown age. Must be at least min-delay-seconds.',
        default: '60',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'missing-pack',
        description: "What to do with a named pack that does not exist. fail: report it, keep waiting for the other packs, then fail the step. wait: keep asking for it until it appears or the deadline passes (then result timeout). ignore: report it with a warning, don't fail.",
        default: 'fail',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'fail-on-failure',
        description: 'false: a pack in a *_FAILED state gives result failure with a warning, but the step passes. A missing pack under missing-pack fail, a wait that ran into its deadline, a permanent AWS error and a cancellation still fail the step.',
        default: 'true',
        required: false,
        kind: 'boolean',
        githubOnly: false
    },
    {
        name: 'explain-failures',
        description: "true: for each failed pack, read its CloudFormation stack's events and show the resources that failed and why (needs cloudformation:DescribeStackEvents; best effort, never changes the result). false: skip it.",
        default: 'true',
        required: false,
        kind: 'boolean',
        githubOnly: false
    },
    {
        name: 'compliance',
        description: 'After a successful wait. ignore: read nothing. report: wait until every rule of each deployed pack has an evaluation that belongs to this deployment, judge each rule, and warn per pack with a non-compliant rule or a rule that failed to evaluate. require: the same wait; the step fails with result noncompliant when a rule is NON_COMPLIANT, with result failure when a rule failed to evaluate (or, with no names, a region has no conformance pack at all), and with result timeout when rules are still unevaluated at the deadline. Account scope only. Needs config:DescribeConformancePackCompliance, config:DescribeConfigRuleEvaluationStatus and config:GetConformancePackComplianceDetails (cloudformation:DescribeStackEvents to tell rules changed in place by a redeploy).',
        default: 'ignore',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'start-evaluation',
        description: 'With compliance report or require. true: start an evaluation (StartConfigRulesEvaluation) of the rules not evaluated since the deployment, once, and wait for it. Needs config:StartConfigRulesEvaluation, a write permission. false: only wait for the evaluations AWS Config runs itself.',
        default: 'false',
        required: false,
        kind: 'boolean',
        githubOnly: false
    },
    {
        name: 'compliance-baseline',
        description: "Path (in the workspace) of a baseline of known findings (YAML or JSON; docs/compliance.md has the format). With it, compliance require fails only on new findings: a non-compliant resource no entry of the file accepts. Known findings are shown, marked with the entry's reason, and never fail the gate; an entry past its expires day accepts nothing. Rules that failed to evaluate or are unevaluated at the deadline still fail. A file that is missing or wrong is an error before any AWS call. Needs compliance report or require.",
        default: '',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'write-baseline',
        description: "Path to write a baseline of every non-compliant resource seen to (sorted, rule names without AWS's suffix); read back as compliance-baseline, it accepts exactly those findings. Needs compliance report or require. Nothing is written when the wait does not succeed (compliance is read only then). A path that cannot be written is a warning; nothing else changes.",
        default: '',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'requested-after',
        description: "An ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z: record it before the deploy command (date -u +%Y-%m-%dT%H:%M:%SZ). A pack whose LastUpdateRequestedTime (an organization pack's LastUpdateTime) is older still shows an earlier deployment (an update shows CREATE_* again, and a read right after the deploy can return the previous deployment's CREATE_COMPLETE or CREATE_FAILED), and is awaited whatever its state (state PREVIOUS_DEPLOYMENT; at the deadline, result timeout). Allows 30 seconds for the runner's clock being ahead of AWS's. Empty: each pack's state is taken as it stands.",
        default: '',
        required: false,
        kind: 'string',
        githubOnly: false
    },
    {
        name: 'github-token',
        description: "A token with checks: write (for example secrets.GITHUB_TOKEN). Set it to show a live check run with the packs' table on the commit under test. Empty: no check run.",
        default: '',
        required: false,
        kind: 'string',
        githubOnly: true
    },
    {
        name: 'check-name',
        description: 'The name of the live check run.',
        default: 'AWS Config conformance packs',
        required: false,
        kind: 'string',
        githubOnly: true
    }
];

// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var src_inputs = __webpack_require__(7831);
// EXTERNAL MODULE: ./src/publish/publish.ts + 1 modules
var publish = __webpack_require__(3121);
// EXTERNAL MODULE: ./src/packs/pack-text.ts
var pack_text = __webpack_require__(3665);
;// CONCATENATED MODULE: ./src/cli/command-words.ts

/**
 * The action's texts in the command's words. The pipeline's messages are written for a
 * workflow (the region input, the step, aws-actions/configure-aws-credentials); the command
 * speaks of flags, the terminal and exit codes. Each phrase is rewritten whole, so text from
 * AWS (a pack named like an input, say) is never touched.
 */
const PHRASES = [
    [/\bThe region input names\b/g, '--region names'],
    [/\bthe region input\b/g, '--region'],
    [
        /Configure them before this step, for example with aws-actions\/configure-aws-credentials\./g,
        'Configure them as for the AWS CLI: AWS_PROFILE (after aws sso login or aws configure), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
    ],
    [
        /Check the credentials step \(for example aws-actions\/configure-aws-credentials\)/g,
        'Check the credentials (AWS_PROFILE, or the AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN variables)'
    ],
    [
        / \(role-duration-seconds of aws-actions\/configure-aws-credentials, up to the role's maximum session duration\)/g,
        " (up to the role's maximum session duration)"
    ],
    [/more time than timeout-seconds\b/g, 'more time than --timeout-seconds'],
    [/set a shorter timeout-seconds\b/g, 'set a shorter --timeout-seconds'],
    [/\bRun this step with\b/g, 'Run the command with'],
    [/\bin the job's environment\b/g, 'in the environment'],
    // Node's and the SDK's plain errors carry their class's name: `…: Error: connect ECONNREFUSED`.
    [/(^|: )Error: /gm, '$1']
];
/** A log line or an error of the pipeline, as the command says it. */
function commandWords(text) {
    return PHRASES.reduce((out, [pattern, words]) => out.replace(pattern, words), text);
}
/** The phrases of action.yml's descriptions that speak of the step, as --help says them. */
const HELP_PHRASES = [
    [/\bthen fail the step\b/g, 'then exit 1'],
    [/\bbut the step passes\b/g, 'but the command exits 0'],
    [/\bstill fail the step\b/g, 'still end with a non-zero exit code'],
    [/\bthe step fails with\b/g, 'the command exits non-zero with']
];
/** An input's description from action.yml, as --help says it. */
function helpWords(text) {
    return commandWords(HELP_PHRASES.reduce((out, [p, words]) => out.replace(p, words), text));
}
/**
 * Where a region can come from, when none was found: said instead of the action's empty
 * region input.
 */
const NO_REGION = 'no region: give --region (for example --region us-east-1), or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile of ~/.aws/config that AWS_PROFILE names (default: [default])';
/** The timeout's line names the deadline the run was given, not the time it had measured. */
function deadlineWords(line, timeoutMs) {
    return line.replace(/^Timed out after \S+/, `Timed out after ${(0,pack_text/* formatDuration */.a3)(timeoutMs)}`);
}

// EXTERNAL MODULE: ./src/cli/exit-code.ts
var exit_code = __webpack_require__(1552);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/publish/summary.ts + 5 modules
var summary = __webpack_require__(3872);
// EXTERNAL MODULE: ./src/publish/report.ts
var report = __webpack_require__(4585);
;// CONCATENATED MODULE: ./src/cli/report-model.ts
function packOutcome(verdict, name) {
    if (verdict.failed.includes(name))
        return 'failed';
    // Under missing-pack wait an absent pack is also pending: it timed out, it was awaited.
    if (verdict.pending.includes(name))
        return 'pending';
    if (verdict.missing.includes(name))
        return 'missing';
    if (verdict.completed.includes(name))
        return 'passed';
    return 'other';
}

// EXTERNAL MODULE: ./src/compliance/annotations.ts
var annotations = __webpack_require__(253);
;// CONCATENATED MODULE: ./src/cli/safe-text.ts
/**
 * Text from AWS is data: on a terminal it must not move the cursor, retitle the window or
 * hide a line; in XML it must be a character XML 1.0 allows.
 */
// CSI (ESC [ … final byte), OSC and the other string sequences (ESC ] … BEL or ESC \), then
// any other two-character escape; the 8-bit CSI (U+009B) is stripped like ESC [.
const ESCAPE_SEQUENCE = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point
/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[\s\S]?/g;
// C0 and C1 controls and DEL, bidirectional overrides and isolates (they reorder what is shown).
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** One line for a terminal: escapes removed, every other control (newlines too) a space. */
function terminalLine(text) {
    return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
}
/** Several lines for a terminal: as terminalLine, keeping line breaks (a CR LF is one). */
function terminalText(text) {
    return text
        .replace(ESCAPE_SEQUENCE, '')
        .split(/\r?\n/)
        .map((line) => line.replace(CONTROL, ' '))
        .join('\n');
}
// Everything XML 1.0 does not allow: C0 controls but tab, LF and CR, lone surrogates, U+FFFE/F.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** Text allowed in XML 1.0, escape sequences removed; still to be escaped. */
function xmlChars(text) {
    return text.replace(ESCAPE_SEQUENCE, '').replace(NOT_XML, '');
}
/** Display width in terminal columns: wide East Asian and emoji count 2, combining marks 0. */
function displayWidth(text) {
    let width = 0;
    for (const char of text)
        width += charWidth(char.codePointAt(0) ?? 0);
    return width;
}
function charWidth(cp) {
    if ((cp >= 0x300 && cp <= 0x36f) ||
        (cp >= 0x200b && cp <= 0x200f) ||
        (cp >= 0xfe00 && cp <= 0xfe0f))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1faff) ||
        (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    return 1;
}
/** The text cut to `width` columns, an ellipsis marking the cut. */
function truncate(text, width) {
    if (displayWidth(text) <= width)
        return text;
    if (width <= 0)
        return '';
    let out = '';
    let used = 0;
    for (const char of text) {
        const w = charWidth(char.codePointAt(0) ?? 0);
        if (used + w > width - 1)
            break;
        out += char;
        used += w;
    }
    return `${out}…`;
}
/** Padded with spaces to `width` columns. */
function padTo(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

;// CONCATENATED MODULE: ./src/cli/junit.ts




/** The name of the report as a whole, as CI test widgets show it. */
const JUNIT_NAME = 'AWS Config conformance packs';
/**
 * A JUnit XML report: a <testsuite> per region, a <testcase> per pack and, when compliance
 * was read, per rule (`pack / rule`). A failed, missing or timed-out pack fails with its reason
 * and what failed in its body; a NON_COMPLIANT, failed or never evaluated rule fails too.
 * GitLab's merge request widget and CodeBuild's report groups read this shape.
 */
function renderJunit(report) {
    const suites = report.regions.map((region) => ({
        region: region.region,
        cases: [...waitCases(region, report), ...region.packs.flatMap((p) => ruleCases(region, p))]
    }));
    const all = suites.flatMap((s) => s.cases);
    const time = seconds(report.elapsedMs);
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites ${attributes({ name: JUNIT_NAME, ...counts(all), time })}>`,
        ...suites.flatMap((suite) => [
            `  <testsuite ${attributes({ name: suite.region, ...counts(suite.cases), time })}>`,
            ...suite.cases.flatMap(testCase),
            '  </testsuite>'
        ]),
        '</testsuites>'
    ];
    return `${lines.join('\n')}\n`;
}
function waitCases(region, report) {
    const cases = region.packs.map((pack) => ({
        classname: region.region,
        name: pack.name,
        seconds: pack.durationMs === undefined ? undefined : seconds(pack.durationMs),
        verdict: packVerdict(region, pack, report)
    }));
    if (region.problem) {
        // Without it, a region whose packs could never be read would show an empty, green suite.
        cases.push({
            classname: region.region,
            name: 'wait',
            seconds: undefined,
            verdict: { kind: 'error', message: region.problem }
        });
    }
    return cases;
}
function packVerdict(region, pack, report) {
    switch (packOutcome(region.verdict, pack.name)) {
        case 'failed':
            return {
                kind: 'failure',
                type: pack.state,
                message: `${pack.state}: ${pack.reason ?? 'AWS Config gave no reason'}`,
                body: failureBody(pack)
            };
        case 'missing':
            return report.missingPack === 'ignore'
                ? { kind: 'skipped', message: `No conformance pack of that name in ${region.region}` }
                : {
                    kind: 'failure',
                    type: 'NOT_FOUND',
                    message: `No conformance pack of that name in ${region.region}`
                };
        case 'pending':
            return region.verdict.result === 'cancelled'
                ? { kind: 'skipped', message: `Cancelled while ${pack.state}` }
                : {
                    kind: 'failure',
                    type: 'TIMEOUT',
                    message: `Still ${pack.state} when the wait ended${pack.reason ? `: ${pack.reason}` : ''}`
                };
        case 'passed':
        case 'other':
            return { kind: 'passed' };
    }
}
function failureBody(pack) {
    const lines = [pack.reason ?? 'AWS Config gave no reason.'];
    if (pack.errorCode)
        lines.push(`Error code: ${pack.errorCode}`);
    const resources = pack.failedResources ?? [];
    if (resources.length) {
        lines.push('', 'Failed resources (first failure first):');
        for (const resource of resources)
            lines.push(`- ${(0,report/* describeResource */.w9)(resource)}`);
    }
    const accounts = pack.failedAccounts ?? [];
    if (accounts.length) {
        lines.push('', 'Failed member accounts:');
        for (const a of accounts) {
            const code = a.errorCode ? ` (${a.errorCode})` : '';
            lines.push(`- ${a.accountId}${a.status ? ` ${a.status}` : ''}${code}${a.message ? `: ${a.message}` : ''}`);
        }
    }
    return lines.join('\n');
}
function ruleCases(region, pack) {
    const compliance = pack.compliance;
    if (!compliance)
        return [];
    const classname = region.region;
    if (compliance.rules.length === 0) {
        const verdict = compliance.compliance === 'NON_COMPLIANT'
            ? {
                kind: 'failure',
                type: 'NON_COMPLIANT',
                message: 'NON_COMPLIANT (AWS Config listed no rule)'
            }
            : compliance.compliance === 'INSUFFICIENT_DATA'
                ? { kind: 'skipped', message: 'INSUFFICIENT_DATA: no evaluation results yet' }
                : { kind: 'passed' };
        return [{ classname, name: `${pack.name} / compliance`, verdict }];
    }
    return compliance.rules.map((rule) => ({
        classname,
        name: `${pack.name} / ${rule.name}`,
        verdict: ruleVerdict(rule)
    }));
}
/** Non-compliant resources named in a failed rule's message and body; the rest are counted. */
const RESOURCES_NAMED = 10;
/**
 * A rule's test case: compliant passes; non-compliant fails naming its resources (and their
 * annotations); a failed evaluation errors with AWS's error; a rule not evaluated by the end
 * of the wait fails; one with nothing in scope is skipped.
 */
function ruleVerdict(rule) {
    switch (rule.compliance) {
        case 'COMPLIANT':
            return { kind: 'passed' };
        case 'NOT_APPLICABLE':
            return {
                kind: 'skipped',
                message: `Nothing in scope${rule.evaluatedAt ? ` (evaluated ${rule.evaluatedAt})` : ''}`
            };
        case 'EVALUATION_FAILED':
            return {
                kind: 'error',
                type: 'EVALUATION_FAILED',
                message: `Evaluation failed: ${rule.error ? (0,annotations/* ruleErrorText */._G)(rule) : 'AWS Config gave no reason'}`
            };
        case 'NOT_EVALUATED':
            return {
                kind: 'failure',
                type: 'NOT_EVALUATED',
                message: 'Not evaluated since the deployment by the end of the wait'
            };
        case 'NON_COMPLIANT':
            return nonCompliant(rule);
    }
}
/**
 * A non-compliant rule fails naming its new resources (all of them without a baseline); one
 * whose resources a baseline all accepts passes, its known findings and their reasons told.
 */
function nonCompliant(rule) {
    const all = rule.nonCompliantResources;
    const known = all.filter((r) => r.baseline === 'known');
    const fresh = all.filter((r) => r.baseline !== 'known');
    const knownLines = known.map((r) => `- ${r.resourceType} ${r.resourceId}${r.reason ? `: ${r.reason}` : ''}`);
    const knownPart = known.length ? ['Known findings (baseline):', ...knownLines] : [];
    if (all.length && !fresh.length)
        return { kind: 'passed', output: knownPart.join('\n') };
    const named = fresh.slice(0, RESOURCES_NAMED);
    const more = fresh.length - named.length;
    const counted = rule.resourcesTruncated ? `${fresh.length}+` : String(fresh.length);
    const names = named.map((r) => `${r.resourceType} ${r.resourceId}`).join(', ');
    const what = known.length ? 'new resource(s)' : 'resource(s)';
    const body = [
        ...(fresh.length ? ['Non-compliant resources:'] : []),
        ...named.map((r) => `- ${r.resourceType} ${r.resourceId}${r.annotation ? `: ${r.annotation}` : ''}`),
        ...(more ? [`- and ${more} more`] : []),
        ...(rule.resourcesTruncated ? ['- and more that were not read'] : []),
        ...(knownPart.length && fresh.length ? [''] : []),
        ...knownPart
    ];
    return {
        kind: 'failure',
        type: 'NON_COMPLIANT',
        message: fresh.length
            ? `NON_COMPLIANT: ${counted} ${what} not compliant: ${names}${more ? ` and ${more} more` : ''}`
            : 'NON_COMPLIANT (AWS Config listed no resource)',
        body: body.length ? body.join('\n') : undefined
    };
}
function testCase(c) {
    const open = `    <testcase ${attributes({ classname: c.classname, name: c.name, time: c.seconds })}`;
    if (c.verdict.kind === 'passed')
        return c.verdict.output === undefined
            ? [`${open}/>`]
            : [`${open}>`, `      <system-out>${junit_text(c.verdict.output)}</system-out>`, '    </testcase>'];
    const { kind, type, message, body } = c.verdict;
    const attrs = attributes({ message, type });
    const inner = body === undefined ? `<${kind} ${attrs}/>` : `<${kind} ${attrs}>${junit_text(body)}</${kind}>`;
    return [`${open}>`, `      ${inner}`, '    </testcase>'];
}
function counts(cases) {
    const count = (kind) => cases.filter((c) => c.verdict.kind === kind).length;
    return {
        tests: cases.length,
        failures: count('failure'),
        errors: count('error'),
        skipped: count('skipped')
    };
}
const seconds = (ms) => Math.round(ms) / 1000;
/** Attributes in order, absent ones left out; values escaped, line breaks kept as references. */
function attributes(values) {
    return Object.entries(values)
        .filter((entry) => entry[1] !== undefined)
        .map(([key, value]) => {
        const escaped = junit_text(String(value))
            .replace(/"/g, '&quot;')
            .replace(/\t/g, '&#9;')
            .replace(/\n/g, '&#10;')
            .replace(/\r/g, '&#13;');
        return `${key}="${escaped}"`;
    })
        .join(' ');
}
/** Character data: only characters XML 1.0 allows, markup escaped. */
function junit_text(value) {
    return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// EXTERNAL MODULE: ./src/packs/pack-state.ts
var pack_state = __webpack_require__(5977);
// EXTERNAL MODULE: ./src/wait/failed-accounts.ts
var failed_accounts = __webpack_require__(9589);
;// CONCATENATED MODULE: ./src/cli/report-view.ts



/**
 * The run's report as the command's renderers (the terminal table, the JUnit file) read it:
 * plain data, every rule of every pack as the `compliance` output carries it.
 */
function commandReport(report) {
    const stoppedShort = report.verdict.result !== 'success' && report.verdict.result !== 'noncompliant';
    return {
        scope: report.inputs.scope,
        result: report.verdict.result,
        headline: report.headline,
        elapsedMs: report.elapsedMs,
        finishedAt: new Date(report.now).toISOString(),
        missingPack: report.inputs.missingPack,
        regions: report.regions.map((region) => {
            const packs = region.wait.packs.map((p) => packReport(p, region, report.now));
            return {
                region: region.region,
                packs,
                verdict: region.verdict,
                // Not one pack read in a run that did not succeed: the closing line says why.
                ...(packs.length === 0 && stoppedShort ? { problem: report.headline } : {})
            };
        })
    };
}
function packReport(pack, region, now) {
    const detail = (0,pack_state/* detailOf */.Rw)(pack);
    const explanation = region.explanations.get(pack.name);
    const compliance = region.compliance?.get(pack.name);
    return {
        name: pack.name,
        state: pack.state,
        reason: (0,pack_text/* reasonOf */.A3)(pack),
        durationMs: (0,pack_text/* deploymentDuration */.sE)(pack, now),
        errorCode: detail?.errorCode,
        failedResources: explanation?.kind === 'explained' ? explanation.resources : undefined,
        failedAccounts: (0,failed_accounts/* failedAccounts */.SY)(explanation)?.map((a) => ({
            accountId: a.accountId,
            status: a.status,
            errorCode: a.errorCode,
            message: a.message
        })),
        compliance: compliance && { compliance: compliance.compliance, rules: compliance.rules ?? [] }
    };
}

;// CONCATENATED MODULE: ./src/cli/report-files.ts




/**
 * Every report the command can write to a file. A new format is one renderer of the run's
 * report and one entry here: the flag, its help line and its writing follow from it.
 */
const REPORT_FILES = [
    {
        flag: 'summary-file',
        description: "Write the job summary's Markdown to FILE.",
        render: (report) => (0,summary/* fitSummary */.mW)((0,publish/* summaryOf */.YG)(report))
    },
    {
        flag: 'junit-file',
        description: 'Write a JUnit XML report to FILE: a test suite per region, a test case per pack and, with --compliance, per rule.',
        render: (report) => renderJunit(commandReport(report))
    }
];

;// CONCATENATED MODULE: ./src/cli/flags.ts


const OWN_FLAGS = {
    json: { type: 'boolean' },
    ...Object.fromEntries(REPORT_FILES.map((file) => [file.flag, { type: 'string' }])),
    'no-color': { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' }
};
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/**
 * Reads argv (without node and the script) into the inputs the action's own validation reads,
 * or help, version, or a usage error naming the flag. An absent flag is the input's default,
 * as the runner passes action.yml's defaults.
 */
function parseCommandLine(args, specs) {
    const offered = specs.filter((s) => !s.githubOnly);
    const options = { ...OWN_FLAGS };
    for (const spec of offered)
        options[spec.name] = { type: 'string', multiple: spec.kind === 'list' };
    const booleans = new Set(offered.filter((s) => s.kind === 'boolean').map((s) => s.name));
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: withBareBooleans(args, booleans),
            options,
            strict: true,
            allowPositionals: false,
            tokens: true
        });
    }
    catch (error) {
        return { kind: 'usage-error', message: usageMessage(error, specs) };
    }
    const seen = new Map();
    for (const token of parsed.tokens) {
        if (token.kind !== 'option')
            continue;
        const count = (seen.get(token.name) ?? 0) + 1;
        seen.set(token.name, count);
        if (count === 2 && !options[token.name]?.multiple)
            return { kind: 'usage-error', message: `--${token.name} is given more than once` };
    }
    const values = parsed.values;
    if (values.help)
        return { kind: 'help' };
    if (values.version)
        return { kind: 'version' };
    const files = new Map();
    for (const { flag } of REPORT_FILES) {
        const path = values[flag];
        if (path === '')
            return { kind: 'usage-error', message: `--${flag} needs a file name` };
        if (typeof path === 'string')
            files.set(flag, path);
    }
    const given = new Map();
    for (const spec of offered) {
        const value = values[spec.name];
        if (typeof value === 'string')
            given.set(spec.name, value);
        else if (Array.isArray(value))
            given.set(spec.name, value.join('\n'));
    }
    return {
        kind: 'run',
        inputs: flagInputs(given, specs),
        options: {
            json: values.json === true,
            files,
            noColor: values['no-color'] === true,
            debug: values.debug === true
        }
    };
}
/**
 * `--fail-on-failure` alone means true: a boolean input's flag is followed by its value only
 * when the next argument is not a flag.
 */
function withBareBooleans(args, booleans) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--')
            return [...out, ...args.slice(i)];
        const next = args[i + 1];
        const bare = arg.startsWith('--') && booleans.has(arg.slice(2));
        out.push(bare && (next === undefined || next.startsWith('-')) ? `${arg}=true` : arg);
    }
    return out;
}
/**
 * The flags as an `InputSource` with `@actions/core`'s semantics: getInput trims,
 * getMultilineInput splits lines and drops empty ones, getBooleanInput takes the YAML 1.2 core
 * schema's six spellings and throws on anything else.
 */
function flagInputs(given, specs) {
    const getInput = (name) => (given.get(name) ?? specs.find((s) => s.name === name)?.default ?? '').trim();
    return {
        getInput,
        getMultilineInput: (name) => getInput(name)
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => line.trim()),
        getBooleanInput: (name) => {
            const value = getInput(name);
            if (TRUE_VALUES.includes(value))
                return true;
            if (FALSE_VALUES.includes(value))
                return false;
            throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``);
        }
    };
}
/**
 * The validation's message in the command's words: `Input 'timeout-seconds' must be…` becomes
 * `--timeout-seconds must be…`, and an input named in the explanation becomes its flag. The
 * quoted value after `, got` is left as typed.
 */
function flagMessage(message, specs) {
    const cut = message.indexOf(', got "');
    const [head, tail] = cut < 0 ? [message, ''] : [message.slice(0, cut), message.slice(cut)];
    const names = specs
        .map((s) => s.name)
        .filter((name) => name.includes('-'))
        .sort((a, b) => b.length - a.length);
    let rewritten = head.replace(/Input '([^']+)'/g, (_, name) => `--${name}`);
    for (const name of names)
        rewritten = rewritten.replace(new RegExp(`(?<![-\\w])${name}(?![-\\w])`, 'g'), `--${name}`);
    return rewritten + tail;
}
/** parseArgs' complaint, shortened to what the person typed wrong. */
function usageMessage(error, specs) {
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
    const flag = quoted.split(/[ =]/)[0];
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return specs.some((s) => s.githubOnly && `--${s.name}` === flag)
                ? `${flag} is not offered: the live check run it configures exists only in GitHub Actions`
                : `unknown flag ${flag} (see --help)`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument ${JSON.stringify(quoted)}: every value follows its flag, as in --conformance-pack-names my-pack`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            if (message.includes('does not take an argument'))
                return `${flag} takes no value`;
            if (message.includes('ambiguous'))
                return `${flag} needs a value; to give one that starts with a dash, write ${flag}=-value`;
            return `${flag} needs a value`;
        default:
            return message;
    }
}

;// CONCATENATED MODULE: ./src/cli/help.ts




const COMMAND = 'wait-for-conformance-packs';
/** Lines are wrapped to this width, a common terminal's. */
const HELP_WIDTH = 80;
const INDENT = '      ';
/** The flags of the command's own, beside the inputs. */
const COMMAND_FLAGS = [
    {
        usage: '--json',
        description: "Print one JSON object with what the action's outputs hold on stdout; the log and the table go to stderr."
    },
    ...REPORT_FILES.map((file) => ({ usage: `--${file.flag} FILE`, description: file.description })),
    {
        usage: '--no-color',
        description: 'Never colour the output. Colour is also off when the output is not a terminal, when NO_COLOR is set, or when TERM is dumb.'
    },
    {
        usage: '--debug',
        description: 'Log the debug lines too (as RUNNER_DEBUG=1 or ACTIONS_STEP_DEBUG=true do).'
    },
    { usage: '--help', description: 'Print this help and exit.' },
    { usage: '--version', description: 'Print the version and exit.' }
];
/** The environment variables the command reads, as the AWS CLI does. */
const ENVIRONMENT = [
    { name: 'AWS_REGION', meaning: 'The region when --region is not given.' },
    { name: 'AWS_DEFAULT_REGION', meaning: 'The region when neither --region nor AWS_REGION is.' },
    {
        name: 'AWS_PROFILE',
        meaning: 'The named profile of ~/.aws/config and ~/.aws/credentials to sign in with; its region is the region when neither --region, AWS_REGION nor AWS_DEFAULT_REGION is.'
    },
    {
        name: 'AWS_ENDPOINT_URL',
        meaning: 'Another endpoint for every AWS service (an emulator, a VPC endpoint).'
    },
    {
        name: 'AWS_ENDPOINT_URL_CONFIG_SERVICE',
        meaning: 'Another endpoint for AWS Config only; wins over AWS_ENDPOINT_URL.'
    },
    {
        name: 'AWS_MAX_ATTEMPTS',
        meaning: 'Attempts per request by the SDK (default 2; the wait retries on its own).'
    },
    { name: 'NO_COLOR', meaning: 'Set and not empty: no colour.' }
];
/** Where a flag takes a value, what to call it. */
function flagUsage(spec) {
    switch (spec.kind) {
        case 'boolean':
            return `--${spec.name} [true|false]`;
        case 'list':
            return `--${spec.name} ${spec.name === 'region' ? 'REGION' : 'NAME'}[,...]`;
        case 'string':
            return `--${spec.name} ${spec.name.endsWith('-seconds') ? 'SECONDS' : 'VALUE'}`;
    }
}
/** action.yml's description in the command's words: flags and exit codes, not inputs and steps. */
function inputDescription(spec, specs) {
    const notes = [];
    if (spec.kind === 'list')
        notes.push('Repeatable.');
    if (spec.kind === 'boolean')
        notes.push('Alone, the flag means true.');
    notes.push(spec.default === '' ? 'Default: empty.' : `Default: ${spec.default}.`);
    return `${flagMessage(helpWords(spec.description), specs)} ${notes.join(' ')}`;
}
/** Words wrapped to `width`, each line prefixed by `indent`; a longer word keeps a line. */
function wrap(text, width, indent = '') {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && indent.length + line.length + 1 + word.length > width) {
            lines.push(indent + line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(indent + line);
    return lines;
}
function entry(usage, description) {
    return [`  ${usage}`, ...wrap(description, HELP_WIDTH, INDENT)];
}
/** A short term and its meaning side by side: `  64   a bad flag…`. */
function column(term, description) {
    const lines = wrap(description, HELP_WIDTH, ' '.repeat(7));
    return [`  ${term.padEnd(5)}${lines[0].trimStart()}`, ...lines.slice(1)];
}
/** The --help text, from the same spec as action.yml's inputs. */
function helpText(specs) {
    const offered = specs.filter((s) => !s.githubOnly);
    const githubOnly = specs.filter((s) => s.githubOnly).map((s) => s.name);
    const sections = [
        [`Usage: ${COMMAND} [flags]`],
        wrap("Waits until AWS Config conformance packs have finished deploying, prints each pack's state as it changes and a table at the end, and exits with a code that says how the wait ended. The flags are the GitHub Action's inputs, with the same names and defaults; a flag's value may also be given as --flag=value.", HELP_WIDTH),
        ['Wait:', ...offered.flatMap((s) => entry(flagUsage(s), inputDescription(s, specs)))],
        ['Output:', ...COMMAND_FLAGS.flatMap((f) => entry(f.usage, f.description))],
        wrap(`Not offered: ${githubOnly.join(', ')}. The live check run they configure lives on a GitHub commit; outside GitHub Actions there is none.`, HELP_WIDTH),
        ['Exit codes:', ...exit_code/* EXIT_CODES */.ai.flatMap((e) => column(String(e.code), e.meaning))],
        ['Environment:', ...ENVIRONMENT.flatMap((v) => entry(v.name, v.meaning))],
        wrap("Credentials come from the AWS SDK's default chain: environment variables, AWS_PROFILE (SSO included), a web identity token, then the CodeBuild, ECS or EC2 role.", HELP_WIDTH)
    ];
    return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/json-output.ts
/**
 * --json: the action's outputs as one JSON object on stdout, rendered from the same values the
 * action sets (`"failed-packs": ["beta"]`, the `compliance` output with every rule), in the
 * order the action sets them.
 */
function renderJson(outputs) {
    return `${JSON.stringify(outputs, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/cli/terminal-destination.ts
/**
 * The command's destination: annotations are log lines (`error: …`); the failure line and the
 * closing lines are kept for the command to print once the run is over, so they come after the
 * table, as on the runner's page the step's line comes last.
 */
function terminalDestination(terminal) {
    let failLine;
    let publishing = false;
    const closing = [];
    return {
        // The command renders the outputs and the summary from the run's report itself.
        setOutputs: () => {
            publishing = true;
        },
        writeSummary: () => Promise.resolve(),
        annotate: (level, message) => terminal[level](message),
        fail: (line) => {
            failLine = line;
        },
        results: () => ({ failLine, closing: [...closing] }),
        log: {
            info: (message) => {
                if (publishing)
                    closing.push(message);
                else
                    terminal.info(message);
            },
            warning: (message) => terminal.warning(message),
            debug: (message) => terminal.debug(message)
        }
    };
}

// EXTERNAL MODULE: ./src/packs/label.ts
var label = __webpack_require__(7252);
;// CONCATENATED MODULE: ./src/cli/terminal.ts


/**
 * Colour only on a terminal, never with --no-color, never when NO_COLOR is set to anything
 * but the empty string (no-color.org), never on a dumb terminal.
 */
function colorEnabled(stream, env, noColorFlag) {
    if (noColorFlag || stream.isTTY !== true)
        return false;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return env.TERM !== 'dumb';
}
/** --debug, or the variables that turn on a GitHub runner's debug logging. */
function debugEnabled(env, debugFlag) {
    return debugFlag || env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG?.toLowerCase() === 'true';
}
const sgr = (on, off) => (text) => `\u001b[${on}m${text}\u001b[${off}m`;
const plain = (text) => text;
/** ANSI colours, or none: the same calls either way. */
function palette(color) {
    if (!color)
        return { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
    return {
        red: sgr(31, 39),
        yellow: sgr(33, 39),
        green: sgr(32, 39),
        cyan: sgr(36, 39),
        dim: sgr(2, 22),
        bold: sgr(1, 22)
    };
}
/**
 * The one-line-per-change log for a person: no `::` workflow commands, a `warning:` or
 * `error:` prefix instead, debug lines only when asked for, the action's words in the
 * command's (command-words.ts). Messages are made safe for the
 * terminal, and a line that would start with `::` (a workflow command, should the command run
 * under a GitHub runner) is defused.
 */
function terminalLog(stream, options) {
    const paint = palette(options.color);
    const line = (prefix, message) => {
        stream.write(`${prefix}${defuse(terminalText(commandWords(message)))}\n`);
    };
    return {
        info: (m) => line('', m),
        warning: (m) => line(paint.yellow('warning: '), m),
        error: (m) => line(paint.red('error: '), m),
        notice: (m) => line(paint.cyan('notice: '), m),
        debug: (m) => {
            if (options.debug)
                line(paint.dim('debug: '), m);
        }
    };
}
/** `::error::x` at a line's start becomes `: :error::x`: shown, never obeyed. */
function defuse(text) {
    return text.replace(/^(\s*):(?=:)/gm, '$1: ');
}

;// CONCATENATED MODULE: ./src/cli/terminal-table.ts






/** The width when the terminal does not say (output piped to a file or a CI log). */
const DEFAULT_COLUMNS = 100;
/** The narrowest the reason and pack columns get before the table overflows instead. */
const MIN_REASON = 10;
const MIN_PACK = 12;
/** Failed resources, member accounts and rules listed under the table per pack. */
const DETAILS_SHOWN = 5;
const HEADERS = ['Region', 'Pack', 'State', 'Reason', 'Elapsed'];
const PACK = 1;
const REASON = 3;
/**
 * The final table of packs, one row per pack per region, drawn with box-drawing characters
 * to fit `columns` (the reason, then the pack name, are shortened to fit), then what explains
 * each failed pack. Text from AWS is stripped of controls and escape sequences first.
 */
function renderPackTable(report, options) {
    const paint = palette(options.color);
    const rows = report.regions.flatMap((region) => region.packs.map((pack) => packRow(region, pack, report, paint)));
    // No pack read in any region and the run stopped short: AWS never listed them, so there is
    // no list to show; the closing line says why.
    if (rows.length === 0)
        return report.regions.every((region) => region.problem !== undefined)
            ? ''
            : 'No conformance packs.\n';
    const withCompliance = report.regions.some((r) => r.packs.some((p) => p.compliance));
    const headers = [...HEADERS, ...(withCompliance ? ['Compliance'] : [])];
    const body = withCompliance ? rows : rows.map((row) => row.slice(0, HEADERS.length));
    const widths = fit(headers.map((h, i) => Math.max(h.length, ...body.map((row) => displayWidth(row[i].text)))), options.columns ?? DEFAULT_COLUMNS);
    const rule = (left, middle, right) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
    const line = (cells) => `│${cells
        .map((cell, i) => {
        const text = padTo(truncate(cell.text, widths[i]), widths[i]);
        return ` ${cell.paint ? cell.paint(text) : text} `;
    })
        .join('│')}│`;
    const lines = [
        rule('┌', '┬', '┐'),
        line(headers.map((text) => ({ text, paint: paint.bold }))),
        rule('├', '┼', '┤'),
        ...body.map(line),
        rule('└', '┴', '┘'),
        ...details(report)
    ];
    return `${lines.join('\n')}\n`;
}
/** Column widths that fit `columns`: the reason gives way first, then the pack name. */
function fit(natural, columns) {
    const widths = [...natural];
    const total = () => widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1;
    let over = total() - columns;
    if (over <= 0)
        return widths;
    const give = (i, min) => {
        const cut = Math.min(over, Math.max(0, widths[i] - min));
        widths[i] -= cut;
        over -= cut;
    };
    give(REASON, MIN_REASON);
    give(PACK, MIN_PACK);
    return widths;
}
function packRow(region, pack, report, paint) {
    const [mark, color] = markOf(region, pack, report, paint);
    const compliance = pack.compliance?.compliance;
    return [
        { text: region.region },
        { text: terminalLine(pack.name) },
        { text: `${mark} ${pack.state}`, paint: color },
        { text: terminalLine(pack.reason ?? '') },
        { text: pack.durationMs === undefined ? '' : (0,pack_text/* formatDuration */.a3)(pack.durationMs) },
        {
            text: compliance ?? '',
            paint: compliance && COMPLIANCE_PAINT[compliance](paint)
        }
    ];
}
const COMPLIANCE_PAINT = {
    COMPLIANT: (p) => p.green,
    NON_COMPLIANT: (p) => p.red,
    INSUFFICIENT_DATA: (p) => p.yellow
};
function markOf(region, pack, report, paint) {
    if ((0,pack_state/* isDeleted */.oy)(pack.state))
        return ['-', paint.dim];
    switch (packOutcome(region.verdict, pack.name)) {
        case 'passed':
            return ['✓', paint.green];
        case 'failed':
            return ['✗', paint.red];
        case 'missing':
            return ['?', report.missingPack === 'fail' ? paint.red : paint.yellow];
        case 'pending':
            return ['…', paint.yellow];
        case 'other':
            return ['·', paint.dim];
    }
}
/** Resources named on a rule's line under the table before the rest are counted. */
const RESOURCES_ON_LINE = 3;
/**
 * `rule r NON_COMPLIANT: AWS::S3::Bucket a, AWS::S3::Bucket b`; with a baseline, the new
 * resources named and the known ones counted.
 */
function ruleLine(rule) {
    const fresh = rule.nonCompliantResources.filter((r) => r.baseline !== 'known');
    const known = rule.nonCompliantResources.length - fresh.length;
    const named = fresh.slice(0, RESOURCES_ON_LINE).map((r) => `${r.resourceType} ${r.resourceId}`);
    const more = fresh.length - named.length;
    const parts = [
        ...(named.length ? [`${named.join(', ')}${more ? ` and ${more} more` : ''}`] : []),
        ...(known ? [`${known} known in the baseline`] : [])
    ];
    return `rule ${rule.name} NON_COMPLIANT${parts.length ? `: ${parts.join('; ')}` : ''}`;
}
/** Under the table: each failed pack's resources or accounts, each non-compliant pack's rules. */
function details(report) {
    const lines = [];
    const several = report.regions.length > 1;
    for (const region of report.regions) {
        for (const pack of region.packs) {
            const name = terminalLine((0,label/* packLabel */.E)(region.region, pack.name, several));
            const items = [
                ...(pack.failedResources ?? []).map((r) => `${r.logicalId} (${r.type}) ${r.status}${r.reason ? `: ${r.reason}` : ''}`),
                ...(pack.failedAccounts ?? []).map((a) => `account ${a.accountId}${a.status ? ` ${a.status}` : ''}${a.errorCode ? ` (${a.errorCode})` : ''}${a.message ? `: ${a.message}` : ''}`),
                ...(pack.compliance?.rules ?? [])
                    .filter((rule) => rule.compliance === 'NON_COMPLIANT')
                    .map(ruleLine)
            ];
            if (items.length === 0)
                continue;
            lines.push('', `${name}:`);
            for (const item of items.slice(0, DETAILS_SHOWN))
                lines.push(`  - ${terminalLine(item)}`);
            if (items.length > DETAILS_SHOWN)
                lines.push(`  - and ${items.length - DETAILS_SHOWN} more`);
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/cli/command.ts













/**
 * The command: flags → the pipeline → the table, the closing line, the files and --json →
 * the exit code. A bad flag or value is refused before anything is asked of AWS.
 */
async function runCommand(deps) {
    const { stdout, stderr, env } = deps;
    const line = parseCommandLine(deps.args, INPUT_SPECS);
    switch (line.kind) {
        case 'help':
            stdout.write(helpText(INPUT_SPECS));
            return exit_code/* EXIT */.dc.success;
        case 'version':
            stdout.write(`${deps.version}\n`);
            return exit_code/* EXIT */.dc.success;
        case 'usage-error':
            return usage(stderr, line.message);
    }
    const inputs = await withProfileRegion(line.inputs, deps);
    // Every flag is checked before anything is asked of AWS.
    try {
        (0,src_inputs/* parseInputs */.TL)(inputs, env);
    }
    catch (error) {
        return usage(stderr, inputErrorMessage(error));
    }
    return run(deps, inputs, line.options);
}
/** Without --region, AWS_REGION or AWS_DEFAULT_REGION: the profile's region, as the AWS CLI takes it. */
async function withProfileRegion(source, deps) {
    if (source.getInput('region') !== '' || deps.env.AWS_REGION || deps.env.AWS_DEFAULT_REGION)
        return source;
    const region = await deps.profileRegion();
    if (region === undefined)
        return source;
    return {
        ...source,
        getInput: (name) => (name === 'region' ? region : source.getInput(name)),
        getMultilineInput: (name) => (name === 'region' ? [region] : source.getMultilineInput(name))
    };
}
async function run(deps, source, options) {
    const { stdout, stderr, env } = deps;
    // With --json, stdout carries the JSON alone.
    const out = options.json ? stderr : stdout;
    const color = colorEnabled(out, env, options.noColor);
    const terminal = terminalLog(out, { color, debug: debugEnabled(env, options.debug) });
    const destination = terminalDestination(terminal);
    const outcome = await deps.pipeline({ inputs: source, log: destination.log, destination });
    if (outcome.kind === 'input-error')
        return usage(stderr, inputErrorMessage(outcome.message));
    const { report } = outcome;
    const results = destination.results();
    let written = true;
    const write = async (flag, path, text) => {
        if (path === undefined)
            return;
        try {
            await deps.writeFile(path, text);
        }
        catch (error) {
            written = false;
            terminal.error(`Could not write --${flag} ${path}: ${String(error)}`);
        }
    };
    for (const file of REPORT_FILES)
        await write(file.flag, options.files.get(file.flag), file.render(report));
    out.write(renderPackTable(commandReport(report), {
        color,
        columns: out.isTTY === true ? out.columns : undefined
    }));
    for (const closing of results.closing)
        terminal.info(closing);
    if (results.failLine !== undefined)
        terminal.error(report.verdict.result === 'timeout'
            ? deadlineWords(results.failLine, report.inputs.timeoutMs)
            : results.failLine);
    if (options.json)
        stdout.write(renderJson((0,publish/* outputsOf */.Yz)(report)));
    const { verdict } = report;
    const code = (0,exit_code/* exitCode */.I$)({ kind: 'result', result: verdict.result, failStep: verdict.failStep }, deps.signalled());
    // A report asked for and not written is a failure of its own.
    return code === exit_code/* EXIT */.dc.success && !written ? exit_code/* EXIT */.dc.failure : code;
}
function usage(stderr, message) {
    stderr.write(`${COMMAND}: ${message}\n`);
    return exit_code/* EXIT */.dc.usage;
}
function inputErrorMessage(error) {
    // Each bad value on its own line, each in the flag's words.
    if (error instanceof src_inputs/* InputErrors */.G)
        return [
            `${error.errors.length} flag values are invalid:`,
            ...error.errors.map((e) => `  ${flagError(e)}`)
        ].join('\n');
    if (error instanceof src_inputs/* InputError */.dz)
        return flagError(error);
    return flagMessage(typeof error === 'string' ? error : `Invalid input: ${String(error)}`, INPUT_SPECS);
}
/** One bad value in the flag's words; no region at all says where one can come from. */
function flagError(error) {
    if (error.input === 'region' && error.value === '')
        return NO_REGION;
    return flagMessage(error.message, INPUT_SPECS);
}


/***/ }),

/***/ 253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ complianceAnnotations),
/* harmony export */   _G: () => (/* binding */ ruleErrorText),
/* harmony export */   jo: () => (/* binding */ INSUFFICIENT_DATA_MEANING)
/* harmony export */ });
/* unused harmony export RESOURCES_ANNOTATED */
/* harmony import */ var _evaluation_compliance_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4289);

/** What INSUFFICIENT_DATA means, for the summary and the annotations. */
const INSUFFICIENT_DATA_MEANING = 'INSUFFICIENT_DATA means AWS Config has no evaluation results for the pack yet: its rules have not been evaluated, or no resources are in their scope.';
/** Non-compliant resources of a rule named in an annotation. */
const RESOURCES_ANNOTATED = 3;
/**
 * A line per pack that is not COMPLIANT, and per pack with rules that failed to evaluate.
 * NON_COMPLIANT and failed rules fail the step under `require` (an error) and only warn under
 * `report`; INSUFFICIENT_DATA warns, unless the pack's rules were judged (a pack that lists no
 * rule still warns: it checked nothing).
 * `label` is how a pack is named (with its region when several are awaited).
 */
function complianceAnnotations(packs, mode, label) {
    const notes = [];
    const level = mode === 'require' ? 'error' : 'warning';
    for (const pack of packs) {
        const shown = label(pack.name);
        if (pack.compliance === 'NON_COMPLIANT') {
            const rules = pack.nonCompliantRules;
            const byName = new Map((pack.rules ?? []).map((r) => [r.name, r]));
            notes.push({
                level,
                title: `Conformance pack ${shown}: NON_COMPLIANT`,
                message: rules.length > 0
                    ? `${shown} is NON_COMPLIANT: ${rules.length} rule(s) not compliant: ${rules.map((r) => r + resourcesText(byName.get(r))).join(', ')}`
                    : `${shown} is NON_COMPLIANT (AWS Config listed no non-compliant rule).`
            });
        }
        else if (pack.compliance === 'INSUFFICIENT_DATA' &&
            // Judged rules say for themselves what they are; a pack without any checked nothing.
            !pack.rules?.length) {
            notes.push({
                level: 'warning',
                title: `Conformance pack ${shown}: INSUFFICIENT_DATA`,
                message: `${shown} is INSUFFICIENT_DATA. ${INSUFFICIENT_DATA_MEANING}`
            });
        }
        const failed = (0,_evaluation_compliance_js__WEBPACK_IMPORTED_MODULE_0__/* .rulesWith */ .qS)(pack, 'EVALUATION_FAILED');
        if (failed.length) {
            notes.push({
                level,
                title: `Conformance pack ${shown}: rule evaluation failed`,
                message: `${shown}: ${failed.length} rule(s) failed to evaluate: ${failed.map((r) => `${r.name} (${ruleErrorText(r)})`).join(', ')}`
            });
        }
    }
    return notes;
}
/** The first few non-compliant resources of a rule, for a one-line annotation. */
function resourcesText(rule) {
    const resources = rule?.nonCompliantResources ?? [];
    if (!resources.length)
        return '';
    const shown = resources
        .slice(0, RESOURCES_ANNOTATED)
        .map((r) => `${r.resourceType} ${r.resourceId}`);
    const more = resources.length - shown.length;
    return ` (${shown.join(', ')}${more ? ` and ${more} more` : ''})`;
}
/** Why a rule failed to evaluate, as AWS said it. */
function ruleErrorText(rule) {
    if (!rule.error)
        return 'no reason given';
    return rule.error.message ? `${rule.error.code}: ${rule.error.message}` : rule.error.code;
}


/***/ }),

/***/ 4289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nt: () => (/* binding */ verdictText),
/* harmony export */   qS: () => (/* binding */ rulesWith),
/* harmony export */   zV: () => (/* binding */ complianceOfEvaluation)
/* harmony export */ });
/* unused harmony exports packCompliance, rollUp */
const RESULTS = {
    compliant: 'COMPLIANT',
    'non-compliant': 'NON_COMPLIANT',
    'nothing-in-scope': 'NOT_APPLICABLE',
    'evaluation-failed': 'EVALUATION_FAILED',
    unevaluated: 'NOT_EVALUATED'
};
/** The evaluation wait's result in the shape the gate and the publishers read. */
function complianceOfEvaluation(read) {
    switch (read.kind) {
        case 'done':
            return { kind: 'done', packs: read.packs.map(packCompliance) };
        case 'timeout':
            return { kind: 'timeout', packs: read.packs.map(packCompliance), message: read.message };
        case 'error':
            return { kind: 'error', message: read.message };
        case 'cancelled':
            return { kind: 'cancelled' };
    }
}
function packCompliance(pack) {
    const rules = pack.judgement.rules.map((rule) => ruleEntry(rule, pack));
    return {
        name: pack.name,
        compliance: rollUp(pack.judgement.counts),
        nonCompliantRules: rules.filter((r) => r.compliance === 'NON_COMPLIANT').map((r) => r.name),
        rules,
        evaluation: { ...pack.judgement.counts, durationMs: pack.durationMs }
    };
}
/**
 * The pack's compliance from its judged rules: a non-compliant rule makes it NON_COMPLIANT; a
 * compliant one (the rest compliant, out of scope, failed or unevaluated) COMPLIANT; else it
 * has no result at all.
 */
function rollUp(counts) {
    if (counts.nonCompliant)
        return 'NON_COMPLIANT';
    if (counts.compliant)
        return 'COMPLIANT';
    return 'INSUFFICIENT_DATA';
}
function ruleEntry(rule, pack) {
    const v = rule.verdict;
    const at = v.kind === 'evaluation-failed'
        ? v.failedAt
        : v.kind === 'unevaluated'
            ? undefined
            : v.evaluatedAt;
    const read = v.kind === 'non-compliant' ? pack.resources.get(rule.name) : undefined;
    return {
        name: rule.name,
        compliance: RESULTS[v.kind],
        ...(at !== undefined ? { evaluatedAt: new Date(at).toISOString() } : {}),
        ...(v.kind === 'evaluation-failed' ? { error: v.error } : {}),
        nonCompliantResources: read?.resources ?? [],
        ...(read?.kind === 'capped' ? { resourcesTruncated: true } : {})
    };
}
/** The rules of a pack with a verdict, when its rules were judged. */
function rulesWith(pack, compliance) {
    return (pack.rules ?? []).filter((r) => r.compliance === compliance);
}
/** A settled rule's verdict, for the log. */
function verdictText(verdict) {
    switch (verdict.kind) {
        case 'compliant':
        case 'non-compliant':
            return `${RESULTS[verdict.kind]} (evaluated ${new Date(verdict.evaluatedAt).toISOString()})`;
        case 'nothing-in-scope':
            return `evaluated with nothing in scope (${new Date(verdict.evaluatedAt).toISOString()})`;
        case 'evaluation-failed':
            return `failed to evaluate: ${verdict.error.code}${verdict.error.message ? `: ${verdict.error.message}` : ''}`;
        case 'unevaluated':
            return 'not evaluated yet';
    }
}


/***/ }),

/***/ 9076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ RULE_EVALUATION_IAM_ACTIONS),
/* harmony export */   M8: () => (/* binding */ readNonCompliantResources),
/* harmony export */   PO: () => (/* binding */ MAX_STATUS_NAMES),
/* harmony export */   Sp: () => (/* binding */ readResultTimes),
/* harmony export */   VN: () => (/* binding */ chunks),
/* harmony export */   hG: () => (/* binding */ MAX_DETAIL_RULE_NAMES),
/* harmony export */   rX: () => (/* binding */ MAX_START_NAMES),
/* harmony export */   r_: () => (/* binding */ readStatuses),
/* harmony export */   zc: () => (/* binding */ readPackRules)
/* harmony export */ });
/* unused harmony export DEFAULT_RESOURCE_PAGE_CAP */
/* harmony import */ var _shared_paging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5045);

/** Most names DescribeConfigRuleEvaluationStatus and StartConfigRulesEvaluation accept. */
const MAX_STATUS_NAMES = 25;
const MAX_START_NAMES = 25;
/** Most rule names GetConformancePackComplianceDetails filters by. */
const MAX_DETAIL_RULE_NAMES = 10;
const RULE_EVALUATION_IAM_ACTIONS = {
    rules: 'config:DescribeConformancePackCompliance',
    statuses: 'config:DescribeConfigRuleEvaluationStatus',
    results: 'config:GetConformancePackComplianceDetails',
    start: 'config:StartConfigRulesEvaluation'
};
/**
 * Whole reads over a RuleEvaluationSource: batches of names and every page. A failed request
 * throws, as the source raised it; the caller's loop retries or gives up.
 */
/** Pages read for one rule's non-compliant resources: 100 pages of 100. */
const DEFAULT_RESOURCE_PAGE_CAP = 100;
/** Every rule of a pack, all pages; with `rules` (at most 10 names), only those. */
async function readPackRules(source, pack, signalFor, rules) {
    return allPages('DescribeConformancePackCompliance', (token) => source.packRules(pack, token, signalFor(), rules));
}
/** The statuses of the rules named, 25 names a call, all pages, by rule name. */
async function readStatuses(source, rules, signalFor) {
    const statuses = new Map();
    for (const batch of chunks(rules, MAX_STATUS_NAMES)) {
        const items = await allPages('DescribeConfigRuleEvaluationStatus', (token) => source.statuses(batch, token, signalFor()));
        for (const status of items)
            statuses.set(status.name, status);
    }
    return statuses;
}
/** The newest result times of the rules named (those whose status says nothing). */
async function readResultTimes(source, pack, rules, signalFor) {
    const times = new Map(rules.map((r) => [r, { results: 0 }]));
    for (const batch of chunks(rules, MAX_DETAIL_RULE_NAMES)) {
        const results = await allPages('GetConformancePackComplianceDetails', (token) => source.results(pack, { rules: batch }, token, signalFor()));
        for (const r of results) {
            const before = times.get(r.rule) ?? { results: 0 };
            times.set(r.rule, {
                results: before.results + 1,
                latestInvokedAt: newest(before.latestInvokedAt, r.invokedAt),
                latestRecordedAt: newest(before.latestRecordedAt, r.recordedAt)
            });
        }
    }
    return times;
}
/** A rule's every non-compliant resource, up to `maxPages` pages. */
async function readNonCompliantResources(source, pack, rule, signalFor, maxPages = DEFAULT_RESOURCE_PAGE_CAP) {
    const listing = await (0,_shared_paging_js__WEBPACK_IMPORTED_MODULE_0__/* .readPagesSoFar */ .QM)('GetConformancePackComplianceDetails', (token) => source.results(pack, { rules: [rule], compliance: 'NON_COMPLIANT' }, token, signalFor()), (page) => page.nextToken, maxPages);
    const resources = listing.pages.flatMap((page) => page.items.flatMap((r) => 
    // The filter asks for NON_COMPLIANT only; a stray other answer is not a failing resource.
    r.rule !== rule || r.compliance !== 'NON_COMPLIANT'
        ? []
        : [
            {
                resourceType: r.resourceType,
                resourceId: r.resourceId,
                ...(r.annotation ? { annotation: r.annotation } : {})
            }
        ]));
    // Past the cap, or a token handed back again: either way the list is incomplete.
    return { kind: listing.kind === 'complete' ? 'complete' : 'capped', resources };
}
/**
 * Every page, until the service stops giving a token. A token handed back again throws a
 * PagingError (transient): a partial list of a pack's rules would leave rules unjudged, so the
 * round fails and is read again after the schedule's backoff. No cap: these listings are
 * bounded by the names asked.
 */
async function allPages(operation, read) {
    const pages = await (0,_shared_paging_js__WEBPACK_IMPORTED_MODULE_0__/* .readPages */ .n4)(operation, read, (page) => page.nextToken, Infinity);
    return pages.flatMap((page) => page.items);
}
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function newest(a, b) {
    return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}


/***/ }),

/***/ 5534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ localFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The local file system, a relative path taken from `base` (the workspace, or the working directory). */
function localFiles(base) {
    return {
        read: (path) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, path), 'utf8'),
        async write(path, text) {
            const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, path);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(target), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(target, text, 'utf8');
        }
    };
}


/***/ }),

/***/ 7831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  G: () => (/* binding */ InputErrors),
  TL: () => (/* binding */ parseInputs)
});

// UNUSED EXPORTS: DEFAULTS

// EXTERNAL MODULE: ./src/packs/deployment.ts
var deployment = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/input-files.ts
/** The inputs that name files, and where each goes in FileInputs. */
const FILE_INPUT_KEYS = {
    'compliance-baseline': 'complianceBaseline',
    'write-baseline': 'writeBaseline'
};
const FILE_INPUTS = Object.keys(FILE_INPUT_KEYS);
/**
 * The baseline's two paths, as given (the file port resolves them in the workspace). Both
 * need the rules' compliance read: under `compliance: ignore` there are no findings.
 */
function parseFileInputs(source, compliance, invalid) {
    const paths = {};
    for (const [input, key] of Object.entries(FILE_INPUT_KEYS)) {
        const value = source.getInput(input);
        if (value === '')
            continue;
        if (compliance === 'ignore')
            throw invalid(input, value, 'needs compliance report or require: with compliance ignore no finding is read');
        paths[key] = value;
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/inputs.ts

/** A bad input value, reported before any API call. The message names the input and quotes the value. */
class InputError extends Error {
    input;
    value;
    constructor(input, value, problem) {
        super(`Input '${input}' ${problem}, got ${JSON.stringify(value)}`);
        this.input = input;
        this.value = value;
        this.name = 'InputError';
    }
}
/**
 * Several bad inputs at once, so that one run shows every fix. Still an InputError: `input`
 * and `value` are the first problem's, and the message lists each problem as its own
 * InputError words it.
 */
class InputErrors extends InputError {
    errors;
    constructor(errors) {
        super(errors[0].input, errors[0].value, '');
        this.errors = errors;
        this.message = `${errors.length} inputs are invalid: ${errors.map((e) => e.message).join('; ')}`;
        this.name = 'InputErrors';
    }
}
const DEFAULTS = {
    'timeout-seconds': '1800',
    'min-delay-seconds': '10',
    'max-delay-seconds': '60',
    'missing-pack': 'fail',
    'fail-on-failure': 'true',
    'explain-failures': 'true',
    scope: 'account',
    compliance: 'ignore',
    'start-evaluation': 'false',
    'check-name': 'AWS Config conformance packs'
};
const PACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const MAX_PACK_NAME_LENGTH = { account: 256, organization: 128 };
const SCOPES = ['account', 'organization'];
const COMPLIANCE_MODES = ['ignore', 'report', 'require'];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const MISSING_PACK_POLICIES = ['fail', 'wait', 'ignore'];

/**
 * Every input, each parsed on its own so that one error lists every bad value. Longer than 60
 * lines on purpose: one line per input, in action.yml's order, reads better than a split.
 */
function parseInputs(source, env) {
    const errors = [];
    const attempt = (parse) => {
        try {
            return parse();
        }
        catch (error) {
            if (!(error instanceof InputError))
                throw error;
            errors.push(error);
            return undefined;
        }
    };
    const scope = attempt(() => parseScope(inputs_valueOf(source, 'scope')));
    const names = attempt(() => parseNames(source, scope ?? 'account'));
    const regions = attempt(() => parseRegions(source, env));
    const timeoutMs = attempt(() => parseSeconds(source, 'timeout-seconds'));
    const minDelayMs = attempt(() => parseSeconds(source, 'min-delay-seconds'));
    const maxDelayMs = attempt(() => parseSeconds(source, 'max-delay-seconds'));
    if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs) {
        errors.push(new InputError('max-delay-seconds', inputs_valueOf(source, 'max-delay-seconds'), `must be at least min-delay-seconds (${inputs_valueOf(source, 'min-delay-seconds')})`));
    }
    if (minDelayMs !== undefined && timeoutMs !== undefined && minDelayMs >= timeoutMs) {
        errors.push(new InputError('min-delay-seconds', inputs_valueOf(source, 'min-delay-seconds'), `must be less than timeout-seconds (${JSON.stringify(inputs_valueOf(source, 'timeout-seconds'))}): a first delay that long leaves no time for a second poll before the deadline`));
    }
    const missingPack = attempt(() => parseMissingPack(inputs_valueOf(source, 'missing-pack')));
    const failOnFailure = attempt(() => parseBoolean(source, 'fail-on-failure'));
    const explainFailures = attempt(() => parseBoolean(source, 'explain-failures'));
    const compliance = attempt(() => parseCompliance(inputs_valueOf(source, 'compliance'), scope ?? 'account'));
    const startEvaluation = attempt(() => parseBoolean(source, 'start-evaluation'));
    const requestedAfter = attempt(() => parseRequestedAfter(source.getInput('requested-after')));
    const files = attempt(() => parseFileInputs(source, compliance, (...bad) => new InputError(...bad)));
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new InputErrors(errors);
    // Every value is defined here: an undefined one has left an error behind.
    return {
        names,
        scope: scope,
        regions: regions,
        timeoutMs: timeoutMs,
        minDelayMs: minDelayMs,
        maxDelayMs: maxDelayMs,
        missingPack: missingPack,
        failOnFailure: failOnFailure,
        explainFailures: explainFailures,
        compliance: compliance,
        startEvaluation: startEvaluation,
        requestedAfter,
        files: files,
        githubToken: source.getInput('github-token'),
        checkName: inputs_valueOf(source, 'check-name')
    };
}
function parseRequestedAfter(value) {
    if (value === '')
        return undefined;
    const time = (0,deployment/* parseIsoTime */.sX)(value);
    if (time === undefined) {
        throw new InputError('requested-after', value, 'must be an ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z (date -u +%Y-%m-%dT%H:%M:%SZ)');
    }
    return time;
}
function parseCompliance(value, scope) {
    const mode = COMPLIANCE_MODES.find((m) => m === value.toLowerCase());
    if (!mode)
        throw new InputError('compliance', value, `must be one of ${COMPLIANCE_MODES.join(', ')}`);
    if (mode !== 'ignore' && scope === 'organization') {
        throw new InputError('compliance', value, 'applies to the account scope only: with scope organization, a cross-account compliance view needs an AWS Config aggregator; set compliance to ignore');
    }
    return mode;
}
function parseScope(value) {
    const scope = SCOPES.find((s) => s === value.toLowerCase());
    if (!scope)
        throw new InputError('scope', value, `must be one of ${SCOPES.join(', ')}`);
    return scope;
}
/** Newlines and/or commas separate the items of a list input; blanks are dropped, duplicates folded. */
function listOf(source, input) {
    const items = source
        .getMultilineInput(input)
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
    return [...new Set(items)];
}
function parseNames(source, scope) {
    const raw = source.getInput('conformance-pack-names');
    if (raw === '')
        return undefined;
    const names = listOf(source, 'conformance-pack-names');
    if (names.length === 0) {
        throw new InputError('conformance-pack-names', raw, 'holds only separators: give pack names, or leave it empty to wait for every pack in the region');
    }
    for (const name of names) {
        if (name.length > MAX_PACK_NAME_LENGTH[scope] || !PACK_NAME.test(name)) {
            throw new InputError('conformance-pack-names', name, `has an invalid ${scope === 'organization' ? 'organization ' : ''}conformance pack name (1-${MAX_PACK_NAME_LENGTH[scope]} characters: a letter, then letters, digits and hyphens)`);
        }
    }
    return names;
}
function parseRegions(source, env) {
    const input = source.getInput('region');
    if (input === '')
        return [parseRegion('', env)];
    const regions = listOf(source, 'region');
    if (regions.length === 0) {
        throw new InputError('region', input, 'holds only separators: give one or more region names such as us-east-1');
    }
    return regions.map((region) => parseRegion(region, env));
}
function parseRegion(input, env) {
    const [origin, value] = input
        ? ['region', input]
        : env.AWS_REGION
            ? ['AWS_REGION', env.AWS_REGION]
            : env.AWS_DEFAULT_REGION
                ? ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
                : [undefined, ''];
    if (origin === undefined) {
        throw new InputError('region', '', 'is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set: name the region (for example us-east-1), or set it with aws-actions/configure-aws-credentials');
    }
    const region = value.trim();
    if (!REGION.test(region)) {
        const where = origin === 'region' ? '' : ` (taken from ${origin})`;
        throw new InputError('region', value, `is not an AWS region name such as us-east-1${where}`);
    }
    return region;
}
function parseSeconds(source, input) {
    const value = inputs_valueOf(source, input);
    const seconds = DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new InputError(input, value, 'must be a number of seconds greater than 0 (decimals allowed)');
    }
    return Math.max(1, Math.round(seconds * 1000));
}
function parseMissingPack(value) {
    const policy = MISSING_PACK_POLICIES.find((p) => p === value.toLowerCase());
    const choices = MISSING_PACK_POLICIES.join(', ');
    if (!policy)
        throw new InputError('missing-pack', value, `must be one of ${choices}`);
    return policy;
}
function parseBoolean(source, input) {
    if (source.getInput(input) === '')
        return DEFAULTS[input] === 'true';
    try {
        return source.getBooleanInput(input);
    }
    catch {
        throw new InputError(input, source.getInput(input), 'must be a boolean (true or false)');
    }
}
/** The trimmed input, or its default when absent or empty. */
function inputs_valueOf(source, input) {
    return source.getInput(input) || DEFAULTS[input];
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GM: () => (/* binding */ describeEarlier),
/* harmony export */   Ik: () => (/* binding */ CLOCK_SKEW_ALLOWANCE_MS),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   OR: () => (/* binding */ earlierOf),
/* harmony export */   Qr: () => (/* binding */ checkDeployment),
/* harmony export */   S3: () => (/* binding */ describeWaitingFor),
/* harmony export */   sX: () => (/* binding */ parseIsoTime),
/* harmony export */   tY: () => (/* binding */ earlierDeployments)
/* harmony export */ });
/**
 * How far the runner's clock may be ahead of AWS's before a deployment requested after
 * `requested-after` looks older than it. Hosted runners and AWS keep their clocks in sync
 * to well under a second, and AWS refuses signed requests from a clock more than 5 minutes
 * off; 30 s is ample for that, and still far less than a deployment takes, so an earlier
 * deployment is not mistaken for the awaited one unless it was requested within 30 s of it.
 */
const CLOCK_SKEW_ALLOWANCE_MS = 30_000;
/**
 * When the deployment a record shows was requested: LastUpdateRequestedTime, or an
 * organization pack's LastUpdateTime (the last change of its status, which a new deployment
 * moves on as well).
 */
function deploymentTime(detail) {
    return detail.requestedAt ?? detail.updatedAt;
}
/**
 * The one rule of `requested-after`: a pack the service answered for whose deployment was
 * requested before `requestedAfter` (less the clock allowance) still shows an earlier
 * deployment, whatever its state, and is awaited. A record with no time cannot be compared
 * and is taken as it is; so is every pack when `requestedAfter` is undefined.
 */
function checkDeployment(status, requestedAfter) {
    if (requestedAfter === undefined)
        return status;
    switch (status.state) {
        case 'UNKNOWN':
        case 'NOT_FOUND':
        case 'DELETE_COMPLETE':
        case 'PREVIOUS_DEPLOYMENT':
            return status;
    }
    const shown = deploymentTime(status.detail);
    if (!shown || shown.getTime() >= requestedAfter - CLOCK_SKEW_ALLOWANCE_MS)
        return status;
    return {
        name: status.name,
        state: 'PREVIOUS_DEPLOYMENT',
        detail: status.detail,
        shownRequestedAt: shown,
        awaitedAfter: new Date(requestedAfter)
    };
}
/** What a pack still showing an earlier deployment shows; undefined for any other pack. */
function earlierOf(status) {
    if (status.state !== 'PREVIOUS_DEPLOYMENT')
        return undefined;
    return {
        name: status.name,
        state: status.detail.state,
        requestedAt: status.shownRequestedAt,
        awaitedAfter: status.awaitedAfter
    };
}
/** Every pack of `packs` that still shows an earlier deployment. */
function earlierDeployments(packs) {
    return packs.flatMap((p) => earlierOf(p) ?? []);
}
/** `still shows the deployment requested at 2026-11-30T07:00:00Z (CREATE_FAILED); waiting for the one requested after 2026-12-01T08:00:00Z` */
function describeWaitingFor(earlier) {
    return `still shows the deployment requested at ${isoTime(earlier.requestedAt)} (${earlier.state}); waiting for the one requested after ${isoTime(earlier.awaitedAfter)}`;
}
/** `alpha still shows an older deployment (CREATE_FAILED, requested at …), not one requested after …` */
function describeEarlier(earlier) {
    return `${earlier.name} still shows an older deployment (${earlier.state}, requested at ${isoTime(earlier.requestedAt)}), not one requested after ${isoTime(earlier.awaitedAfter)}`;
}
/** ISO 8601 in UTC, without the milliseconds when there are none. */
function isoTime(date) {
    return date.toISOString().replace(/\.000Z$/, 'Z');
}
const TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(?:[Zz]|([+-])(\d\d):(\d\d))$/;
/**
 * An ISO 8601 time with a time zone (`2026-12-01T08:00:00Z`, `2026-12-01T09:00:00+01:00`)
 * as epoch ms; undefined when it is not one. Without a zone a time would depend on the
 * runner's. Read field by field: Date.parse quietly rolls 2026-02-30 over into March.
 */
function parseIsoTime(value) {
    const m = TIME.exec(value);
    if (!m)
        return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map((f) => Number(f ?? 0));
    const fraction = Math.floor(Number(m[7] ?? 0) * 1000);
    const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
    const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction));
    // A field out of range (month 13, 24:00, 02-30) comes back as a different date.
    const fieldsHold = local.getUTCFullYear() === year &&
        local.getUTCMonth() === month - 1 &&
        local.getUTCDate() === day &&
        local.getUTCHours() === hour &&
        local.getUTCMinutes() === minute &&
        local.getUTCSeconds() === second;
    if (!fieldsHold || offsetHours > 23 || offsetMinutes > 59)
        return undefined;
    const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    return local.getTime() - offset;
}


/***/ }),

/***/ 7252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ packLabel)
/* harmony export */ });
/**
 * How a pack is named in lists that span regions (outputs, annotations, the step's line):
 * `region/name` when the run waits in several regions, the plain name in one.
 */
function packLabel(region, name, severalRegions) {
    return severalRegions ? `${region}/${name}` : name;
}


/***/ }),

/***/ 1660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ accountFailed)
/* harmony export */ });
/* harmony import */ var _pack_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5977);

/** Whether the pack's deployment failed in this account. */
function accountFailed(account) {
    return (0,_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isFailed */ .Ix)(account.status);
}


/***/ }),

/***/ 5977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ found),
/* harmony export */   Ge: () => (/* binding */ absent),
/* harmony export */   Ix: () => (/* binding */ isFailed),
/* harmony export */   Rw: () => (/* binding */ detailOf),
/* harmony export */   _p: () => (/* binding */ byAttention),
/* harmony export */   mm: () => (/* binding */ isPending),
/* harmony export */   oy: () => (/* binding */ isDeleted),
/* harmony export */   sG: () => (/* binding */ outcomeOf)
/* harmony export */ });
/* unused harmony exports SERVICE_STATES, ORGANIZATION_STATES, ATTENTION_RANK, isServiceState, isReportedState */
/** The five states DescribeConformancePackStatus reports for an account's packs. */
const SERVICE_STATES = [
    'CREATE_IN_PROGRESS',
    'CREATE_COMPLETE',
    'CREATE_FAILED',
    'DELETE_IN_PROGRESS',
    'DELETE_FAILED'
];
/** The nine states DescribeOrganizationConformancePackStatuses reports for organization packs. */
const ORGANIZATION_STATES = ['CREATE', 'UPDATE', 'DELETE'].flatMap((op) => ['IN_PROGRESS', 'SUCCESSFUL', 'FAILED'].map((phase) => `${op}_${phase}`));
/** Whether a state says the pack is gone: deleted (either scope). The one test of "deleted". */
function isDeleted(state) {
    return state === 'DELETE_COMPLETE' || state === 'DELETE_SUCCESSFUL';
}
/**
 * The order in which packs need a person's eye, wherever a list is cut short: failed first,
 * then those still pending (or never answered for), then missing ones, then the completed.
 */
const ATTENTION_RANK = {
    failed: 0,
    'in-progress': 1,
    unknown: 1,
    missing: 2,
    completed: 3
};
/** `items` in ATTENTION_RANK order of their states, keeping their own order within a rank. */
function byAttention(items, stateOf) {
    return items
        .map((item, index) => ({ item, index, rank: ATTENTION_RANK[outcomeOf(stateOf(item))] }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((x) => x.item);
}
const REPORTED_STATES = [...SERVICE_STATES, ...ORGANIZATION_STATES];
function isServiceState(value) {
    return SERVICE_STATES.includes(value ?? '');
}
function isReportedState(value) {
    return REPORTED_STATES.includes(value ?? '');
}
/**
 * Whether a deployment failed: AWS spells every failure `*_FAILED`, in a pack's state (either
 * scope), a member account's status and a stack resource's. The one test of "failed".
 */
function isFailed(state) {
    return state.endsWith('_FAILED');
}
function outcomeOf(state) {
    if (state === 'NOT_FOUND')
        return 'missing';
    if (state === 'UNKNOWN')
        return 'unknown';
    // Awaited like a deployment under way: the state it shows is an earlier deployment's.
    if (state === 'PREVIOUS_DEPLOYMENT')
        return 'in-progress';
    if (state.endsWith('_IN_PROGRESS'))
        return 'in-progress';
    if (isFailed(state))
        return 'failed';
    return 'completed';
}
/** Whether the wait must keep asking about a pack in this state: the one test of "pending". */
function isPending(state, missingPack) {
    const outcome = outcomeOf(state);
    return (outcome === 'in-progress' ||
        outcome === 'unknown' ||
        (outcome === 'missing' && missingPack === 'wait'));
}
/**
 * The status of a pack the service answered for. A state this action does not know is kept
 * as UNKNOWN, so the wait goes on rather than guessing.
 */
function found(report) {
    const { state } = report;
    if (!isReportedState(state)) {
        return { name: report.name, state: 'UNKNOWN', reason: `unrecognised state ${String(state)}` };
    }
    return { name: report.name, state, detail: { ...report, state } };
}
/**
 * The status of a pack that a successful answer left out. A deletion that was under way
 * has finished; anything else means the pack is not there (any more).
 */
function absent(previous, deleted = 'DELETE_COMPLETE') {
    switch (previous.state) {
        case 'DELETE_IN_PROGRESS':
        case 'DELETE_COMPLETE':
        case 'DELETE_SUCCESSFUL':
            return { name: previous.name, state: deleted, detail: previous.detail };
        case 'UNKNOWN':
            return { name: previous.name, state: 'NOT_FOUND' };
        default:
            return { name: previous.name, state: 'NOT_FOUND', detail: previous.detail };
    }
}
function detailOf(status) {
    return status.state === 'UNKNOWN' ? undefined : status.detail;
}


/***/ }),

/***/ 3665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ reasonOf),
/* harmony export */   Ut: () => (/* binding */ packDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sE: () => (/* binding */ deploymentDuration),
/* harmony export */   uQ: () => (/* binding */ describeChange)
/* harmony export */ });
/* harmony import */ var _deployment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _pack_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5977);


/** `3m12s`, `45s`, `1h05m`: short enough for a log line, exact enough to compare runs. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return `${h}h${String(m).padStart(2, '0')}m`;
    if (m > 0)
        return `${m}m${String(s).padStart(2, '0')}s`;
    return `${s}s`;
}
/**
 * How long a pack has taken: from its last requested update to its completion (when the
 * service reports one for this update) or else to `now`. Undefined when the request time is
 * unknown.
 */
function packDuration(status, now) {
    const detail = (0,_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .detailOf */ .Rw)(status);
    const requested = detail?.requestedAt?.getTime();
    if (requested === undefined)
        return undefined;
    const completed = detail?.completedAt?.getTime();
    const end = completed !== undefined && completed >= requested && status.state === 'CREATE_COMPLETE'
        ? completed
        : now;
    return Math.max(0, end - requested);
}
/**
 * How long the awaited deployment took, for the reports' duration columns: none for a pack
 * that is not there, and none for one that still shows an earlier deployment, whose age is not
 * how long the awaited one has taken.
 */
function deploymentDuration(status, now) {
    if ((0,_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeOf */ .sG)(status.state) === 'missing' || status.state === 'PREVIOUS_DEPLOYMENT')
        return undefined;
    return packDuration(status, now);
}
/**
 * One log line per state change: `alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 3m12s`.
 * A first sighting says how old the request is, or how long a completed pack took.
 */
function describeChange(previous, next, now) {
    const reason = (0,_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeOf */ .sG)(next.state) === 'failed' ? reasonOf(next) : undefined;
    return `${next.name}: ${transition(previous, next, now)}${reason ? `: ${reason}` : ''}`;
}
function transition(previous, next, now) {
    const duration = packDuration(next, now);
    if (previous && previous.state !== 'UNKNOWN') {
        const after = duration === undefined ? '' : ` after ${formatDuration(duration)}`;
        return `${previous.state} → ${next.state}${after}`;
    }
    const requested = (0,_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .detailOf */ .Rw)(next)?.requestedAt?.getTime();
    if (requested === undefined || duration === undefined)
        return next.state;
    return duration < now - requested
        ? `${next.state} (took ${formatDuration(duration)})`
        : `${next.state} (requested ${formatDuration(duration)} ago)`;
}
/**
 * The reason to show for a pack: the service's own, except for a pack that is gone, whose
 * last reason no longer applies.
 */
function reasonOf(status) {
    switch (status.state) {
        case 'UNKNOWN':
            return status.reason;
        case 'NOT_FOUND':
        case 'DELETE_COMPLETE':
            return undefined;
        case 'PREVIOUS_DEPLOYMENT': {
            // The earlier deployment's own reason no longer applies.
            const text = (0,_deployment_js__WEBPACK_IMPORTED_MODULE_1__/* .describeWaitingFor */ .S3)((0,_deployment_js__WEBPACK_IMPORTED_MODULE_1__/* .earlierOf */ .OR)(status));
            return text.charAt(0).toUpperCase() + text.slice(1);
        }
        case 'DELETE_SUCCESSFUL':
            // Seen deleting, then gone: the last reason no longer applies (unlike one reported so).
            return status.detail.state === 'DELETE_SUCCESSFUL' ? status.detail.reason : undefined;
        default:
            return status.detail.reason;
    }
}


/***/ }),

/***/ 5102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./src/baseline/index.ts + 6 modules
var src_baseline = __webpack_require__(8146);
;// CONCATENATED MODULE: ./src/compliance/baseline-gate.ts

/** New findings named in warnings (under `report`) before the rest are counted. */
const NEW_FINDINGS_WARNED = 5;
/** Every non-compliant resource of every rule of the packs: what a baseline judges and lists. */
function findingsOf(entries) {
    return entries.flatMap((pack) => (pack.rules ?? []).flatMap((rule) => rule.nonCompliantResources.map((r) => ({
        region: pack.region,
        pack: pack.name,
        rule: rule.name,
        resourceType: r.resourceType,
        resourceId: r.resourceId
    }))));
}
/** `region/pack/rule`: a rule of a pack in a region. */
const ruleKey = (f) => `${f.region}/${f.pack}/${f.rule}`;
const key = (f) => JSON.stringify([f.region, f.pack, f.rule, f.resourceType, f.resourceId]);
/**
 * Judges the findings against the baseline (today is the run's day), and marks each resource
 * of the entries `new` or `known` (with the entry's reason).
 */
function applyBaseline(entries, baseline, today) {
    const judgement = (0,src_baseline/* judgeFindings */.qJ)(baseline, findingsOf(entries), today);
    // Resources past the read cap are unknown: only an entry for every resource of the rule
    // (`*`, no resource type) can accept them.
    const unread = entries.flatMap((pack) => (pack.rules ?? [])
        .filter((rule) => rule.resourcesTruncated)
        .map((rule) => ({
        region: pack.region,
        pack: pack.name,
        rule: rule.name,
        resourceType: '',
        resourceId: '*'
    })));
    const unreadJudged = (0,src_baseline/* judgeFindings */.qJ)(baseline, unread, today).findings;
    const unreadNotAccepted = new Set(unreadJudged.flatMap((j) => (j.status === 'new' ? [ruleKey(j.finding)] : [])));
    const byKey = new Map(judgement.findings.map((j) => [key(j.finding), j]));
    const marked = entries.map((pack) => ({
        ...pack,
        ...(pack.rules
            ? {
                rules: pack.rules.map((rule) => ({
                    ...rule,
                    nonCompliantResources: rule.nonCompliantResources.map((r) => {
                        const judged = byKey.get(key({ ...r, region: pack.region, pack: pack.name, rule: rule.name }));
                        return judged?.status === 'known'
                            ? {
                                ...r,
                                baseline: 'known',
                                ...(judged.entry.reason ? { reason: judged.entry.reason } : {})
                            }
                            : { ...r, baseline: 'new' };
                    })
                }))
            }
            : {})
    }));
    return {
        entries: marked,
        result: {
            path: baseline.path,
            judgement,
            newFindings: judgement.findings.flatMap((j) => (j.status === 'new' ? [j.finding] : [])),
            warnings: judgement.expiringSoon.map(src_baseline/* expiringText */.gg),
            unreadNotAccepted
        }
    };
}
/**
 * The packs as the gate judges them under a baseline: only the new findings count. A
 * non-compliant rule whose every resource is known no longer makes its pack NON_COMPLIANT; one
 * whose resources could not be listed (none read), or were not all read and are not accepted
 * as a whole, stays, as nothing shows them known.
 */
function newFindingsOnly(entries, unreadNotAccepted = new Set()) {
    return entries.map((pack) => {
        if (!pack.rules)
            return pack;
        const rules = pack.rules.map((rule) => {
            if (rule.compliance !== 'NON_COMPLIANT' || rule.nonCompliantResources.length === 0)
                return rule;
            if (unreadNotAccepted.has(ruleKey({ region: pack.region, pack: pack.name, rule: rule.name })))
                return rule;
            const fresh = rule.nonCompliantResources.filter((r) => r.baseline !== 'known');
            return fresh.length
                ? { ...rule, nonCompliantResources: fresh }
                : { ...rule, compliance: 'COMPLIANT', nonCompliantResources: [] };
        });
        const nonCompliantRules = rules
            .filter((r) => r.compliance === 'NON_COMPLIANT')
            .map((r) => r.name);
        return {
            ...pack,
            rules,
            nonCompliantRules,
            compliance: nonCompliantRules.length > 0
                ? 'NON_COMPLIANT'
                : pack.compliance === 'NON_COMPLIANT'
                    ? 'COMPLIANT'
                    : pack.compliance
        };
    });
}
/** Under `report`: a warning per new finding, the first few, then a count. */
function newFindingWarnings(result) {
    const fresh = result.judgement.findings.flatMap((j) => (j.status === 'new' ? [j] : []));
    const named = fresh.slice(0, NEW_FINDINGS_WARNED).map(src_baseline/* newFindingText */.Xx);
    const more = fresh.length - named.length;
    return more > 0 ? [...named, `and ${more} more new finding(s)`] : named;
}

;// CONCATENATED MODULE: ./src/compliance/baseline-files.ts


/** What wrote a baseline file, in its first line. */
const WRITER = 'wait-for-conformance-packs';
/**
 * The `compliance-baseline` file, read and checked before any AWS call: a missing file, YAML
 * that does not parse or an entry that is wrong is an input error naming the input and path.
 */
async function loadBaseline(files, port) {
    if (files.complianceBaseline === undefined)
        return { kind: 'none' };
    try {
        const baseline = await (0,src_baseline/* readBaseline */.mF)(files.complianceBaseline, 'compliance-baseline', (p) => port.read(p));
        return { kind: 'loaded', baseline };
    }
    catch (error) {
        if (error instanceof src_baseline/* BaselineError */.s$)
            return { kind: 'invalid', message: error.message };
        throw error;
    }
}
/**
 * `write-baseline`: every non-compliant resource seen, as a baseline that accepts exactly
 * them. A path that cannot be written is a warning: the run's result stays as it is.
 */
async function writeBaselineFile(path, compliance, deps) {
    // An empty baseline would make every finding of a later gate new: write none instead.
    if (!compliance) {
        deps.log.warning(`Input 'write-baseline': nothing written to ${path}: the rules' compliance is read only after every pack deployed, and this wait did not succeed`);
        return;
    }
    if (compliance.problems.length)
        deps.log.warning(`Input 'write-baseline': ${path} holds only the findings read before the compliance read stopped: ${compliance.problems.join('; ')}`);
    const findings = findingsOf(compliance.entries);
    const text = (0,src_baseline/* renderBaseline */.qL)(findings, { writtenBy: WRITER, at: new Date(deps.now) });
    try {
        await deps.files.write(path, text);
        deps.log.info(`Wrote a baseline of ${findings.length} finding(s) to ${path}`);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.warning(`Input 'write-baseline': could not write ${path}: ${reason}`);
    }
}

// EXTERNAL MODULE: ./src/packs/label.ts
var packs_label = __webpack_require__(7252);
// EXTERNAL MODULE: ./src/compliance/annotations.ts
var compliance_annotations = __webpack_require__(253);
// EXTERNAL MODULE: ./src/compliance/evaluation-compliance.ts
var evaluation_compliance = __webpack_require__(4289);
// EXTERNAL MODULE: ./src/shared/request-policy.ts
var request_policy = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/compliance/rule-evaluation-reads.ts
var rule_evaluation_reads = __webpack_require__(9076);
;// CONCATENATED MODULE: ./src/compliance/evaluation-requests.ts


/** Thrown through the read helpers by the guarded source; the wait turns it into its result. */
class StopEvaluation extends Error {
    stop;
    constructor(stop) {
        super(`evaluation wait stopped: ${stop.kind}`);
        this.stop = stop;
        this.name = 'StopEvaluation';
    }
}
const OPERATIONS = {
    packRules: ['DescribeConformancePackCompliance', rule_evaluation_reads/* RULE_EVALUATION_IAM_ACTIONS */.Gg.rules],
    statuses: ['DescribeConfigRuleEvaluationStatus', rule_evaluation_reads/* RULE_EVALUATION_IAM_ACTIONS */.Gg.statuses],
    results: ['GetConformancePackComplianceDetails', rule_evaluation_reads/* RULE_EVALUATION_IAM_ACTIONS */.Gg.results],
    startEvaluation: ['StartConfigRulesEvaluation', rule_evaluation_reads/* RULE_EVALUATION_IAM_ACTIONS */.Gg.start]
};
/**
 * The port with every request bounded (its own timeout, the deadline, the cancellation), one
 * attempt each: a request that fails throws StopEvaluation, `transient` for what the next
 * round may retry (throttling, 5xx, a timeout), which the wait's schedule backs off from. A
 * permanent error's message names the IAM action of the call that failed.
 */
function guardedSource(port, deps) {
    async function request(method, what, send) {
        const [operation, iamAction] = OPERATIONS[method];
        if (deps.signal.aborted)
            throw new StopEvaluation({ kind: 'cancelled' });
        if (deps.deadline - deps.clock.now() <= 0)
            throw new StopEvaluation({ kind: 'timeout' });
        const bounded = (0,request_policy/* boundRequest */.on)(deps, deps.requestTimeoutMs ?? request_policy/* REQUEST_TIMEOUT_MS */.j2);
        try {
            return await send(bounded.signal);
        }
        catch (error) {
            if (deps.signal.aborted)
                throw new StopEvaluation({ kind: 'cancelled' });
            const timedOut = bounded.timedOut();
            if (!timedOut && port.isNoSuchRule(error))
                throw new StopEvaluation({ kind: 'missing', what: 'rule' });
            if (!timedOut && port.isNoSuchPack(error))
                throw new StopEvaluation({ kind: 'missing', what: 'pack' });
            const classified = transientIfResolvedBefore((0,request_policy/* classifyFailure */.XE)(error, timedOut, (e) => port.classify(e, iamAction)));
            if (classified.kind === 'permanent') {
                throw new StopEvaluation({
                    kind: 'error',
                    message: `${operation} failed: ${classified.message}`
                });
            }
            throw new StopEvaluation({
                kind: 'transient',
                message: `${operation} (${what}): ${classified.message}`
            });
        }
    }
    // The signal each read helper passes is replaced by the request's own bound.
    return {
        packRules: (pack, token, _signal, rules) => request('packRules', pack, (s) => port.packRules(pack, token, s, rules)),
        statuses: (rules, token) => request('statuses', rules.join(', '), (s) => port.statuses(rules, token, s)),
        results: (pack, filter, token) => request('results', `${pack}: ${filter.rules.join(', ')}`, (s) => port.results(pack, filter, token, s)),
        startEvaluation: (rules) => request('startEvaluation', rules.join(', '), (s) => port.startEvaluation(rules, s))
    };
}
/**
 * The evaluation is read after a wait that reached this endpoint: a host name that no longer
 * resolves (or a proxy that refuses) is a hiccup, not a misspelt region or a wrong proxy.
 */
function transientIfResolvedBefore(classified) {
    return classified.kind === 'permanent' &&
        (classified.cause === 'unresolved-host' || classified.cause === 'unreachable-proxy')
        ? { kind: 'transient', message: classified.message }
        : classified;
}
/** Whether a guarded request gave up because the rule or pack asked about is gone. */
function isMissing(error, what) {
    return (error instanceof StopEvaluation && error.stop.kind === 'missing' && error.stop.what === what);
}
/**
 * Statuses of the rules named (through a guarded source); a rule that no longer exists is
 * left out and named in `missing`.
 */
async function statusesOf(source, names, signalFor) {
    if (!names.length)
        return { statuses: new Map(), missing: [] };
    try {
        return { statuses: await (0,rule_evaluation_reads/* readStatuses */.r_)(source, names, signalFor), missing: [] };
    }
    catch (error) {
        if (!isMissing(error, 'rule'))
            throw error;
    }
    // One unknown name rejects its whole batch: ask name by name.
    const statuses = new Map();
    const missing = [];
    for (const name of names) {
        try {
            for (const [n, s] of await (0,rule_evaluation_reads/* readStatuses */.r_)(source, [name], signalFor))
                statuses.set(n, s);
        }
        catch (error) {
            if (!isMissing(error, 'rule'))
                throw error;
            missing.push(name);
        }
    }
    return { statuses, missing };
}

;// CONCATENATED MODULE: ./src/compliance/rule-judgement.ts
/**
 * Which evaluation of a conformance pack's rule belongs to the deployment being gated, and
 * what it says. Pure: every time is epoch ms, read beforehand by rule-evaluation-source.ts
 * (Config) and from the pack's stack events (CloudFormation).
 */
/** Whether an evaluation at `time` (AWS's) is recent enough for the reference. */
function isRecentEnough(reference, time) {
    if (reference === undefined)
        return true;
    if (reference.kind !== 'started')
        return time >= reference.at;
    const before = reference.started.lastBefore;
    return before === undefined || time > before;
}
function judgePack(input) {
    const rules = input.rules.map((rule) => judgeRule(rule, input));
    const count = (kind) => rules.filter((r) => r.verdict.kind === kind).length;
    return {
        rules,
        counts: {
            compliant: count('compliant'),
            nonCompliant: count('non-compliant'),
            nothingInScope: count('nothing-in-scope'),
            failed: count('evaluation-failed'),
            unevaluated: count('unevaluated')
        },
        settled: rules.every((r) => r.verdict.kind !== 'unevaluated'),
        unverifiedChanges: rules.filter((r) => r.unverifiedChange).map((r) => r.name)
    };
}
function judgeRule(rule, input) {
    const status = input.statuses.get(rule.name);
    const reference = referenceOf(rule.name, status, input);
    const unverifiedChange = reference === undefined && (input.stack?.kind ?? 'unreadable') !== 'read';
    const evaluatedAt = evaluationTime(status, input.resultTimes?.get(rule.name));
    const counted = evaluatedAt !== undefined && isRecentEnough(reference, evaluatedAt) ? evaluatedAt : undefined;
    const failure = failureOf(status);
    if (failure && (failure.at === undefined || isRecentEnough(reference, failure.at))) {
        const newerSuccess = counted !== undefined && failure.at !== undefined && counted > failure.at;
        if (!newerSuccess && (counted === undefined || failure.at !== undefined)) {
            return {
                name: rule.name,
                verdict: {
                    kind: 'evaluation-failed',
                    ...(failure.at !== undefined ? { failedAt: failure.at } : {}),
                    error: failure.error
                },
                unverifiedChange: false
            };
        }
    }
    if (counted === undefined) {
        return {
            name: rule.name,
            verdict: reference ? { kind: 'unevaluated', after: reference } : { kind: 'unevaluated' },
            unverifiedChange: false
        };
    }
    const kind = rule.compliance === 'NON_COMPLIANT'
        ? 'non-compliant'
        : rule.compliance === 'COMPLIANT'
            ? 'compliant'
            : 'nothing-in-scope';
    return { name: rule.name, verdict: { kind, evaluatedAt: counted }, unverifiedChange };
}
/**
 * The point a rule's result must be newer than; undefined when its latest successful
 * evaluation counts whatever its age (a rule this deployment left alone).
 */
function referenceOf(name, status, input) {
    const started = input.startedEvaluations?.get(name);
    if (started !== undefined)
        return { kind: 'started', started };
    // Its own creation, not the pack's completion: evaluations while the pack was still
    // deploying belong to this deployment.
    const activated = status?.firstActivatedAt;
    if (activated !== undefined && activated > input.requestedAt) {
        return { kind: 'created', at: activated };
    }
    if (input.stack?.kind === 'read') {
        const changed = input.stack.changedAt.get(name);
        if (changed !== undefined && changed >= input.requestedAt) {
            return { kind: 'changed', at: changed };
        }
    }
    return undefined;
}
/**
 * The rule's latest successful evaluation: the status says it for managed and Guard rules;
 * a custom Lambda rule's status has invocation times only, so its results' times stand in.
 */
function evaluationTime(status, results) {
    if (status?.lastSuccessfulEvaluationAt !== undefined)
        return status.lastSuccessfulEvaluationAt;
    if (status?.firstEvaluationStarted === false)
        return undefined;
    return results?.latestInvokedAt ?? results?.latestRecordedAt;
}
/**
 * AWS's time of the rule's newest evaluation or invocation, successful or failed, as read:
 * what an evaluation started after this read must be later than. Undefined: never evaluated.
 */
function lastEvaluationAt(status, results) {
    const times = [
        status?.lastSuccessfulEvaluationAt,
        status?.lastFailedEvaluationAt,
        status?.lastSuccessfulInvocationAt,
        status?.lastFailedInvocationAt,
        results?.latestInvokedAt,
        results?.latestRecordedAt
    ].filter((t) => t !== undefined);
    return times.length ? Math.max(...times) : undefined;
}
/** The rule's last failure, when its status reports an error. */
function failureOf(status) {
    if (!status?.lastErrorCode)
        return undefined;
    const times = [status.lastFailedEvaluationAt, status.lastFailedInvocationAt].filter((t) => t !== undefined);
    const error = {
        code: status.lastErrorCode,
        ...(status.lastErrorMessage ? { message: status.lastErrorMessage } : {})
    };
    return times.length ? { at: Math.max(...times), error } : { error };
}
/**
 * The rules an on-demand evaluation would help: those with no result of this deployment yet,
 * and those counted with a result the unreadable stack cannot vouch for (the evaluation
 * started then settles what the stack could not).
 */
function rulesToStart(input) {
    return judgePack({ ...input, startedEvaluations: undefined })
        .rules.filter((r) => r.verdict.kind === 'unevaluated' || r.unverifiedChange)
        .map((r) => r.name);
}

;// CONCATENATED MODULE: ./src/compliance/evaluation-state.ts

const EMPTY_JUDGEMENT = judgePack({
    requestedAt: 0,
    rules: [],
    statuses: new Map()
});
function initialState(packs, began) {
    return {
        began,
        packs: packs.map((pack) => ({
            pack,
            rules: [],
            complianceCovers: new Map(),
            listing: 'due',
            statuses: new Map(),
            resultTimes: new Map(),
            stackAsked: false,
            started: new Map(),
            startsDone: false,
            resources: new Map(),
            judgement: EMPTY_JUDGEMENT
        }))
    };
}
function inputOf(p) {
    return {
        requestedAt: p.pack.requestedAt,
        rules: p.rules,
        statuses: p.statuses,
        resultTimes: p.resultTimes,
        stack: p.stack,
        startedEvaluations: p.started
    };
}
/** The packs still part of the wait (not gone before their first listing). */
function livePacks(state) {
    return state.packs.filter((p) => !p.gone);
}
function updatePack(state, name, change) {
    return { ...state, packs: state.packs.map((p) => (p.pack.name === name ? change(p) : p)) };
}
/**
 * A rule's compliance in a listing is trusted for evaluations at least this long before the
 * listing was requested; a later evaluation has its compliance read again. No AWS time says
 * when the listing was answered, so this compares the clock's time with AWS's: the allowance
 * covers the roll-up catching up with the evaluation and AWS's clock up to about a minute
 * behind ours (ahead, it only costs reads again).
 */
const COMPLIANCE_LAG_MS = 60_000;
/** A pack's whole rule list, requested at `at` (the clock's time). */
function listed(state, pack, rules, at) {
    return updatePack(state, pack, (p) => ({
        ...p,
        rules,
        listing: 'done',
        complianceCovers: new Map(rules.map((r) => [r.name, at - COMPLIANCE_LAG_MS]))
    }));
}
/** The pack no longer exists at its first listing: its compliance is left out. */
function goneBeforeListing(state, pack) {
    return updatePack(state, pack, (p) => ({ ...p, gone: true, listing: 'done' }));
}
/** Statuses read across packs; names AWS no longer knows send their pack to be listed again. */
function statusesRead(state, statuses, missing) {
    return {
        ...state,
        packs: state.packs.map((p) => {
            const own = p.rules.filter((r) => statuses.has(r.name));
            const lost = p.rules.some((r) => missing.includes(r.name));
            if (!own.length && !lost)
                return p;
            const next = new Map(p.statuses);
            for (const r of own)
                next.set(r.name, statuses.get(r.name));
            return { ...p, statuses: next, ...(lost ? { listing: 'due' } : {}) };
        })
    };
}
function resultTimesRead(state, pack, times) {
    return updatePack(state, pack, (p) => ({
        ...p,
        resultTimes: new Map([...p.resultTimes, ...times])
    }));
}
function stackRead(state, pack, read) {
    return updatePack(state, pack, (p) => ({
        ...p,
        stackAsked: true,
        stack: read.kind === 'read' ? read.changes : { kind: 'unreadable' },
        ...(read.kind === 'unreadable' ? { stackWhy: read.why } : {})
    }));
}
/** Some settled rules' compliance read again, after the evaluation they settled with. */
function complianceRead(state, pack, rules) {
    return updatePack(state, pack, (p) => {
        const fresh = new Map(rules.map((r) => [r.name, r]));
        const covers = new Map(p.complianceCovers);
        for (const rule of p.judgement.rules) {
            const v = rule.verdict;
            if (fresh.has(rule.name) && 'evaluatedAt' in v)
                covers.set(rule.name, v.evaluatedAt);
        }
        return { ...p, rules: p.rules.map((r) => fresh.get(r.name) ?? r), complianceCovers: covers };
    });
}
function resourcesRead(state, pack, rule, read) {
    return updatePack(state, pack, (p) => ({
        ...p,
        resources: new Map([...p.resources, [rule, read]])
    }));
}
/**
 * The on-demand starts of a pack, made (or refused as already running). A rule started again
 * after a refusal keeps what its result must be later than: the evaluation read before the
 * first start.
 */
function startsMade(state, pack, started) {
    return updatePack(state, pack, (p) => {
        const next = new Map(p.started);
        for (const [rule, start] of started) {
            const first = p.started.get(rule);
            next.set(rule, first ? { ...start, lastBefore: first.lastBefore } : start);
        }
        return { ...p, startsDone: true, started: next };
    });
}
/** Every pack judged afresh at `now`; a pack settles (or unsettles) with its rules. */
function judged(state, now) {
    return {
        ...state,
        packs: state.packs.map((p) => {
            if (p.gone)
                return p;
            const judgement = judgePack(inputOf(p));
            const settledAt = judgement.settled ? (p.settledAt ?? now) : undefined;
            return { ...p, judgement, settledAt };
        })
    };
}

;// CONCATENATED MODULE: ./src/compliance/evaluation-starts.ts


/**
 * The same rules may be started once a minute: a start refused as already running
 * (LimitExceededException) is tried again this long after it, on the clock (pacing only).
 */
const START_INTERVAL_MS = 60_000;
/**
 * `start-evaluation`: starts the rules named, 25 a call, and records per rule what its result
 * must be later than: `lastBefore(rule)`, AWS's time of its newest evaluation read before the
 * start. A refusal (one is running, or one was started less than a minute ago) keeps the same
 * rule: the running evaluation lands later than that; one that landed before the read is
 * followed by a start of ours a minute later.
 */
async function startEvaluations(source, pack, names, lastBefore, deps) {
    const { clock, log } = deps;
    const started = new Map();
    for (let i = 0; i < names.length; i += rule_evaluation_reads/* MAX_START_NAMES */.rX) {
        const batch = names.slice(i, i + rule_evaluation_reads/* MAX_START_NAMES */.rX);
        const sentAt = clock.now();
        let outcome;
        try {
            outcome = await source.startEvaluation(batch, deps.signal);
        }
        catch (error) {
            if (!isMissing(error, 'rule'))
                throw error;
            log.warning(`Conformance pack ${pack}: a rule of [${batch.join(', ')}] no longer exists; no evaluation started for them.`);
            continue;
        }
        if (outcome.kind === 'already-running') {
            log.info(`Conformance pack ${pack}: an evaluation of ${batch.join(', ')} is already running; waiting for it.`);
        }
        else {
            log.info(`Conformance pack ${pack}: started an evaluation of ${batch.join(', ')}.`);
        }
        for (const name of batch) {
            const before = lastBefore(name);
            started.set(name, {
                sentAt,
                ...(before !== undefined ? { lastBefore: before } : {}),
                ...(outcome.kind === 'already-running' ? { refused: true } : {})
            });
        }
    }
    return started;
}

;// CONCATENATED MODULE: ./src/compliance/evaluation-plan.ts



/** Packs whose rule list is to be read (never read, or redeployed since). */
function listingsDue(state) {
    return livePacks(state)
        .filter((p) => p.listing === 'due')
        .map((p) => p.pack.name);
}
/** Rules with no verdict yet, of every listed pack, in pack order. */
function unsettledRules(state) {
    return livePacks(state).flatMap((p) => p.listing === 'done'
        ? p.judgement.rules
            .filter((r) => r.verdict.kind === 'unevaluated')
            .map((r) => ({ pack: p.pack.name, rule: r.name }))
        : []);
}
/** Some rule may predate the deployment: its stack says whether this deployment changed it. */
function redeployed(p) {
    return p.rules.some((r) => {
        const activated = p.statuses.get(r.name)?.firstActivatedAt;
        return activated === undefined || activated <= p.pack.requestedAt;
    });
}
/** Packs whose stack is to be read: once, after their statuses, when a rule predates the deployment. */
function stackReadsDue(state) {
    return livePacks(state).filter((p) => !p.stackAsked && p.rules.length > 0 && p.statuses.size > 0 && redeployed(p));
}
/**
 * Lambda rules (their status has invocation times only) whose results are to be read: those
 * invoked since the time their result must be newer than, not yet settled.
 */
function resultReadsDue(state) {
    return perPack(state, (p, name, verdict) => {
        if (verdict.kind !== 'unevaluated')
            return false;
        const status = p.statuses.get(name);
        if (!status || status.lastSuccessfulEvaluationAt !== undefined)
            return false;
        if (status.firstEvaluationStarted === false)
            return false;
        const invoked = status.lastSuccessfulInvocationAt;
        return invoked !== undefined && isRecentEnough(verdict.after, invoked);
    });
}
/** Rules whose verdict rests on a compliance read before their evaluation could show in it. */
function complianceReadsDue(state) {
    return perPack(state, (p, name, verdict) => {
        if (!('evaluatedAt' in verdict))
            return false;
        return verdict.evaluatedAt > (p.complianceCovers.get(name) ?? Number.NEGATIVE_INFINITY);
    });
}
/** Non-compliant rules whose resources have not been read. */
function resourceReadsDue(state) {
    return perPack(state, (p, name, verdict) => {
        return verdict.kind === 'non-compliant' && !p.resources.has(name);
    }).flatMap(({ pack, rules }) => rules.map((rule) => ({ pack, rule })));
}
/**
 * `start-evaluation`: per pack not started yet, the rules an evaluation on demand would help;
 * then, a minute after a start refused as already running, the rules it named still
 * unevaluated (the evaluation that blocked it may have landed before the statuses were read).
 * `now` is the clock's: it only paces the retry.
 */
function startsDue(state, now) {
    return livePacks(state).flatMap((p) => {
        if (p.listing !== 'done')
            return [];
        if (!p.startsDone)
            return [{ pack: p.pack.name, rules: rulesToStart(inputOf(p)) }];
        const again = p.judgement.rules
            .filter((r) => {
            const start = p.started.get(r.name);
            return (r.verdict.kind === 'unevaluated' &&
                start?.refused === true &&
                now - start.sentAt >= START_INTERVAL_MS);
        })
            .map((r) => r.name);
        return again.length ? [{ pack: p.pack.name, rules: again }] : [];
    });
}
/**
 * The unsettled rules as the schedule times them (evaluation-schedule.ts). The schedule only
 * paces reads, so a start is timed from the clock's time it was sent; what counts as the
 * started evaluation is decided on AWS's times (rule-judgement.ts).
 */
function pendingForSchedule(state) {
    return livePacks(state).flatMap((p) => {
        const completedAt = p.pack.completedAt ?? state.began;
        const input = inputOf(p);
        return p.judgement.rules
            .filter((r) => r.verdict.kind === 'unevaluated')
            .map((r) => {
            const status = p.statuses.get(r.name);
            const reference = referenceOf(r.name, status, input);
            const running = reference?.kind === 'created' &&
                status?.firstEvaluationStarted === true &&
                status.lastSuccessfulEvaluationAt === undefined &&
                status.lastFailedEvaluationAt === undefined;
            const at = reference === undefined
                ? Number.NEGATIVE_INFINITY
                : reference.kind === 'started'
                    ? reference.started.sentAt
                    : reference.at;
            return {
                referenceAt: Math.max(completedAt, at),
                ...(running ? { running: true } : {})
            };
        });
    });
}
function perPack(state, wanted) {
    return livePacks(state).flatMap((p) => {
        const rules = p.judgement.rules.filter((r) => wanted(p, r.name, r.verdict)).map((r) => r.name);
        return rules.length ? [{ pack: p.pack.name, rules }] : [];
    });
}

;// CONCATENATED MODULE: ./src/shared/bounded.ts
/**
 * Runs the tasks with at most `limit` in flight. After the first failure no further task
 * starts (throttling of one is throttling of all); the ones in flight are awaited. Never
 * throws what a task throws.
 */
async function runBounded(tasks, limit) {
    const outcomes = tasks.map(() => undefined);
    let next = 0;
    let failed = false;
    async function worker() {
        while (!failed && next < tasks.length) {
            const index = next++;
            try {
                outcomes[index] = { kind: 'ok', value: await tasks[index]() };
            }
            catch (error) {
                outcomes[index] = { kind: 'failed', error };
                failed = true;
            }
        }
    }
    const workers = Math.max(1, Math.min(limit, tasks.length));
    await Promise.all(Array.from({ length: workers }, () => worker()));
    return outcomes;
}

// EXTERNAL MODULE: ./src/shared/paging.ts
var paging = __webpack_require__(5045);
// EXTERNAL MODULE: ./src/ports/stack-events.ts
var stack_events = __webpack_require__(6884);
;// CONCATENATED MODULE: ./src/compliance/rule-changes.ts

const CONFIG_RULE = 'AWS::Config::ConfigRule';
/**
 * Which rules this deployment changed, from the pack's stack events (newest first, back to
 * the deployment's request): a rule's stack resource maps to its name by its physical id.
 * A rule's time is its first event of this deployment: the evaluation the change triggers
 * follows that, and a later event's time could reject it and wait for nothing. Best effort,
 * like explain-failures: never throws.
 */
async function readRuleChanges(stackArn, requestedAt, deps) {
    if (!stackArn)
        return { kind: 'unreadable', why: 'AWS Config names no stack for the pack' };
    const read = await (0,stack_events/* readEventsSince */.A0)(stackArn, requestedAt, deps);
    if (!read.ok)
        return { kind: 'unreadable', why: read.why };
    const changedAt = new Map();
    for (const event of read.events) {
        if (event.type !== CONFIG_RULE || !event.physicalId)
            continue;
        // Newest first: the last one seen is the first of this deployment.
        changedAt.set(event.physicalId, event.timestamp.getTime());
    }
    return { kind: 'read', changes: { kind: 'read', changedAt } };
}

;// CONCATENATED MODULE: ./src/compliance/evaluation-round.ts
/**
 * One round of the evaluation wait: the reads the state asks for (evaluation-plan.ts), in
 * steps, the reads of a step at most MAX_IN_FLIGHT at once. Each answer is a transition of
 * the state (evaluation-state.ts). A transient failure ends the round after its step (no
 * further read starts: throttling of one call is throttling of the region); what was read
 * stays read.
 */









/** Requests of one region in flight at once. */
const MAX_IN_FLIGHT = 4;
const signalFor = (io) => () => io.signal;
const listStep = (state, io) => listingsDue(state).map((pack) => async () => {
    const at = io.clock.now();
    const never = state.packs.find((p) => p.pack.name === pack)?.rules.length === 0;
    try {
        const rules = await (0,rule_evaluation_reads/* readPackRules */.zc)(io.source, pack, signalFor(io));
        return (s) => listed(s, pack, rules, at);
    }
    catch (error) {
        if (!never || !isMissing(error, 'pack'))
            throw error;
        io.log.warning(`Conformance pack ${pack} no longer exists; its compliance is left out.`);
        return (s) => goneBeforeListing(s, pack);
    }
});
const statusStep = (state, io) => (0,rule_evaluation_reads/* chunks */.VN)(unsettledRules(state).map((r) => r.rule), rule_evaluation_reads/* MAX_STATUS_NAMES */.PO).map((names) => async () => {
    const { statuses, missing } = await statusesOf(io.source, names, signalFor(io));
    return (s) => statusesRead(s, statuses, missing);
});
const sideStep = (state, io) => {
    const stacks = stackReadsDue(state).map((p) => async () => {
        const read = await readRuleChanges(p.pack.stackArn, p.pack.requestedAt, {
            ...io,
            events: await io.stackEvents()
        });
        return (s) => stackRead(s, p.pack.name, read);
    });
    const results = resultReadsDue(state).flatMap(({ pack, rules }) => (0,rule_evaluation_reads/* chunks */.VN)(rules, rule_evaluation_reads/* MAX_DETAIL_RULE_NAMES */.hG).map((batch) => async () => {
        const times = await (0,rule_evaluation_reads/* readResultTimes */.Sp)(io.source, pack, batch, signalFor(io));
        return (s) => resultTimesRead(s, pack, times);
    }));
    return [...stacks, ...results];
};
/** Starts on demand, each rule's newest evaluation as read so far being what it must beat. */
const startStep = (state, io) => io.startEvaluation
    ? startsDue(state, io.clock.now()).map(({ pack, rules }) => async () => {
        const p = state.packs.find((x) => x.pack.name === pack);
        const lastBefore = (rule) => lastEvaluationAt(p?.statuses.get(rule), p?.resultTimes.get(rule));
        const started = await startEvaluations(io.source, pack, rules, lastBefore, io);
        return (s) => startsMade(s, pack, started);
    })
    : [];
const complianceStep = (state, io) => complianceReadsDue(state).flatMap(({ pack, rules }) => (0,rule_evaluation_reads/* chunks */.VN)(rules, rule_evaluation_reads/* MAX_DETAIL_RULE_NAMES */.hG).map((batch) => async () => {
    const fresh = await (0,rule_evaluation_reads/* readPackRules */.zc)(io.source, pack, signalFor(io), batch);
    return (s) => complianceRead(s, pack, fresh);
}));
const resourceStep = (state, io) => resourceReadsDue(state).map(({ pack, rule }) => async () => {
    const read = await (0,rule_evaluation_reads/* readNonCompliantResources */.M8)(io.source, pack, rule, signalFor(io));
    return (s) => resourcesRead(s, pack, rule, read);
});
const STEPS = [
    listStep,
    statusStep,
    sideStep,
    startStep,
    complianceStep,
    resourceStep
];
/**
 * Reads what the state asks for, step after step, and judges every pack after each step.
 * Throws StopEvaluation for what ends the wait (permanent errors, a pack gone, the
 * cancellation); a transient failure is the result's `failure`.
 */
async function readRound(state, io) {
    let current = judged(state, io.clock.now());
    for (const step of STEPS) {
        const tasks = step(current, io);
        if (!tasks.length)
            continue;
        const outcomes = await runBounded(tasks, MAX_IN_FLIGHT);
        let failure;
        for (const outcome of outcomes) {
            if (outcome?.kind === 'ok')
                current = outcome.value(current);
        }
        for (const outcome of outcomes) {
            if (outcome?.kind !== 'failed')
                continue;
            const error = outcome.error;
            // A listing that repeats its NextToken fails the round, as a transient error does.
            if (error instanceof paging/* PagingError */.B_) {
                failure ??= `${error.name}: ${error.message}`;
                continue;
            }
            if (!(error instanceof StopEvaluation) || error.stop.kind !== 'transient')
                throw error;
            failure ??= error.stop.message;
        }
        current = judged(current, io.clock.now());
        if (failure)
            return { state: current, failure };
    }
    return { state: current };
}

// EXTERNAL MODULE: ./src/shared/backoff.ts
var shared_backoff = __webpack_require__(9393);
// EXTERNAL MODULE: ./src/shared/pacing.ts
var pacing = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/compliance/evaluation-schedule.ts


/**
 * When to read the rules' evaluation statuses next, from AWS's own times.
 *
 * A read only buys latency near the moment a rule's evaluation lands. AWS Config evaluates a
 * rule on its own when the rule is created (during the pack's deployment) and when
 * StartConfigRulesEvaluation asks; neither gives a duration, and a pack's rules are evaluated
 * in stages over minutes. So each unsettled rule is timed from its reference: the latest of
 * the pack's completion (LastUpdateCompletedTime: every rule exists from then on), its own
 * activation (FirstActivatedTime) when that is later, and the start of an evaluation asked
 * on demand. Per reference age, as the deployment's schedule (src/wait/poll-schedule.ts):
 *
 *   quiet   below the quiet age (2 × min-delay, at most 20 s): no read; the first read, made
 *           at once by the caller, sees what was evaluated during the deployment;
 *   grid    then one read every min-delay (plus a little jitter);
 *   long    once min-delay is less than 1/120 of the age, one read every age/120;
 *   capped  no pause is ever longer than max-delay.
 *
 * A new rule whose first evaluation has started (FirstEvaluationStarted, no result yet) is
 * past its quiet age whatever its age: its result is due. The youngest reference sets the
 * pace: the wait ends only when every rule is settled. Throttling and errors back off
 * exponentially up to max-delay, reset by an answered round.
 *
 * Pure: time and randomness come in as values, so the benchmark simulates this very code.
 */
/** The quiet period is this many grid intervals of age… */
const EVALUATION_QUIET_INTERVALS = 2;
/** …and never more than this. */
const EVALUATION_QUIET_CAP_MS = 20_000;
/** The reference age below which no read is planned, for a given min-delay. */
function evaluationQuietAgeMs(minDelayMs) {
    return Math.min(EVALUATION_QUIET_CAP_MS, EVALUATION_QUIET_INTERVALS * minDelayMs);
}
/**
 * The pause before the next read of statuses, in whole ms, always within [minDelayMs,
 * maxDelayMs]. The caller makes the first read at once and keeps its deadline rules.
 */
function nextEvaluationPoll(input) {
    const { now, minDelayMs, maxDelayMs, roundsSinceChange } = input;
    const random = input.random ?? Math.random;
    // No rule known yet (a pack's listing has not succeeded): min-delay, and the backoff below
    // when that listing keeps failing.
    if (input.pending.length === 0)
        return withBackoff({ delayMs: minDelayMs, reason: 'nothing-pending' }, input, random);
    const quietAge = evaluationQuietAgeMs(minDelayMs);
    // The youngest effective age sets the pace; a running first evaluation is past its quiet age.
    let age = Number.POSITIVE_INFINITY;
    let running = false;
    for (const rule of input.pending) {
        // AWS's times against the clock's: this only paces reads, so a reference ahead of ours
        // (AWS's clock ahead) is age 0; which result counts is decided on AWS's times alone.
        const own = Math.max(0, now - rule.referenceAt);
        const effective = rule.running ? Math.max(own, quietAge) : own;
        if (effective < age || (effective === age && rule.running)) {
            age = effective;
            running = rule.running === true && own < quietAge;
        }
    }
    let baseMs;
    let reason;
    if (age < quietAge) {
        baseMs = quietAge - age;
        reason = 'quiet';
    }
    else if (age / pacing/* AGE_DIVISOR */.J <= minDelayMs) {
        baseMs = minDelayMs;
        reason = running ? 'running' : 'grid';
    }
    else if (roundsSinceChange === 0) {
        // A rule just settled: the pack's others are often evaluated in the same stage.
        baseMs = minDelayMs;
        reason = 'changed';
    }
    else {
        baseMs = age / pacing/* AGE_DIVISOR */.J;
        reason = 'long';
    }
    const jittered = baseMs + random() * pacing/* JITTER_FRACTION */.q * minDelayMs;
    const delayMs = Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, jittered)));
    return withBackoff({ delayMs, reason }, input, random);
}
/** Throttling or an outage: back off, but never read sooner than the schedule would. */
function withBackoff(planned, input, random) {
    if (input.failedRounds === 0)
        return planned;
    const backoff = (0,shared_backoff/* backoffDelay */.E)(input.failedRounds, input.minDelayMs, input.maxDelayMs, random);
    return backoff > planned.delayMs ? { delayMs: backoff, reason: 'throttled' } : planned;
}

;// CONCATENATED MODULE: ./src/compliance/evaluation-wait.ts






/** Unevaluated rules named in the timeout's message; the rest are counted. */
const UNEVALUATED_NAMED = 5;
const CHANGED_IN_PLACE = 'rules changed in place by this deployment may still show results from before the change (grant cloudformation:DescribeStackEvents, or use start-evaluation)';
/**
 * Waits until every rule of every pack has an evaluation that belongs to the deployment, and
 * judges them (rule-judgement.ts). Each round reads what the state asks for
 * (evaluation-round.ts); the pause between rounds is the evaluation schedule's
 * (evaluation-schedule.ts). Shares the run's deadline and cancellation. Never throws for AWS
 * trouble: that is the result's `kind`.
 */
async function waitForEvaluation(packs, deps) {
    const { clock, log, signal, deadline } = deps;
    if (signal.aborted)
        return { kind: 'cancelled', packs: [] };
    let state = initialState(packs, clock.now());
    let reader;
    const io = {
        ...deps,
        source: guardedSource(deps.port, deps),
        stackEvents: () => (reader ??= deps.stackEvents())
    };
    // The last round is placed so that its requests still have this long before the deadline.
    const reserve = Math.round(Math.min(1000, (deadline - state.began) / 10));
    let pace = { rounds: 0, roundsSinceChange: 0, failedRounds: 0 };
    try {
        for (;;) {
            const before = unsettledRules(state);
            const round = await readRound(state, io);
            state = round.state;
            logSettled(before, state, log);
            deps.onRound?.(view(state, clock.now()));
            pace = paced(pace, round.failure, unsettledRules(state).length < before.length, log);
            if (!round.failure && livePacks(state).every((p) => p.settledAt !== undefined)) {
                warnUnverified(state, log);
                return { kind: 'done', packs: view(state, clock.now()) };
            }
            const now = clock.now();
            const next = nextEvaluationPoll({
                now,
                pending: pendingForSchedule(state),
                roundsSinceChange: pace.roundsSinceChange,
                failedRounds: pace.failedRounds,
                minDelayMs: deps.minDelayMs,
                maxDelayMs: deps.maxDelayMs,
                random: deps.random
            });
            const nextAt = Math.min(now + next.delayMs, deadline - reserve);
            // A read squeezed in right before the deadline would be a burst: stop instead.
            if (nextAt - now < deps.minDelayMs) {
                warnUnverified(state, log);
                const last = pace.streak ? ` (last error: ${pace.streak.message})` : '';
                return { kind: 'timeout', packs: view(state, now), message: timeoutMessage(state) + last };
            }
            log.debug(`evaluation round ${pace.rounds}: ${unsettledRules(state).length} rule(s) unsettled; next read in ${nextAt - now} ms (${next.reason})`);
            await clock.sleep(nextAt - now, signal);
            if (signal.aborted)
                return { kind: 'cancelled', packs: view(state, clock.now()) };
        }
    }
    catch (error) {
        if (!(error instanceof StopEvaluation))
            throw error;
        return stopped(error, state, clock.now());
    }
    finally {
        void reader?.then((r) => r.close(), () => undefined);
    }
}
/** The counters after a round: a settle resets the schedule's change count, an answer its backoff. */
function paced(pace, failure, settledSome, log) {
    const rounds = pace.rounds + 1;
    if (failure) {
        const streak = pace.streak?.message === failure
            ? { message: failure, count: pace.streak.count + 1 }
            : { message: failure, count: 1 };
        if (streak.count === 1)
            log.warning(`AWS Config call failed, retrying at the next read: ${failure}`);
        else
            log.debug(`Still failing (${streak.count} rounds in a row): ${failure}`);
        return {
            rounds,
            roundsSinceChange: settledSome ? 0 : pace.roundsSinceChange,
            failedRounds: pace.failedRounds + 1,
            streak
        };
    }
    if (pace.streak)
        log.info(`AWS Config answered again after ${pace.streak.count} failed round(s).`);
    return {
        rounds,
        roundsSinceChange: settledSome ? 0 : pace.roundsSinceChange + 1,
        failedRounds: 0
    };
}
function view(state, now) {
    return livePacks(state).map((p) => ({
        name: p.pack.name,
        judgement: p.judgement,
        resources: p.resources,
        durationMs: (p.settledAt ?? now) - state.began
    }));
}
function logSettled(before, state, log) {
    for (const p of livePacks(state)) {
        for (const rule of p.judgement.rules) {
            if (rule.verdict.kind === 'unevaluated')
                continue;
            if (before.some((b) => b.pack === p.pack.name && b.rule === rule.name))
                log.info(`${p.pack.name}: ${rule.name} ${(0,evaluation_compliance/* verdictText */.nt)(rule.verdict)}`);
        }
    }
}
function warnUnverified(state, log) {
    for (const p of livePacks(state)) {
        const unverified = p.judgement.unverifiedChanges;
        if (!unverified.length)
            continue;
        const why = p.stackWhy ? ` (its stack could not be read: ${p.stackWhy})` : '';
        log.warning(`Conformance pack ${p.pack.name}${why}: ${CHANGED_IN_PLACE}: ${unverified.join(', ')}`);
    }
}
function stopped(error, state, now) {
    const packs = view(state, now);
    const stop = error.stop;
    switch (stop.kind) {
        case 'cancelled':
            return { kind: 'cancelled', packs };
        case 'timeout':
            return { kind: 'timeout', packs, message: timeoutMessage(state) };
        case 'error':
            return { kind: 'error', packs, message: stop.message };
        case 'missing':
            return {
                kind: 'error',
                packs,
                message: `a ${stop.what} of the conformance packs disappeared while its rules were read`
            };
        case 'transient':
            return { kind: 'error', packs, message: stop.message };
    }
}
function timeoutMessage(state) {
    const live = livePacks(state);
    const several = live.length > 1;
    const names = live.flatMap((p) => p.judgement.rules
        .filter((r) => r.verdict.kind === 'unevaluated')
        .map((r) => (several ? `${p.pack.name}/${r.name}` : r.name)));
    if (!names.length)
        return "Ran out of time reading the conformance pack rules' evaluation";
    const shown = names.slice(0, UNEVALUATED_NAMED).join(', ');
    const more = names.length > UNEVALUATED_NAMED ? ` and ${names.length - UNEVALUATED_NAMED} more` : '';
    return `Ran out of time waiting for the evaluation of conformance pack rules: ${names.length} rule(s) not evaluated since the deployment: ${shown}${more}`;
}

// EXTERNAL MODULE: ./src/packs/pack-state.ts
var pack_state = __webpack_require__(5977);
;// CONCATENATED MODULE: ./src/compliance/gate.ts







/**
 * Waits for the evaluation of every region's CREATE_COMPLETE packs and judges their rules,
 * the regions at once, each with its own client, under the wait's deadline and cancellation.
 */
async function evaluateInRegions(regions, inputs, deps) {
    return Promise.all(regions.map(async ({ region, packs }) => {
        const log = deps.log(region);
        const ports = deps.open(region, log);
        try {
            const deployed = packs
                .filter((p) => p.state === 'CREATE_COMPLETE')
                .map((p) => {
                const detail = (0,pack_state/* detailOf */.Rw)(p);
                return {
                    name: p.name,
                    requestedAt: detail?.requestedAt?.getTime() ?? 0,
                    // AWS's own time of the completion: the rules' evaluations are timed from it.
                    ...(detail?.completedAt ? { completedAt: detail.completedAt.getTime() } : {}),
                    ...(detail?.stackArn ? { stackArn: detail.stackArn } : {})
                };
            });
            const read = await waitForEvaluation(deployed, {
                port: ports.ruleEvaluations(),
                stackEvents: () => ports.stackEvents(),
                startEvaluation: inputs.startEvaluation,
                minDelayMs: inputs.minDelayMs,
                maxDelayMs: inputs.maxDelayMs,
                clock: deps.clock,
                deadline: deps.deadline,
                signal: deps.signal,
                log,
                onRound: deps.onRound?.(region)
            });
            return { region, read: (0,evaluation_compliance/* complianceOfEvaluation */.zV)(read) };
        }
        finally {
            ports.close();
        }
    }));
}
/**
 * `require`: a NON_COMPLIANT pack makes the result `noncompliant`; a read that ran out of time
 * makes it `timeout`, one AWS refused makes it `failure`. `report`: the result speaks of
 * deployment alone; the same findings are warnings.
 */
function gate(verdict, reads, mode, known) {
    const several = reads.length > 1;
    const label = (region, name) => (0,packs_label/* packLabel */.E)(region, name, several);
    const packsOf = (read) => read.kind === 'done' || read.kind === 'timeout' ? read.packs : [];
    const read = reads.flatMap(({ region, read }) => packsOf(read).map((p) => ({
        name: p.name,
        region,
        compliance: p.compliance,
        nonCompliantRules: p.nonCompliantRules,
        ...(p.rules ? { rules: p.rules } : {}),
        ...(p.evaluation ? { evaluation: p.evaluation } : {})
    })));
    const applied = known && applyBaseline(read, known.baseline, known.today);
    const entries = applied?.entries ?? read;
    // Under a baseline, only new findings count: known ones are shown, never failed on.
    const judged = applied ? newFindingsOnly(entries, applied.result.unreadNotAccepted) : entries;
    const failing = judged.filter((e) => e.compliance === 'NON_COMPLIANT');
    const noncompliant = failing.map((e) => label(e.region, e.name));
    // Under `report` with a baseline, each new finding is a warning of its own (below): the
    // pack's NON_COMPLIANT line would say the same again.
    const annotated = known && mode === 'report'
        ? judged.map((e) => e.compliance === 'NON_COMPLIANT' ? { ...e, compliance: 'COMPLIANT' } : e)
        : judged;
    const annotations = reads.flatMap(({ region }) => (0,compliance_annotations/* complianceAnnotations */.Qz)(annotated.filter((e) => e.region === region), mode, (name) => label(region, name)));
    const where = (region) => (several ? `${region}: ` : '');
    const problems = reads.flatMap(({ region, read }) => read.kind === 'timeout' || read.kind === 'error'
        ? [`${where(region)}compliance could not be read: ${read.message}`]
        : []);
    const baseline = applied?.result;
    const warnings = [
        ...(baseline?.warnings ?? []),
        ...(baseline && mode === 'report' ? newFindingWarnings(baseline) : [])
    ];
    const newFindings = baseline?.newFindings ?? findingsOf(entries);
    const base = {
        entries,
        newFindings,
        ...(baseline ? { baseline } : {}),
        warnings,
        noncompliant,
        annotations,
        problems
    };
    if (reads.some((r) => r.read.kind === 'cancelled')) {
        return { ...base, verdict: { ...verdict, result: 'cancelled', failStep: true } };
    }
    if (mode === 'report')
        return { ...base, verdict };
    return { ...base, ...requireVerdict(verdict, reads, judged, failing, baseline, problems, label) };
}
/** `require`: what decides the result, in order of precedence, and the step's line. */
function requireVerdict(verdict, reads, judged, failing, baseline, problems, label) {
    if (reads.some((r) => r.read.kind === 'error'))
        return {
            verdict: { ...verdict, result: 'failure', failStep: true },
            headline: problems.join('; ')
        };
    if (reads.some((r) => r.read.kind === 'timeout'))
        return {
            verdict: { ...verdict, result: 'timeout', failStep: true },
            headline: problems.join('; ')
        };
    const failed = judged.flatMap((e) => (0,evaluation_compliance/* rulesWith */.qS)(e, 'EVALUATION_FAILED').map((r) => `${label(e.region, e.name)}/${r.name} (${r.error ? errorText(r.error) : 'no reason given'})`));
    const failedLine = failed.length
        ? `${failed.length} rule(s) failed to evaluate: ${failed.join('; ')}`
        : '';
    if (failing.length) {
        const noncompliant = failing.map((e) => label(e.region, e.name));
        const line = baseline
            ? newFindingsLine(baseline, failing.length)
            : `${failing.length} conformance pack(s) deployed but NON_COMPLIANT: ${failing
                .map((e) => `${label(e.region, e.name)} (${e.nonCompliantRules.join(', ') || 'no rule listed'})`)
                .join('; ')}`;
        return {
            verdict: { ...verdict, result: 'noncompliant', failStep: true, noncompliant },
            headline: failedLine ? `${line}; ${failedLine}` : line
        };
    }
    // A rule that could not be evaluated has checked nothing: the gate cannot pass on it.
    if (failed.length)
        return { verdict: { ...verdict, result: 'failure', failStep: true }, headline: failedLine };
    return { verdict };
}
/** The step's line when new findings fail the gate: each one named, the known ones counted. */
function newFindingsLine(baseline, packs) {
    const fresh = baseline.judgement.findings.flatMap((j) => (j.status === 'new' ? [j] : []));
    const knownCount = baseline.judgement.findings.length - fresh.length;
    const named = fresh.slice(0, NEW_FINDINGS_WARNED).map(src_baseline/* newFindingText */.Xx);
    const more = fresh.length - named.length;
    const list = `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
    const unlisted = packs > 0 && fresh.length === 0;
    return unlisted
        ? `${packs} conformance pack(s) NON_COMPLIANT with resources that were not listed or not all read, so the baseline ${baseline.path} cannot accept them (an entry with resourceId "*" accepts every resource of a rule)`
        : `${fresh.length} new finding(s) not in the baseline ${baseline.path} (${knownCount} known): ${list}`;
}
function errorText(error) {
    return error.message ? `${error.code}: ${error.message}` : error.code;
}

// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var src_inputs = __webpack_require__(7831);
// EXTERNAL MODULE: ./src/packs/deployment.ts
var deployment = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/packs/pack-text.ts
var pack_text = __webpack_require__(3665);
;// CONCATENATED MODULE: ./src/verdict/verdict.ts



/**
 * failure when any pack failed, a missing pack is not allowed, or AWS refused the wait;
 * else timeout when any is still pending at the deadline; else success. Cancellation
 * overrides all: the wait never finished. A region that listed no pack at all checked
 * nothing: it says so (emptyRegions), and under `compliance: require` it fails, as a gate
 * that checked nothing must not pass.
 */
function decide(packs, end, policy, region = 'the region') {
    const { completed, failed, pending, missing } = packLists(packs, policy.missingPack);
    const missingFails = policy.missingPack === 'fail' && missing.length > 0;
    const empty = !policy.names?.length && packs.length === 0 && end.kind === 'settled';
    const earlier = (0,deployment/* earlierDeployments */.tY)(packs);
    const lists = {
        completed,
        failed,
        pending,
        missing,
        ...(empty ? { emptyRegions: [region] } : {}),
        ...(earlier.length ? { earlier } : {})
    };
    if (end.kind === 'cancelled')
        return { result: 'cancelled', failStep: true, ...lists };
    if (empty && policy.compliance === 'require')
        return { result: 'failure', failStep: true, ...lists };
    if (end.kind === 'error' || missingFails)
        return { result: 'failure', failStep: true, ...lists };
    if (failed.length > 0)
        return {
            result: 'failure',
            failStep: policy.failOnFailure || end.kind === 'deadline',
            ...lists
        };
    if (end.kind === 'deadline' || pending.length > 0)
        return { result: 'timeout', failStep: true, ...lists };
    return { result: 'success', failStep: false, ...lists };
}
/**
 * Which list each pack is in. A missing pack is also pending while `missing-pack: wait` keeps
 * the wait going for it; `isPending` is the rule the wait itself follows.
 */
function packLists(packs, missingPack) {
    const names = (pred) => packs.filter(pred).map((p) => p.name);
    return {
        completed: names((p) => (0,pack_state/* outcomeOf */.sG)(p.state) === 'completed'),
        failed: names((p) => (0,pack_state/* outcomeOf */.sG)(p.state) === 'failed'),
        pending: names((p) => (0,pack_state/* isPending */.mm)(p.state, missingPack)),
        missing: names((p) => (0,pack_state/* outcomeOf */.sG)(p.state) === 'missing')
    };
}
/** The lists of several regions as one, each name labelled with its region when several. */
function mergeLists(regions) {
    const several = regions.length > 1;
    const list = (key) => regions.flatMap((r) => r.lists[key].map((name) => (0,packs_label/* packLabel */.E)(r.region, name, several)));
    return {
        completed: list('completed'),
        failed: list('failed'),
        pending: list('pending'),
        missing: list('missing')
    };
}
const RESULT_ORDER = ['cancelled', 'failure', 'timeout', 'success'];
/**
 * Several regions: each region's verdict, and the overall one: cancelled if any region was,
 * else failure if any region failed, else timeout if any timed out, else success.
 */
function decideRegions(outcomes, policy) {
    const regions = outcomes.map((o) => decide(o.packs, o.end, policy, o.region));
    const several = outcomes.length > 1;
    const label = (region, name) => (0,packs_label/* packLabel */.E)(region, name, several);
    const result = RESULT_ORDER.find((r) => regions.some((v) => v.result === r)) ?? 'success';
    const emptyRegions = regions.flatMap((v) => v.emptyRegions ?? []);
    const earlier = regions.flatMap((v, i) => (v.earlier ?? []).map((e) => ({ ...e, name: label(outcomes[i].region, e.name) })));
    const facts = {
        ...mergeLists(regions.map((lists, i) => ({ region: outcomes[i].region, lists }))),
        ...(emptyRegions.length ? { emptyRegions } : {}),
        ...(earlier.length ? { earlier } : {})
    };
    // Only a failure can leave the step passing: every region's own failure did (fail-on-failure).
    const overall = result === 'success'
        ? { result, failStep: false, ...facts }
        : result === 'failure'
            ? { result, failStep: regions.some((v) => v.failStep), ...facts }
            : { result, failStep: true, ...facts };
    return {
        overall,
        regions,
        end: combineEnds(outcomes)
    };
}
function combineEnds(outcomes) {
    const prefix = (region) => (outcomes.length > 1 ? `${region}: ` : '');
    if (outcomes.some((o) => o.end.kind === 'cancelled'))
        return { kind: 'cancelled' };
    const errors = outcomes.flatMap((o) => o.end.kind === 'error' ? [`${prefix(o.region)}${o.end.message}`] : []);
    if (errors.length)
        return { kind: 'error', message: errors.join('; ') };
    const deadlines = outcomes.filter((o) => o.end.kind === 'deadline');
    if (deadlines.length) {
        const withError = deadlines.find((o) => o.end.kind === 'deadline' && o.end.lastError);
        const lastError = withError?.end.kind === 'deadline' ? withError.end.lastError : undefined;
        return {
            kind: 'deadline',
            lastError: lastError && withError ? `${prefix(withError.region)}${lastError}` : undefined
        };
    }
    return { kind: 'settled' };
}

// EXTERNAL MODULE: ./src/publish/check-view.ts
var check_view = __webpack_require__(3153);
// EXTERNAL MODULE: ./src/publish/html.ts
var html = __webpack_require__(3638);
// EXTERNAL MODULE: ./src/publish/summary.ts + 5 modules
var summary = __webpack_require__(3872);
// EXTERNAL MODULE: ./src/publish/summary-limits.ts
var summary_limits = __webpack_require__(88);
;// CONCATENATED MODULE: ./src/publish/live-check.ts






/** The check run's title and summary for a snapshot: no result yet, the packs by list. */
function progressView(snapshot, missingPack) {
    const all = mergeLists(snapshot.regions.map((r) => ({ region: r.region, lists: packLists(r.packs, missingPack) })));
    return {
        title: (0,check_view/* checkTitle */.Tq)((0,check_view/* packCounts */.em)(all), false),
        summary: (0,summary/* fitSummary */.mW)({
            inProgress: true,
            scope: snapshot.scope,
            regions: snapshot.regions.map((r) => ({
                ...r,
                stackProgress: snapshot.stackProgress?.get(r.region)
            })),
            lists: all,
            elapsedMs: snapshot.now - snapshot.startedAt,
            now: snapshot.now
        }, summary_limits/* CHECK_SUMMARY_BUDGET */.G) + evaluationProgress(snapshot)
    };
}
/** The evaluation's progress under the packs' table: how many rules are settled, per pack. */
function evaluationProgress(snapshot) {
    const regions = snapshot.evaluation ?? [];
    const several = regions.length > 1;
    const lines = regions.flatMap(({ region, packs }) => packs.map((p) => {
        const c = p.judgement.counts;
        const name = (0,html/* escapeHtml */.ZD)((0,packs_label/* packLabel */.E)(region, p.name, several));
        return `- ${name}: ${c.compliant} compliant, ${c.nonCompliant} non-compliant, ${c.nothingInScope} with nothing in scope, ${c.failed} failed, ${c.unevaluated} not evaluated yet`;
    }));
    return lines.length ? `\n\n### Waiting for the rules' evaluation\n\n${lines.join('\n')}\n` : '';
}
/**
 * The check run while the wait goes on: created at once, updated after a round in which some
 * pack changed state or the wait logged its progress (with the stacks' counts, once a minute).
 * Nothing here is awaited: a slow GitHub API never slows the wait.
 */
function liveCheck(checks, inputs, clock, startedAt, linksOf) {
    const latest = new Map(inputs.regions.map((r) => [r, []]));
    const stackProgress = new Map();
    const evaluation = new Map();
    const view = () => {
        const { title, summary } = progressView({
            scope: inputs.scope,
            regions: inputs.regions.map((region) => ({
                region,
                links: linksOf(region),
                packs: latest.get(region) ?? []
            })),
            startedAt,
            now: clock.now(),
            stackProgress,
            ...(evaluation.size
                ? {
                    evaluation: inputs.regions.flatMap((region) => {
                        const packs = evaluation.get(region);
                        return packs ? [{ region, packs }] : [];
                    })
                }
                : {})
        }, inputs.missingPack);
        return [title, summary];
    };
    void checks.start(...view());
    return {
        onRound: (region) => (packs, changed, stacks) => {
            latest.set(region, packs);
            // A copy: the reads go on filling the original while an update waits.
            if (stacks)
                stackProgress.set(region, new Map(stacks));
            if (changed)
                void checks.update(...view());
        },
        onEvaluation: (region) => (packs) => {
            const before = JSON.stringify(countsOf(evaluation.get(region)));
            evaluation.set(region, packs);
            // Only when a rule settled: the same counts again would be a call for nothing.
            if (JSON.stringify(countsOf(packs)) !== before)
                void checks.update(...view());
        }
    };
}
function countsOf(packs) {
    return packs?.map((p) => [p.name, p.judgement.counts]);
}

// EXTERNAL MODULE: ./src/publish/publish.ts + 1 modules
var publish = __webpack_require__(3121);
;// CONCATENATED MODULE: ./src/report/console-links.ts
/** The commercial partition: what a region the SDK does not know falls in. */
const COMMERCIAL = { name: 'aws', dnsSuffix: 'amazonaws.com' };
/**
 * The console's host for a region. The SDK's partition data has no console hosts, so the
 * partitions with a console of their own are named here; a later partition's console is taken
 * to be `console.<its DNS suffix>` (as the European Sovereign Cloud's is, `console.amazonaws.eu`).
 */
function consoleHost(region, partition) {
    switch (partition.name) {
        case 'aws':
            return `${region}.console.aws.amazon.com`;
        case 'aws-us-gov':
            return 'console.amazonaws-us-gov.com';
        case 'aws-cn':
            return 'console.amazonaws.cn';
        default:
            return `console.${partition.dnsSuffix}`;
    }
}
function consoleLinks(region, partition) {
    const base = `https://${consoleHost(region, partition)}`;
    const config = `${base}/config/home?region=${encodeURIComponent(region)}#`;
    return {
        // The forms the console itself links to.
        pack: (name) => `${config}/conformance-packs/details?conformancePackName=${encodeURIComponent(name)}`,
        rule: (name) => `${config}/rules/details?configRuleName=${encodeURIComponent(name)}`,
        resource: (resourceType, resourceId) => `${config}/resources/details?${new URLSearchParams({ resourceId, resourceType }).toString()}`,
        stack: (stackArn) => `${base}/cloudformation/home?region=${encodeURIComponent(region)}#/stacks/stackinfo?stackId=${encodeURIComponent(stackArn)}`
    };
}

// EXTERNAL MODULE: ./src/report/headline.ts
var headline = __webpack_require__(4512);
;// CONCATENATED MODULE: ./src/report/run-report.ts

function buildReport(findings) {
    const { inputs, runs, verdicts, compliance, startedAt } = findings;
    const verdict = compliance?.verdict ?? verdicts.overall;
    const elapsedMs = Math.max(startedAt, ...runs.map((r) => r.wait.endedAt)) - startedAt;
    const regions = runs.map((run, i) => {
        const entries = compliance?.entries.filter((e) => e.region === run.region);
        return {
            ...run,
            links: findings.linksOf(run.region),
            verdict: verdicts.regions[i],
            ...(entries ? { compliance: new Map(entries.map((e) => [e.name, e])) } : {})
        };
    });
    return {
        inputs,
        regions,
        verdicts,
        ...(compliance ? { compliance } : {}),
        verdict,
        headline: compliance?.headline ?? (0,headline/* headline */.P)(verdict, verdicts.end, elapsedMs),
        startedAt,
        elapsedMs,
        now: findings.now
    };
}

// EXTERNAL MODULE: ./src/wait/region-wait.ts + 6 modules
var region_wait = __webpack_require__(3642);
;// CONCATENATED MODULE: ./src/pipeline.ts












/**
 * inputs → wait in every region → verdict → compliance → the report → publish. Never throws
 * for AWS or GitHub trouble: that is part of the verdict, and the results are published on
 * every path.
 */
async function runPipeline(deps) {
    const { clock, log, destination } = deps;
    const prepared = await prepare(deps);
    if (prepared.kind === 'input-error') {
        await (0,publish/* failBeforeWait */.H4)(prepared.message, destination);
        return prepared;
    }
    const { inputs, baseline } = prepared;
    const startedAt = clock.now();
    announce(inputs, startedAt, log);
    const checks = inputs.githubToken ? await deps.checks?.(inputs) : undefined;
    const linksOf = (region) => consoleLinks(region, deps.partitionOf(region));
    const live = checks && liveCheck(checks, inputs, clock, startedAt, linksOf);
    const found = await waitAndGate(inputs, baseline, startedAt, deps, live);
    const report = buildReport({
        inputs,
        ...found,
        startedAt,
        now: clock.now(),
        linksOf
    });
    if (inputs.files.writeBaseline !== undefined)
        await writeBaselineFile(inputs.files.writeBaseline, found.compliance, {
            files: deps.files,
            log,
            now: report.now
        });
    await (0,publish/* publish */.mk)(report, { destination, log, checks });
    return { kind: 'report', report };
}
/** The inputs and the baseline file, read and checked before any call. */
async function prepare(deps) {
    let inputs;
    try {
        inputs = (0,src_inputs/* parseInputs */.TL)(deps.inputs, deps.env);
    }
    catch (error) {
        const message = error instanceof src_inputs/* InputError */.dz ? error.message : `Invalid input: ${String(error)}`;
        return { kind: 'input-error', message };
    }
    const loaded = await loadBaseline(inputs.files, deps.files);
    if (loaded.kind === 'invalid')
        return { kind: 'input-error', message: loaded.message };
    return {
        kind: 'ready',
        inputs,
        ...(loaded.kind === 'loaded' ? { baseline: loaded.baseline } : {})
    };
}
/** The wait's first line, and a warning for a `requested-after` ahead of the runner's clock. */
function announce(inputs, startedAt, log) {
    log.info(describeWait(inputs));
    if (inputs.requestedAfter !== undefined &&
        inputs.requestedAfter > startedAt + deployment/* CLOCK_SKEW_ALLOWANCE_MS */.Ik)
        log.warning(`Input 'requested-after' is in the future (${(0,deployment/* isoTime */.Ly)(new Date(inputs.requestedAfter))}, the runner's clock says ${(0,deployment/* isoTime */.Ly)(new Date(startedAt))}): no deployment requested before then counts, so the wait will likely time out`);
}
/** Every region's wait, the verdicts and, after a successful wait, the compliance gate. */
async function waitAndGate(inputs, baseline, startedAt, deps, live) {
    const { clock, log, signal } = deps;
    const deadline = startedAt + inputs.timeoutMs;
    const logOf = (region) => (0,region_wait/* regionLog */.Lz)(log, region, inputs.regions.length > 1);
    try {
        // Each region polls on its own: one region's throttling or outage never stalls another.
        const runs = await Promise.all(inputs.regions.map((region) => (0,region_wait/* waitInRegion */.x1)(region, inputs, {
            clock,
            deadline,
            signal,
            log: logOf(region),
            open: deps.aws,
            onRound: live?.onRound(region),
            progressIntervalMs: deps.progressIntervalMs
        })));
        const verdicts = pipeline_decide(inputs, runs);
        if (inputs.compliance === 'ignore' || verdicts.overall.result !== 'success')
            return { runs, verdicts };
        // The same deadline and cancellation: the evaluation is part of the wait.
        const reads = await evaluateInRegions(runs.map((r) => ({ region: r.region, packs: r.wait.packs })), inputs, { clock, deadline, signal, open: deps.aws, log: logOf, onRound: live?.onEvaluation });
        const known = baseline && { baseline, today: clock.now() };
        return { runs, verdicts, compliance: gate(verdicts.overall, reads, inputs.compliance, known) };
    }
    catch (error) {
        // Not expected (AWS trouble is part of the result), but the outputs still get written.
        const message = `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        const end = { kind: 'error', message };
        const runs = inputs.regions.map((region) => ({
            region,
            wait: { packs: [], end, startedAt, endedAt: clock.now(), rounds: 0 },
            explanations: new Map()
        }));
        return { runs, verdicts: pipeline_decide(inputs, runs) };
    }
    finally {
        deps.waitsOver?.();
    }
}
function pipeline_decide(inputs, runs) {
    return decideRegions(runs.map((r) => ({ region: r.region, packs: r.wait.packs, end: r.wait.end })), inputs);
}
function describeWait(inputs) {
    const kind = inputs.scope === 'organization' ? 'organization conformance pack' : 'conformance pack';
    const where = inputs.regions.join(', ');
    const what = inputs.names
        ? `${inputs.names.length} ${kind}(s) in ${where}: ${inputs.names.join(', ')}`
        : `every ${kind} in ${where}`;
    const after = inputs.requestedAfter === undefined
        ? ''
        : `, deployments requested after ${(0,deployment/* isoTime */.Ly)(new Date(inputs.requestedAfter))}`;
    return `Waiting for ${what} (timeout ${(0,pack_text/* formatDuration */.a3)(inputs.timeoutMs)}, polling every ${inputs.minDelayMs / 1000}s-${inputs.maxDelayMs / 1000}s${after})`;
}


/***/ }),

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ readEventsSince),
/* harmony export */   S5: () => (/* binding */ eventsSince),
/* harmony export */   V4: () => (/* binding */ EXPLAIN_IAM_ACTION)
/* harmony export */ });
/* harmony import */ var _shared_best_effort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5818);
/* harmony import */ var _shared_paging_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5045);


const EXPLAIN_IAM_ACTION = 'cloudformation:DescribeStackEvents';
/**
 * Every event of the stack at or after `since` (epoch ms; all of them when undefined), newest
 * first, paging back until an older event shows up. Best effort: never throws; a denied read
 * names the IAM action, a deleted stack says so.
 */
async function readEventsSince(stackArn, since, deps) {
    const events = [];
    const tokens = (0,_shared_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .pageTokens */ .oB)('DescribeStackEvents');
    let nextToken;
    do {
        const token = nextToken;
        const read = await (0,_shared_best_effort_js__WEBPACK_IMPORTED_MODULE_0__/* .bestEffort */ .z)(async (signal) => {
            const page = await deps.events.read(stackArn, token, signal);
            return { ...page, nextToken: tokens.follow(page.nextToken) };
        }, deps, {
            iamAction: EXPLAIN_IAM_ACTION,
            what: `DescribeStackEvents ${stackArn}`,
            classifier: deps.events,
            interpret: (error) => deps.events.isStackGone(error) ? 'the stack no longer exists' : undefined
        });
        if (!read.ok)
            return { ok: false, why: read.why };
        const page = eventsSince(read.value, since);
        events.push(...page.events);
        nextToken = page.reachedOlder ? undefined : read.value.nextToken;
    } while (nextToken);
    return { ok: true, events };
}
/**
 * The events of one page (newest first) at or after `since` (epoch ms; every one when
 * undefined), and whether an older one showed: then no later page can hold a newer one.
 */
function eventsSince(page, since) {
    const older = page.events.findIndex((event) => since !== undefined && event.timestamp.getTime() < since);
    return older === -1
        ? { events: page.events, reachedOlder: false }
        : { events: page.events.slice(0, older), reachedOlder: true };
}


/***/ }),

/***/ 3153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ CHECK_SUMMARY_LIMIT),
/* harmony export */   H1: () => (/* binding */ conclusionFor),
/* harmony export */   Tq: () => (/* binding */ checkTitle),
/* harmony export */   em: () => (/* binding */ packCounts)
/* harmony export */ });
/* unused harmony exports fitCheckSummary, commitUnderTest, field */
/**
 * What a check run shows, decided without GitHub: its conclusion, its title, the commit it
 * belongs to, and a summary cut to GitHub's limit.
 */
/**
 * GitHub's limit for a check run's `output.summary`. GitHub documents it as characters but
 * enforces it in UTF-8 bytes ("summary exceeds a maximum bytesize of 65535"), and the job
 * summary carries multi-byte marks (✅ ⏳ ⏱️), so the cut is measured in bytes.
 */
const CHECK_SUMMARY_LIMIT = 65_535;
const CUT_NOTE = '\n\n---\n_This summary was cut to fit the 65,535-character limit of a check run. The full table is in the job summary of the workflow run._\n';
const TABLE_CLOSE = '</table>';
/** `markdown` as is when it fits the limit; else cut at a row or line boundary, with a note. */
function fitCheckSummary(markdown) {
    const bytes = Buffer.from(markdown, 'utf8');
    if (bytes.length <= CHECK_SUMMARY_LIMIT)
        return markdown;
    const budget = CHECK_SUMMARY_LIMIT - Buffer.byteLength(CUT_NOTE, 'utf8') - Buffer.byteLength(TABLE_CLOSE);
    // Back up to the start of a UTF-8 sequence: never split a character.
    let end = budget;
    while (end > 0 && (bytes[end] & 0xc0) === 0x80)
        end--;
    let head = bytes.subarray(0, end).toString('utf8');
    // Prefer ending after a whole table row or line; else at least not inside a tag.
    const boundary = Math.max(head.lastIndexOf('</tr>') + '</tr>'.length, head.lastIndexOf('\n') + 1);
    if (boundary > head.length / 2)
        head = head.slice(0, boundary);
    else if (head.lastIndexOf('<') > head.lastIndexOf('>'))
        head = head.slice(0, head.lastIndexOf('<'));
    const opened = head.split('<table').length - 1;
    const closed = head.split(TABLE_CLOSE).length - 1;
    return `${head}${opened > closed ? TABLE_CLOSE : ''}${CUT_NOTE}`;
}
/** The commit the workflow tests: a pull request's head (not its merge commit), else GITHUB_SHA. */
function commitUnderTest(env, payload) {
    const head = field(field(field(payload, 'pull_request'), 'head'), 'sha');
    if (typeof head === 'string' && head !== '')
        return head;
    return env.GITHUB_SHA || undefined;
}
/** `value[key]` for JSON of unknown shape (event payloads, API errors). */
function field(value, key) {
    return typeof value === 'object' && value !== null
        ? value[key]
        : undefined;
}
/**
 * The check's conclusion for the wait's result. Failed packs under `fail-on-failure: false`
 * (the step does not fail) conclude `neutral`; non-compliant packs conclude `failure`.
 */
function conclusionFor(result, failStep) {
    switch (result) {
        case 'success':
            return 'success';
        case 'failure':
            return failStep ? 'failure' : 'neutral';
        case 'noncompliant':
            return 'failure';
        case 'timeout':
            return 'timed_out';
        case 'cancelled':
            return 'cancelled';
    }
}
/** How many packs are in each list of a verdict. */
function packCounts(lists) {
    return {
        completed: lists.completed.length,
        failed: lists.failed.length,
        pending: lists.pending.length,
        missing: lists.missing.length
    };
}
/** The check run's title: '2 of 3 packs deployed, 1 failed', or 'Waiting: 1 of 3 packs deployed'. */
function checkTitle(counts, done) {
    const total = counts.completed + counts.failed + counts.pending + counts.missing;
    if (total === 0)
        return done ? 'No conformance packs found' : 'Waiting for conformance packs';
    const extras = [
        [counts.failed, 'failed'],
        [counts.missing, 'not found'],
        // While waiting, the packs not yet deployed are pending by definition.
        [done ? counts.pending : 0, 'pending']
    ]
        .filter(([n]) => n !== 0)
        .map(([n, what]) => `, ${n} ${what}`)
        .join('');
    const line = `${counts.completed} of ${total} pack${total === 1 ? '' : 's'} deployed${extras}`;
    return done ? line : `Waiting: ${line}`;
}


/***/ }),

/***/ 3638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R_: () => (/* binding */ heading),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/**
 * Text for a job summary or check run cell: HTML-escaped, no `|` to break a markdown table, and
 * no line break: a blank line ends the HTML block in markdown, which would break the table and
 * let the rest of the text be read as markdown.
 */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\|/g, '&#124;')
        .replace(/\r\n|[\n\r]/g, '<br>');
}
/**
 * The HTML of a heading line, as @actions/core's summary writes it (the job summaries of
 * earlier versions read the same).
 */
function heading(text, level) {
    return `<h${level}>${text}</h${level}>\n`;
}
/** A table line, as @actions/core's summary writes it: no white space between the tags. */
function table(rows) {
    const cell = (c) => {
        if (typeof c === 'string')
            return wrap('td', c);
        return wrap(c.header ? 'th' : 'td', c.data, c.colspan ? ` colspan="${c.colspan}"` : '');
    };
    return `${wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join(''))}\n`;
}
function wrap(tag, content, attrs = '') {
    return content ? `<${tag}${attrs}>${content}</${tag}>` : `<${tag}${attrs}>`;
}


/***/ }),

/***/ 3121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H4: () => (/* binding */ failBeforeWait),
  Yz: () => (/* binding */ outputsOf),
  mk: () => (/* binding */ publish),
  YG: () => (/* binding */ summaryOf)
});

// EXTERNAL MODULE: ./src/publish/check-view.ts
var check_view = __webpack_require__(3153);
// EXTERNAL MODULE: ./src/packs/label.ts
var label = __webpack_require__(7252);
// EXTERNAL MODULE: ./src/publish/summary-limits.ts
var summary_limits = __webpack_require__(88);
// EXTERNAL MODULE: ./src/wait/region-wait.ts + 6 modules
var region_wait = __webpack_require__(3642);
// EXTERNAL MODULE: ./src/publish/report.ts
var publish_report = __webpack_require__(4585);
// EXTERNAL MODULE: ./src/publish/summary.ts + 5 modules
var publish_summary = __webpack_require__(3872);
// EXTERNAL MODULE: ./src/packs/pack-state.ts
var pack_state = __webpack_require__(5977);
;// CONCATENATED MODULE: ./src/publish/outputs.ts

/**
 * The action's outputs, in the order they are written. action.yml declares exactly these
 * (scripts/validate-action.ts checks it against this list).
 */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'result',
    'statuses',
    'completed-packs',
    'failed-packs',
    'pending-packs',
    'missing-packs',
    'compliance',
    'new-findings',
    'noncompliant-packs'
]));
/** The outputs of a run that stopped before any wait: a failure with empty lists. */
const FAILED_BEFORE_WAIT = {
    result: 'failure',
    statuses: [],
    'completed-packs': [],
    'failed-packs': [],
    'pending-packs': [],
    'missing-packs': [],
    compliance: [],
    'new-findings': [],
    'noncompliant-packs': []
};
/** Each output as the runner stores it: `result` as text, the lists as JSON. */
function outputValues(outputs) {
    return OUTPUT_NAMES.map((name) => {
        const value = outputs[name];
        return [name, typeof value === 'string' ? value : JSON.stringify(value)];
    });
}
/** GitHub rejects a job whose outputs add up to more than 1 MB. */
const JOB_OUTPUTS_LIMIT_BYTES = 1_000_000;
/**
 * The most `statuses` may take, as UTF-8 JSON: about 2,500 packs' entries. Well under the job's
 * limit, so that the other outputs of this step (the name lists) and of the job's other steps
 * still fit beside it.
 */
const STATUSES_LIMIT_BYTES = 600_000;
const SEE = 'failed-packs, pending-packs, missing-packs and completed-packs name every pack; the job summary has the details';
const bytes = (value) => Buffer.byteLength(JSON.stringify(value), 'utf8');
/**
 * `statuses` whole, in its order, while its JSON fits in `limitBytes`; past that, the failed
 * packs first, then the unfinished ones, then the others, as many as fit, and a
 * `{"truncated": true, …}` marker as the last element (a script tells it by `truncated`; it has
 * no `name` or `state`).
 */
function limitStatuses(entries, limitBytes = STATUSES_LIMIT_BYTES) {
    if (bytes(entries) <= limitBytes)
        return [...entries];
    // The order the job summary keeps rows in when it is cut short: failed, pending, missing.
    const ordered = (0,pack_state/* byAttention */._p)(entries, (entry) => entry.state);
    const marker = (kept) => ({
        truncated: true,
        omitted: entries.length - kept,
        total: entries.length,
        see: SEE
    });
    // Brackets, and a comma before every element but the first.
    let used = 2 + bytes(marker(0));
    let kept = 0;
    for (const entry of ordered) {
        const size = bytes(entry) + 1;
        if (used + size > limitBytes)
            break;
        used += size;
        kept += 1;
    }
    return [...ordered.slice(0, kept), marker(kept)];
}

;// CONCATENATED MODULE: ./src/publish/publish.ts







/**
 * Outputs first (they matter most to later steps), then the job summary, the annotations, the
 * check run's conclusion and the step's status. Runs on every path that got past the inputs.
 */
async function publish(report, deps) {
    const { destination, log, checks } = deps;
    const { inputs, regions: runs, verdicts, compliance, verdict } = report;
    destination.setOutputs(outputsOf(report));
    const summary = summaryOf(report);
    await destination.writeSummary((0,publish_summary/* fitSummary */.mW)(summary));
    const annotate = (note) => destination.annotate(note.level, note.message, note.title);
    for (const run of runs) {
        for (const note of (0,publish_report/* packAnnotations */.U0)(run.wait.packs, inputs, run.region, run.explanations))
            annotate(note);
    }
    for (const note of (0,publish_report/* emptyRegionAnnotations */.aW)(verdicts.overall, inputs))
        annotate(note);
    for (const note of compliance?.annotations ?? [])
        annotate(note);
    if (inputs.compliance === 'report')
        for (const problem of compliance?.problems ?? [])
            destination.annotate('warning', problem);
    for (const warning of compliance?.warnings ?? [])
        destination.annotate('warning', warning);
    const unexplained = new Map(runs.flatMap((r) => [...r.explanations].map(([name, e]) => [(0,label/* packLabel */.E)(r.region, name, runs.length > 1), e])));
    const notice = (0,publish_report/* unexplainedNotice */.QV)(unexplained, region_wait/* EXPLANATION_SOURCE */.iC[inputs.scope]);
    if (notice) {
        // A missing stack-events permission is expected of least-privilege roles; a failed
        // organization pack whose accounts cannot be read is worth a warning.
        destination.annotate(inputs.scope === 'organization' ? 'warning' : 'notice', notice);
    }
    const line = report.headline;
    await checks?.complete((0,check_view/* conclusionFor */.H1)(verdict.result, verdict.failStep), (0,check_view/* checkTitle */.Tq)((0,check_view/* packCounts */.em)(verdict), true), 
    // Shortened as the job summary is, so that the failed packs come first.
    (0,publish_summary/* fitSummary */.mW)(summary, summary_limits/* CHECK_SUMMARY_BUDGET */.G), {
        // A cancelled run is about to be killed: the final update gets about a second.
        timeoutMs: verdict.result === 'cancelled' ? 1_000 : undefined
    });
    if (verdict.failStep)
        destination.fail(line);
    else if (verdict.result === 'failure')
        destination.annotate('warning', `${line} (fail-on-failure is false)`);
    else
        log.info(line);
}
/** The step's outputs: what later steps read. */
function outputsOf(report) {
    const { verdict, compliance } = report;
    return {
        result: verdict.result,
        statuses: limitStatuses(report.regions.flatMap((r) => r.wait.packs.map((pack) => (0,publish_report/* statusEntry */.lW)(pack, r.region, r.explanations.get(pack.name))))),
        'completed-packs': verdict.completed,
        'failed-packs': verdict.failed,
        'pending-packs': verdict.pending,
        'missing-packs': verdict.missing,
        compliance: compliance?.entries ?? [],
        'new-findings': compliance?.newFindings ?? [],
        'noncompliant-packs': compliance?.noncompliant ?? []
    };
}
/** The job summary's (and the check run's, and the command's Markdown file's) view. */
function summaryOf(report) {
    return {
        scope: report.inputs.scope,
        regions: report.regions.map((r) => ({
            region: r.region,
            links: r.links,
            packs: r.wait.packs,
            verdict: r.verdict,
            end: r.wait.end,
            explanations: r.explanations,
            compliance: r.compliance
        })),
        verdict: report.verdict,
        end: report.verdicts.end,
        elapsedMs: report.elapsedMs,
        now: report.now,
        headline: report.compliance?.headline,
        problems: report.compliance?.problems,
        baseline: report.compliance?.baseline
    };
}
/** A run that stopped before any wait, for example on a bad input. */
async function failBeforeWait(message, destination) {
    destination.setOutputs(FAILED_BEFORE_WAIT);
    await destination.writeSummary((0,publish_summary/* renderErrorSummary */.L)(message));
    destination.fail(message);
}


/***/ }),

/***/ 4585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ unexplainedNotice),
/* harmony export */   U0: () => (/* binding */ packAnnotations),
/* harmony export */   aW: () => (/* binding */ emptyRegionAnnotations),
/* harmony export */   lW: () => (/* binding */ statusEntry),
/* harmony export */   w9: () => (/* binding */ describeResource)
/* harmony export */ });
/* unused harmony export describeAccount */
/* harmony import */ var _packs_member_account_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1660);
/* harmony import */ var _packs_pack_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3665);
/* harmony import */ var _report_headline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4512);
/* harmony import */ var _wait_failed_accounts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9589);
/* harmony import */ var _packs_pack_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5977);





function statusEntry(pack, region, explanation) {
    const detail = (0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_4__/* .detailOf */ .Rw)(pack);
    const entry = {
        name: pack.name,
        state: pack.state,
        reportedState: pack.state === 'PREVIOUS_DEPLOYMENT' ? pack.detail.state : undefined,
        reason: (0,_packs_pack_text_js__WEBPACK_IMPORTED_MODULE_1__/* .reasonOf */ .A3)(pack),
        id: detail?.id,
        arn: detail?.arn,
        stackArn: detail?.stackArn,
        region,
        lastUpdateRequestedTime: detail?.requestedAt?.toISOString(),
        lastUpdateCompletedTime: detail?.completedAt?.toISOString(),
        errorCode: detail?.errorCode,
        lastUpdateTime: detail?.updatedAt?.toISOString(),
        failedResources: explanation?.kind === 'explained' ? explanation.resources : undefined,
        failedAccounts: (0,_wait_failed_accounts_js__WEBPACK_IMPORTED_MODULE_3__/* .failedAccountIds */ .vm)(explanation)
    };
    return JSON.parse(JSON.stringify(entry));
}
/** `AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED: reason` */
function describeResource(resource) {
    return `${resource.logicalId} (${resource.type}) ${resource.status}${resource.reason ? `: ${resource.reason}` : ''}`;
}
/** `111111111111 CREATE_FAILED (ErrorCode): message` */
function describeAccount(account) {
    const code = account.errorCode ? ` (${account.errorCode})` : '';
    return `${account.accountId} ${account.status}${code}${account.message ? `: ${account.message}` : ''}`;
}
/** Member accounts named in a failed organization pack's annotation; the rest are counted. */
const ACCOUNTS_IN_ANNOTATION = 3;
/**
 * A line per pack that needs a person's eye: failed packs (with the first failed resource of
 * their stack, usually the cause, or their failed member accounts), and packs that are not there.
 */
function packAnnotations(packs, policy, region, explanations = new Map()) {
    const notes = [];
    for (const pack of packs) {
        if ((0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_4__/* .outcomeOf */ .sG)(pack.state) === 'failed') {
            notes.push({
                level: policy.failOnFailure ? 'error' : 'warning',
                title: `Conformance pack ${pack.name}: ${pack.state}`,
                message: withCause(`${pack.name} is ${pack.state} in ${region}: ${(0,_packs_pack_text_js__WEBPACK_IMPORTED_MODULE_1__/* .reasonOf */ .A3)(pack) ?? 'AWS Config gave no reason'}`, explanations.get(pack.name))
            });
        }
        else if (pack.state === 'NOT_FOUND') {
            const vanished = pack.detail ? ` (it was ${pack.detail.state} earlier in this wait)` : '';
            notes.push({
                level: policy.missingPack === 'fail' ? 'error' : 'warning',
                title: `Conformance pack ${pack.name}: NOT_FOUND`,
                message: `${pack.name}: no conformance pack of that name in ${region}${vanished}`
            });
        }
    }
    return notes;
}
function withCause(message, explanation) {
    const base = message.replace(/\.$/, '');
    if (explanation?.kind === 'explained' && explanation.resources[0]) {
        return `${base}. First failed resource: ${describeResource(explanation.resources[0])}`;
    }
    if (explanation?.kind === 'accounts') {
        const failed = explanation.accounts.filter(_packs_member_account_js__WEBPACK_IMPORTED_MODULE_0__/* .accountFailed */ .T);
        if (failed.length === 0)
            return message;
        const shown = failed.slice(0, ACCOUNTS_IN_ANNOTATION).map(describeAccount);
        const more = failed.length - shown.length;
        return `${base}. Failed in ${failed.length} member account(s): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
    }
    return message;
}
/**
 * One annotation per region that, with no names given, listed no conformance pack: nothing was
 * checked there. An error under `compliance: require` (the region fails), else a warning.
 */
function emptyRegionAnnotations(verdict, policy) {
    const require = policy.compliance === 'require';
    return (verdict.emptyRegions ?? []).map((region) => ({
        level: require ? 'error' : 'warning',
        title: `No conformance pack in ${region}`,
        message: require
            ? `${(0,_report_headline_js__WEBPACK_IMPORTED_MODULE_2__/* .noPackIn */ .a)(region)}: compliance: require fails a region with nothing to check. Check the region and the account the credentials are for.`
            : `${(0,_report_headline_js__WEBPACK_IMPORTED_MODULE_2__/* .noPackIn */ .a)(region)}: with no conformance-pack-names, every pack in the region is awaited, and there was none, so nothing was checked there. Check the region and the account the credentials are for; compliance: require fails on this.`
    }));
}
/**
 * One notice for every failed pack whose stack could not be read: what stopped it, so the
 * fix (usually the IAM action) is plain.
 */
function unexplainedNotice(explanations, source) {
    const missing = [...explanations].flatMap(([name, e]) => e.kind === 'unavailable' ? [`${name}: ${e.why}`] : []);
    if (missing.length === 0)
        return undefined;
    return `Could not read the ${source.what} that explain ${missing.length} failed pack(s) (the result is unchanged; the role needs ${source.iamAction} to read them): ${missing.join('; ')}`;
}


/***/ }),

/***/ 88:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ CHECK_SUMMARY_BUDGET),
/* harmony export */   Jz: () => (/* binding */ SUMMARY_LIMIT_BYTES),
/* harmony export */   yU: () => (/* binding */ shownPacks)
/* harmony export */ });
/* harmony import */ var _check_view_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3153);
/* harmony import */ var _packs_pack_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5977);


/**
 * GitHub's limit for one step's job summary: 1 MiB, counted in bytes. A larger summary is
 * refused whole (the upload fails and nothing is shown), so the summary is shortened to fit.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/**
 * What a check run's summary is shortened to: GitHub's limit, less room for the note a summary
 * still cut (by fitCheckSummary) ends with.
 */
const CHECK_SUMMARY_BUDGET = _check_view_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_SUMMARY_LIMIT */ .Ce - 512;
const WHAT = {
    failed: 'failed',
    'in-progress': 'pending',
    unknown: 'pending',
    missing: 'not found',
    completed: 'completed'
};
/**
 * The packs a table shows within the budget, the ones that matter most first, and a line
 * counting the rest and saying where they are.
 */
function shownPacks(packs, budget) {
    if (budget === undefined || packs.length <= budget)
        return { packs };
    const ranked = (0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .byAttention */ ._p)(packs, (pack) => pack.state);
    const shown = ranked.slice(0, Math.max(0, budget));
    const rest = ranked.slice(shown.length);
    const counts = new Map();
    for (const pack of rest) {
        const what = WHAT[(0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeOf */ .sG)(pack.state)];
        counts.set(what, (counts.get(what) ?? 0) + 1);
    }
    const by = [...counts].map(([what, n]) => `${n} ${what}`).join(', ');
    return {
        packs: shown,
        left: `${rest.length} more pack${rest.length === 1 ? '' : 's'} (${by}) not shown: the summary is kept under GitHub's 1 MiB limit. The step's statuses output lists every pack.`
    };
}


/***/ }),

/***/ 3872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mW: () => (/* binding */ fitSummary),
  L: () => (/* binding */ renderErrorSummary)
});

// UNUSED EXPORTS: escapeHtml, renderSummary

// EXTERNAL MODULE: ./src/compliance/annotations.ts
var annotations = __webpack_require__(253);
// EXTERNAL MODULE: ./src/packs/pack-text.ts
var pack_text = __webpack_require__(3665);
// EXTERNAL MODULE: ./src/report/headline.ts
var headline = __webpack_require__(4512);
// EXTERNAL MODULE: ./src/publish/html.ts
var publish_html = __webpack_require__(3638);
// EXTERNAL MODULE: ./src/packs/member-account.ts
var member_account = __webpack_require__(1660);
// EXTERNAL MODULE: ./src/compliance/evaluation-compliance.ts
var evaluation_compliance = __webpack_require__(4289);
;// CONCATENATED MODULE: ./src/publish/compliance-cells.ts




/** Rule names listed in the summary before the rest are counted. */
const RULES_SHOWN = 10;
/** Non-compliant resources of a rule listed in the summary before the rest are counted. */
const RESOURCES_SHOWN = 10;
const CELLS = {
    COMPLIANT: '✅ COMPLIANT',
    NON_COMPLIANT: '❌ NON_COMPLIANT',
    INSUFFICIENT_DATA: '⚠️ INSUFFICIENT_DATA'
};
/**
 * The compliance column of the summary table; '–' when compliance was not read. With the
 * rules judged: how many ended how, and how long their evaluation took.
 */
function complianceCell(c) {
    if (!c)
        return '–';
    const e = c.evaluation;
    if (!e)
        return CELLS[c.compliance];
    const allOutOfScope = c.compliance === 'INSUFFICIENT_DATA' && e.nothingInScope > 0;
    const head = allOutOfScope ? '✅ nothing in scope' : CELLS[c.compliance];
    const counts = [
        `${e.compliant} compliant`,
        `${e.nonCompliant} non-compliant`,
        ...(e.nothingInScope ? [`${e.nothingInScope} with nothing in scope`] : []),
        `${e.unevaluated} unevaluated`,
        `${e.failed} failed`
    ];
    return `${head}<br>${counts.join(', ')}<br>evaluated in ${(0,pack_text/* formatDuration */.a3)(e.durationMs)}`;
}
/**
 * What goes under the pack's row: its non-compliant rules (the first 10, then how many more),
 * each with its non-compliant resources, then the rules that failed to evaluate and those not
 * evaluated yet. '' when there is nothing to say.
 */
function rulesHtml(c, links) {
    const parts = [];
    const rules = c.nonCompliantRules;
    if (rules.length) {
        const byName = new Map((c.rules ?? []).map((r) => [r.name, r]));
        const items = rules
            .slice(0, RULES_SHOWN)
            .map((rule) => `<li>${(0,publish_html/* escapeHtml */.ZD)(rule)}${resourcesHtml(byName.get(rule), links)}</li>`);
        if (rules.length > RULES_SHOWN)
            items.push(`<li>${rules.length - RULES_SHOWN} more</li>`);
        parts.push(`Non-compliant rules:<ul>${items.join('')}</ul>`);
    }
    const failed = (0,evaluation_compliance/* rulesWith */.qS)(c, 'EVALUATION_FAILED');
    if (failed.length) {
        parts.push(`Rules that failed to evaluate:${listHtml(failed, (r) => `${(0,publish_html/* escapeHtml */.ZD)(r.name)}: ${(0,publish_html/* escapeHtml */.ZD)((0,annotations/* ruleErrorText */._G)(r))}`)}`);
    }
    const unevaluated = (0,evaluation_compliance/* rulesWith */.qS)(c, 'NOT_EVALUATED');
    if (unevaluated.length) {
        parts.push(`Rules not evaluated since the deployment:${listHtml(unevaluated, (r) => (0,publish_html/* escapeHtml */.ZD)(r.name))}`);
    }
    return parts.join('');
}
function listHtml(rules, item) {
    const items = rules.slice(0, RULES_SHOWN).map((r) => `<li>${item(r)}</li>`);
    if (rules.length > RULES_SHOWN)
        items.push(`<li>${rules.length - RULES_SHOWN} more</li>`);
    return `<ul>${items.join('')}</ul>`;
}
function resourcesHtml(rule, links) {
    // New findings first: a baseline's known ones matter less.
    const resources = [...(rule?.nonCompliantResources ?? [])].sort((a, b) => Number(a.baseline === 'known') - Number(b.baseline === 'known'));
    if (!resources.length)
        return '';
    const items = resources.slice(0, RESOURCES_SHOWN).map((r) => {
        const name = (0,publish_html/* escapeHtml */.ZD)(`${r.resourceType} ${r.resourceId}`);
        const shown = `<a href="${(0,publish_html/* escapeHtml */.ZD)(links.resource(r.resourceType, r.resourceId))}">${name}</a>`;
        const known = r.baseline === 'known'
            ? ` <sub>known${r.reason ? `: ${(0,publish_html/* escapeHtml */.ZD)(r.reason)}` : ''}</sub>`
            : '';
        return `<li>${shown}${r.annotation ? `: ${(0,publish_html/* escapeHtml */.ZD)(r.annotation)}` : ''}${known}</li>`;
    });
    const more = resources.length - Math.min(resources.length, RESOURCES_SHOWN);
    if (more || rule?.resourcesTruncated) {
        items.push(`<li>${more ? `${more} more` : ''}${rule?.resourcesTruncated ? ' (and more not read)' : ''}</li>`);
    }
    return `<ul>${items.join('')}</ul>`;
}

// EXTERNAL MODULE: ./src/wait/stack-progress.ts
var stack_progress = __webpack_require__(713);
// EXTERNAL MODULE: ./src/packs/pack-state.ts
var pack_state = __webpack_require__(5977);
// EXTERNAL MODULE: ./src/publish/report.ts
var report = __webpack_require__(4585);
;// CONCATENATED MODULE: ./src/publish/cells.ts
/**
 * The small pieces of a summary cell that keep the table readable as GitHub renders it.
 * GitHub's sanitizer drops `style` attributes and `<nobr>`, but keeps `<wbr>`, `<details>`
 * and the no-break space, so these are what the cells are made of.
 */

/** A reason longer than this is shortened in its cell, the whole text one click away. */
const REASON_SHOWN_CHARS = 100;
/** A mark and the word it marks, never wrapped apart. */
function marked(mark, text) {
    return `${mark}&nbsp;${(0,publish_html/* escapeHtml */.ZD)(text)}`;
}
/**
 * A name the table may wrap, so one long name cannot push the table wide: browsers break
 * after a hyphen already; `<wbr>` adds a break after `_`, `.`, `/` or `:` and inside any run
 * of more than `run` characters without one.
 */
function wrappable(name, run = 24) {
    const pieces = name
        .split(/(?<=[-_./:])/)
        .flatMap((piece) => piece.match(new RegExp(`[^]{1,${run}}`, 'g')) ?? []);
    return pieces
        .map((piece, i) => (i > 0 && !pieces[i - 1].endsWith('-') ? '<wbr>' : '') + (0,publish_html/* escapeHtml */.ZD)(piece))
        .join('');
}
/** A reason as a cell: whole when short, else its beginning with the whole text below it. */
function reasonCell(reason, max = REASON_SHOWN_CHARS) {
    if (reason.length <= max)
        return (0,publish_html/* escapeHtml */.ZD)(reason);
    const cut = reason.slice(0, max);
    const atWord = cut.lastIndexOf(' ');
    const head = (atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd();
    return `<details><summary>${(0,publish_html/* escapeHtml */.ZD)(head)}…</summary>${(0,publish_html/* escapeHtml */.ZD)(reason)}</details>`;
}
/**
 * A time in a table whose header says UTC: the time of day, with the date in front only when
 * it is not the run's own date.
 */
function compactTime(date, runDate) {
    if (!date)
        return '';
    const iso = date.toISOString();
    const day = iso.slice(0, 10);
    const time = iso.slice(11, 19);
    return day === runDate ? time : `${day}&nbsp;${time}`;
}
/** The UTC date (`YYYY-MM-DD`) of an epoch time. */
function utcDate(epochMs) {
    return new Date(epochMs).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/publish/summary-table.ts








/** Failed resources shown under a pack's row; the rest are counted. */
const MAX_RESOURCES_SHOWN = 10;
/** Member accounts shown under an organization pack's row, failed first; the rest are counted. */
const MAX_ACCOUNTS_SHOWN = 20;
const OUTCOME_MARK = {
    completed: '✅',
    failed: '❌',
    'in-progress': '⏳',
    missing: '❓',
    unknown: '❔'
};
function stateMark(state) {
    return (0,pack_state/* isDeleted */.oy)(state) ? '🗑️' : OUTCOME_MARK[(0,pack_state/* outcomeOf */.sG)(state)];
}
const HEADERS = {
    account: ['Pack', 'State', 'Reason', 'Requested (UTC)', 'Completed (UTC)', 'Duration'],
    organization: ['Pack', 'State', 'Reason', 'Error code', 'Last update (UTC)']
};
/** The table of one region's packs, with what explains each failure under its row. */
function packTable(scope, links, packs, explanations, now, compliance, view = {}) {
    const runDate = view.runDate ?? utcDate(now);
    const headers = compliance ? [...HEADERS[scope], 'Compliance'] : HEADERS[scope];
    return [
        headers.map((data) => ({ data, header: true })),
        ...packs.flatMap((pack) => {
            const cells = scope === 'account'
                ? accountRow(pack, links, now, runDate, view.progress?.get(pack.name))
                : organizationRow(pack, runDate);
            if (compliance)
                cells.push(complianceCell(compliance.get(pack.name)));
            const packCompliance = compliance?.get(pack.name);
            const rules = packCompliance ? rulesHtml(packCompliance, links) : '';
            return [
                // core.summary leaves an empty cell's tag unclosed, which breaks the row in some renderers.
                cells.map((cell) => cell || '–'),
                ...explanationRow(explanations.get(pack.name), scope, headers.length),
                ...(rules ? [[{ data: rules, colspan: String(headers.length) }]] : [])
            ];
        })
    ];
}
/**
 * A pack the service knows links to its page in the AWS Config console; a failed one with a
 * stack also links the stack, where the failed resources are.
 */
function accountName(pack, links) {
    const detail = (0,pack_state/* detailOf */.Rw)(pack);
    const known = detail !== undefined && pack.state !== 'NOT_FOUND' && !(0,pack_state/* isDeleted */.oy)(pack.state);
    const name = known
        ? `<a href="${(0,publish_html/* escapeHtml */.ZD)(links.pack(pack.name))}">${wrappable(pack.name)}</a>`
        : wrappable(pack.name);
    if (!detail?.stackArn || (0,pack_state/* outcomeOf */.sG)(pack.state) !== 'failed')
        return name;
    return `${name}<br><sub><a href="${(0,publish_html/* escapeHtml */.ZD)(links.stack(detail.stackArn))}">CloudFormation stack</a></sub>`;
}
function accountRow(pack, links, now, runDate, progress) {
    const detail = (0,pack_state/* detailOf */.Rw)(pack);
    const name = accountName(pack, links);
    const completed = pack.state === 'CREATE_COMPLETE' ? detail?.completedAt : undefined;
    const duration = (0,pack_text/* deploymentDuration */.sE)(pack, now);
    const reason = reasonCell((0,pack_text/* reasonOf */.A3)(pack) ?? defaultReason(pack));
    const stack = progress && (0,pack_state/* outcomeOf */.sG)(pack.state) === 'in-progress'
        ? (0,publish_html/* escapeHtml */.ZD)((0,stack_progress/* describeStackProgress */.b8)(progress))
        : '';
    return [
        name,
        marked(stateMark(pack.state), pack.state),
        [reason, stack].filter(Boolean).join('<br>'),
        compactTime(detail?.requestedAt, runDate),
        compactTime(completed, runDate),
        duration === undefined ? '' : (0,pack_text/* formatDuration */.a3)(duration)
    ];
}
function organizationRow(pack, runDate) {
    const detail = (0,pack_state/* detailOf */.Rw)(pack);
    return [
        wrappable(pack.name),
        marked(stateMark(pack.state), pack.state),
        reasonCell((0,pack_text/* reasonOf */.A3)(pack) ?? defaultReason(pack)),
        (0,publish_html/* escapeHtml */.ZD)(detail?.errorCode ?? ''),
        compactTime(detail?.updatedAt, runDate)
    ];
}
/** A full-width row under a failed pack: its failed stack resources or its member accounts. */
function explanationRow(explanation, scope, width) {
    if (!explanation)
        return [];
    let html;
    switch (explanation.kind) {
        case 'unavailable':
            html = `<em>${scope === 'account' ? 'Stack events' : 'Member account statuses'} unavailable: ${(0,publish_html/* escapeHtml */.ZD)(explanation.why)}</em>`;
            break;
        case 'explained':
            html = explanation.resources.length
                ? `Failed resources:${list(explanation.resources.map((r) => (0,report/* describeResource */.w9)(r)), MAX_RESOURCES_SHOWN, '<strong>Cause:</strong> ')}`
                : '<em>No failed resource in the stack events of this deployment.</em>';
            break;
        case 'accounts':
            html = explanation.accounts.length
                ? accountsTable(explanation)
                : '<em>No member account reported.</em>';
            break;
    }
    return [[{ data: html, colspan: String(width) }]];
}
function list(items, max, firstMark = '') {
    const shown = items
        .slice(0, max)
        .map((item, i) => `<li>${i === 0 ? firstMark : ''}${(0,publish_html/* escapeHtml */.ZD)(item)}</li>`);
    if (items.length > max)
        shown.push(`<li>${items.length - max} more</li>`);
    return `<ul>${shown.join('')}</ul>`;
}
function accountsTable(explanation) {
    const failed = explanation.accounts.filter(member_account/* accountFailed */.T).length;
    const rows = explanation.accounts
        .slice(0, MAX_ACCOUNTS_SHOWN)
        .map((a) => `<tr><td>${(0,publish_html/* escapeHtml */.ZD)(a.accountId)}</td><td>${(0,publish_html/* escapeHtml */.ZD)(a.status)}</td><td>${(0,publish_html/* escapeHtml */.ZD)(a.errorCode ?? '–')}</td><td>${(0,publish_html/* escapeHtml */.ZD)(a.message ?? '–')}</td></tr>`);
    const more = explanation.accounts.length - MAX_ACCOUNTS_SHOWN;
    if (more > 0)
        rows.push(`<tr><td colspan="4">${more} more</td></tr>`);
    return `Member accounts (${failed} failed of ${explanation.accounts.length}):<table><tr><th>Account</th><th>Status</th><th>Error code</th><th>Message</th></tr>${rows.join('')}</table>`;
}
function defaultReason(pack) {
    switch (pack.state) {
        case 'NOT_FOUND':
            return pack.detail
                ? `Vanished while ${pack.detail.state}`
                : 'No conformance pack of this name';
        case 'DELETE_COMPLETE':
        case 'DELETE_SUCCESSFUL':
            return 'Deleted';
        case 'UNKNOWN':
            return 'No answer from AWS Config';
        default:
            return '';
    }
}

// EXTERNAL MODULE: ./src/publish/summary-limits.ts
var summary_limits = __webpack_require__(88);
;// CONCATENATED MODULE: ./src/publish/timeline.ts


/** Above this many packs a chart of them is too tall to read: none is drawn. */
const TIMELINE_MAX_PACKS = 50;
/**
 * A name as Mermaid may read it in a gantt task: Mermaid's own syntax characters (`:` ends a
 * task's name, `#` and `;` start entities and statements, `%%` a comment, backticks could close
 * the code fence) and line breaks become spaces, and a very long name is cut.
 */
function mermaidSafe(name, max = 60) {
    const safe = name
        .replace(/[^A-Za-z0-9 _\-.()/+=@]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const cut = safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
    return cut || 'pack';
}
/**
 * The deployments of several packs as a Mermaid gantt chart (GitHub draws ```mermaid blocks
 * in job summaries): each bar from the pack's requested update to its completion, or to `now`
 * for one not done; failed ones marked `crit`, ones still going `active`. Undefined for fewer
 * than two packs with a request time, or more than TIMELINE_MAX_PACKS.
 */
function renderTimeline(regions, now) {
    const total = regions.reduce((n, r) => n + r.packs.length, 0);
    if (total > TIMELINE_MAX_PACKS)
        return undefined;
    const sections = regions.map((r) => ({ region: r.region, bars: r.packs.flatMap(bar(now)) }));
    if (sections.reduce((n, s) => n + s.bars.length, 0) < 2)
        return undefined;
    const lines = ['gantt', '  title Deployments', '  dateFormat x', '  axisFormat %H:%M:%S'];
    for (const { region, bars } of sections) {
        if (!bars.length)
            continue;
        if (regions.length > 1)
            lines.push(`  section ${mermaidSafe(region)}`);
        lines.push(...bars.map((b) => `  ${b}`));
    }
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
function bar(now) {
    return (pack) => {
        // An earlier deployment's times are not the awaited one's.
        if (pack.state === 'PREVIOUS_DEPLOYMENT')
            return [];
        const start = (0,pack_state/* detailOf */.Rw)(pack)?.requestedAt?.getTime();
        const duration = (0,pack_text/* packDuration */.Ut)(pack, now);
        if (start === undefined || duration === undefined)
            return [];
        const outcome = (0,pack_state/* outcomeOf */.sG)(pack.state);
        const end = start + duration;
        const tag = outcome === 'failed' ? 'crit' : outcome === 'in-progress' ? 'active' : 'done';
        // A bar needs some length to be seen.
        return [`${mermaidSafe(pack.name)} :${tag}, ${start}, ${Math.max(end, start + 1000)}`];
    };
}

// EXTERNAL MODULE: ./src/baseline/index.ts + 6 modules
var baseline = __webpack_require__(8146);
;// CONCATENATED MODULE: ./src/publish/baseline-summary.ts


/** Findings listed in each part of the baseline's section before the rest are counted. */
const FINDINGS_SHOWN = 20;
/**
 * The baseline's part of the job summary: how many findings are new, known and fixed; the new
 * ones listed first, the known ones (with their reasons) and the fixed entries folded.
 */
function baselineSection(result) {
    const findings = result.judgement.findings;
    const fresh = findings.filter((j) => j.status === 'new');
    const known = findings.flatMap((j) => (j.status === 'known' ? [j] : []));
    const fixed = result.judgement.fixed;
    const counts = `${fresh.length} new, ${known.length} known, ${fixed.length} fixed`;
    const parts = [
        `<p>${fresh.length ? '🛑' : '✅'} Baseline <code>${(0,publish_html/* escapeHtml */.ZD)(result.path)}</code>: ${counts}</p>`
    ];
    if (fresh.length)
        parts.push(`<p>New findings:</p>${baseline_summary_list(fresh.map((j) => (0,baseline/* describeFinding */.jb)(j.finding)))}`);
    if (known.length)
        parts.push(folded(`${known.length} known finding(s)`, known.map((j) => `${(0,baseline/* describeFinding */.jb)(j.finding)}${j.entry.reason ? `: ${j.entry.reason}` : ''}`)));
    if (fixed.length)
        parts.push(folded(`${fixed.length} baseline entr${fixed.length === 1 ? 'y matches' : 'ies match'} nothing any more (fixed: the file can drop ${fixed.length === 1 ? 'it' : 'them'})`, fixed.map(baseline/* entryLabel */.b4)));
    return `${parts.join('\n')}\n`;
}
function baseline_summary_list(items) {
    const shown = items.slice(0, FINDINGS_SHOWN).map((item) => `<li>${(0,publish_html/* escapeHtml */.ZD)(item)}</li>`);
    if (items.length > FINDINGS_SHOWN)
        shown.push(`<li>${items.length - FINDINGS_SHOWN} more</li>`);
    return `<ul>${shown.join('')}</ul>`;
}
function folded(summary, items) {
    return `<details><summary>${(0,publish_html/* escapeHtml */.ZD)(summary)}</summary>${baseline_summary_list(items)}</details>`;
}

;// CONCATENATED MODULE: ./src/publish/summary.ts










const RESULT_MARK = {
    success: '✅',
    failure: '❌',
    timeout: '⏱️',
    cancelled: '🚫',
    noncompliant: '🛑'
};
/**
 * The job summary's HTML. One region: a heading and the table. Several: the overall result,
 * then each region with its own result line. While the wait goes on (the check run's view):
 * the packs as last seen, with no result.
 */
function renderSummary(report, shown) {
    const { regions } = report;
    const runDate = utcDate(report.now - report.elapsedMs);
    const final = report.inProgress ? undefined : report;
    const what = report.scope === 'organization'
        ? 'AWS Config organization conformance packs'
        : 'AWS Config conformance packs';
    const parts = [];
    const line = (html) => void parts.push(`${html}\n`);
    parts.push((0,publish_html/* heading */.R_)(final
        ? `${RESULT_MARK[final.verdict.result]} ${what}: ${final.verdict.result}`
        : `⏳ ${what}: waiting`, 2));
    const where = regions.length === 1
        ? `Region <code>${regions[0].region}</code>`
        : `${regions.length} regions: ${regions.map((r) => `<code>${r.region}</code>`).join(', ')}`;
    const total = regions.reduce((n, r) => n + r.packs.length, 0);
    const lists = report.inProgress ? report.lists : report.verdict;
    line(`<p>${where} · waited ${(0,pack_text/* formatDuration */.a3)(report.elapsedMs)} · ${countLine(lists, total)}</p>`);
    if (final && (final.verdict.result !== 'success' || final.end.kind === 'error')) {
        const text = final.headline ?? (0,headline/* headline */.P)(final.verdict, final.end, final.elapsedMs);
        line(`<p><strong>${(0,publish_html/* escapeHtml */.ZD)(text)}</strong></p>`);
    }
    for (const problem of final?.problems ?? [])
        line(`<p>⚠️ ${(0,publish_html/* escapeHtml */.ZD)(problem)}</p>`);
    if (final?.baseline)
        parts.push(baselineSection(final.baseline));
    const each = regions;
    for (const region of each)
        parts.push(regionSection(region, report, runDate, shown));
    const insufficient = (final?.regions ?? []).some((r) => [...(r.compliance?.values() ?? [])].some((c) => c.compliance === 'INSUFFICIENT_DATA'));
    if (insufficient)
        line(`<p>⚠️ ${(0,publish_html/* escapeHtml */.ZD)(annotations/* INSUFFICIENT_DATA_MEANING */.jo)}</p>`);
    // Last: the tables matter more. A blank line ends the HTML block before the fence.
    const timeline = renderTimeline(regions, report.now);
    if (timeline)
        parts.push(`\n${timeline}`);
    return parts.join('');
}
/** One region's part: its own result line when several are awaited, then its table. */
function regionSection(region, report, runDate, shown) {
    const parts = [];
    const line = (html) => void parts.push(`${html}\n`);
    const result = 'verdict' in region ? region : undefined;
    if (result && report.regions.length > 1) {
        parts.push((0,publish_html/* heading */.R_)(`${RESULT_MARK[result.verdict.result]} ${region.region}: ${result.verdict.result}`, 3));
        line(`<p>${(0,publish_html/* escapeHtml */.ZD)((0,headline/* headline */.P)(result.verdict, result.end, report.elapsedMs))}</p>`);
    }
    if (result?.verdict.emptyRegions?.length) {
        const mark = result.verdict.result === 'failure' ? '❌' : '⚠️';
        line(`<p>${mark} No conformance pack was found in <code>${(0,publish_html/* escapeHtml */.ZD)(region.region)}</code>: nothing was checked there.</p>`);
    }
    else if (region.packs.length === 0) {
        line(`<p>No conformance packs in <code>${region.region}</code>.</p>`);
    }
    else {
        const { packs, left } = (0,summary_limits/* shownPacks */.yU)(region.packs, shown);
        parts.push((0,publish_html/* table */.tp)(packTable(report.scope, region.links, packs, result?.explanations ?? new Map(), report.now, result?.compliance, { runDate, progress: 'stackProgress' in region ? region.stackProgress : undefined })));
        if (left)
            line(`<p>${(0,publish_html/* escapeHtml */.ZD)(left)}</p>`);
    }
    return parts.join('');
}
/**
 * The summary within `limitBytes` (GitHub's limit for a job summary by default): whole when it
 * fits, else with fewer rows in each region's table, failed and pending packs kept first.
 */
function fitSummary(report, limitBytes = summary_limits/* SUMMARY_LIMIT_BYTES */.Jz) {
    const whole = renderSummary(report);
    const size = (html) => Buffer.byteLength(html, 'utf8');
    let bytes = size(whole);
    if (bytes <= limitBytes)
        return whole;
    const most = Math.max(0, ...report.regions.map((r) => r.packs.length));
    if (most === 0)
        return whole;
    let rows = Math.floor(most * (limitBytes / bytes) * 0.95);
    for (;;) {
        const html = renderSummary(report, rows);
        bytes = size(html);
        if (bytes <= limitBytes || rows === 0)
            return html;
        rows = Math.floor(rows * Math.min(0.9, limitBytes / bytes));
    }
}
function countLine(verdict, total) {
    const parts = [
        [verdict.completed.length, 'completed'],
        [verdict.failed.length, 'failed'],
        [verdict.pending.length, 'pending'],
        [verdict.missing.length, 'not found']
    ]
        .filter(([n]) => n !== 0)
        .map(([n, what]) => `${n} ${what}`);
    return `${total} pack${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
/** The summary of a run that stopped before any wait, for example on a bad input. */
function renderErrorSummary(message) {
    return `${(0,publish_html/* heading */.R_)(`${RESULT_MARK.failure} AWS Config conformance packs: failure`, 2)}<p><strong>${(0,publish_html/* escapeHtml */.ZD)(message)}</strong></p>\n`;
}


/***/ }),

/***/ 4512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ headline),
/* harmony export */   a: () => (/* binding */ noPackIn)
/* harmony export */ });
/* harmony import */ var _packs_deployment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _packs_pack_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3665);


const noPackIn = (regions) => `No conformance pack was found in ${regions}`;
/** The one line the step fails with, or the closing line of a passing run. */
function headline(verdict, end, elapsedMs) {
    const list = (names) => names.join(', ');
    const waited = (0,_packs_pack_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsedMs);
    // Why a pack that looks finished is still pending.
    const earlier = (verdict.earlier ?? []).map((e) => `; ${(0,_packs_deployment_js__WEBPACK_IMPORTED_MODULE_1__/* .describeEarlier */ .GM)(e)}`).join('');
    switch (verdict.result) {
        case 'cancelled':
            return `Cancelled after ${waited}; ${verdict.pending.length} conformance pack(s) still pending${verdict.pending.length ? `: ${list(verdict.pending)}` : ''}`;
        case 'timeout': {
            const lastError = end.kind === 'deadline' && end.lastError ? ` (last error: ${end.lastError})` : '';
            // Listing every pack never succeeded: there are no names to wait for, only the outage.
            if (verdict.pending.length === 0)
                return `Timed out after ${waited} before AWS Config listed the packs${lastError}`;
            return `Timed out after ${waited} waiting for ${verdict.pending.length} conformance pack(s): ${list(verdict.pending)}${lastError}${earlier}`;
        }
        case 'failure': {
            // A permanent error is the story; packs still pending are only its consequence.
            const parts = end.kind === 'error' ? [end.message] : [];
            if (verdict.failed.length)
                parts.push(`${verdict.failed.length} conformance pack(s) failed: ${list(verdict.failed)}`);
            if (verdict.missing.length)
                parts.push(`${verdict.missing.length} not found: ${list(verdict.missing)}`);
            if (verdict.pending.length && end.kind !== 'error')
                parts.push(`${verdict.pending.length} still pending: ${list(verdict.pending)}${earlier}`);
            // Only `compliance: require` makes an empty region a failure.
            if (verdict.emptyRegions?.length)
                parts.push(`${noPackIn(list(verdict.emptyRegions))}, so compliance: require had nothing to check`);
            return parts.join('; ');
        }
        case 'noncompliant':
            return `${verdict.noncompliant?.length ?? 0} conformance pack(s) deployed but NON_COMPLIANT: ${list(verdict.noncompliant ?? [])}`;
        case 'success': {
            const ignored = verdict.missing.length
                ? ` (${verdict.missing.length} not found, ignored: ${list(verdict.missing)})`
                : '';
            const empty = verdict.emptyRegions?.length ? list(verdict.emptyRegions) : undefined;
            if (verdict.completed.length === 0)
                return empty
                    ? `${noPackIn(empty)}: nothing was checked there${ignored}`
                    : `No conformance packs to wait for${ignored}`;
            const done = `All ${verdict.completed.length} conformance pack(s) completed after ${waited}${ignored}`;
            return empty ? `${done}; no conformance pack was found in ${empty}` : done;
        }
    }
}


/***/ }),

/***/ 3543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ abortable)
/* harmony export */ });
/* unused harmony export settleWithin */
/**
 * The SDK honours the abort signal for the request itself, but a retry delay inside the SDK
 * can outlive it; racing the signal makes an abort take effect at once.
 */
function abortable(promise, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(abortError(signal));
        // Settled either way, so that a request's own rejection after an abort is never unhandled.
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
function abortError(signal) {
    const error = new Error(signal.reason instanceof Error ? signal.reason.message : 'Request aborted');
    error.name = 'AbortError';
    return error;
}
/** Resolves when `promise` settles or after `ms` on the clock, whichever is first. */
async function settleWithin(promise, ms, clock) {
    const stop = new AbortController();
    await Promise.race([
        promise.then(() => undefined, () => undefined),
        clock.sleep(ms, stop.signal)
    ]);
    stop.abort();
}


/***/ }),

/***/ 9393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay)
/* harmony export */ });
/**
 * Delay before the next poll: exponential from `minMs`, capped at `maxMs`, with "equal
 * jitter" (a random point in the upper half of the step) so that several pipelines started
 * together do not poll in lockstep. Never below `minMs`, never above `maxMs`.
 *
 * `attempt` counts the rounds since the last state change: 0 gives `minMs` exactly.
 */
function backoffDelay(attempt, minMs, maxMs, random = Math.random) {
    const step = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
    const jittered = step / 2 + (random() * step) / 2;
    return Math.round(Math.min(maxMs, Math.max(minMs, jittered)));
}


/***/ }),

/***/ 5818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ bestEffort)
/* harmony export */ });
/* harmony import */ var _request_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7564);

/**
 * One bounded request, retried on transient errors under BEST_EFFORT_RETRY (a few times, with
 * a pause, never past the deadline). Never throws: a failure comes back with the reason a
 * person can act on. Retries are told in the debug log.
 */
async function bestEffort(request, deps, options) {
    const judge = (error, timedOut) => {
        const own = options.interpret?.(error);
        if (own)
            return { kind: 'stop', stop: own };
        const classified = (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyFailure */ .XE)(error, timedOut, (e) => options.classifier.classify(e, options.iamAction));
        return classified.kind === 'permanent'
            ? { kind: 'stop', stop: classified.message }
            : { kind: 'retry', message: classified.message };
    };
    const read = await (0,_request_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(deps, _request_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .BEST_EFFORT_RETRY */ .ZH, request, {
        judge,
        timeoutMs: deps.requestTimeoutMs,
        onRetry: (message) => deps.log.debug(`${options.what}: ${message}; retrying`)
    });
    switch (read.kind) {
        case 'ok':
            return { ok: true, value: read.value };
        case 'cancelled':
            return { ok: false, why: 'the run was cancelled' };
        case 'stopped':
            return { ok: false, why: read.stop };
        case 'deadline':
            return {
                ok: false,
                why: `the deadline passed${read.lastError ? ` (last error: ${read.lastError})` : ''}`
            };
        case 'exhausted':
            return { ok: false, why: `it kept failing: ${read.lastError}` };
    }
}


/***/ }),

/***/ 1010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/**
 * A cancelled workflow sends SIGINT (then SIGTERM), and so does Ctrl-C or a CI job's
 * cancellation for the command: stop waiting, report the last known states.
 */
function cancelOnSignals(log) {
    const controller = new AbortController();
    let received;
    const onSignal = (signal) => {
        received ??= signal;
        log.info(`Received ${signal}: stopping the wait and reporting the last known states.`);
        controller.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        received: () => received,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    };
}


/***/ }),

/***/ 6103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
// setTimeout fires at once for anything above 2^31-1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, Math.min(Math.max(0, ms), MAX_TIMER_MS));
        signal?.addEventListener('abort', done, { once: true });
    })
};


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ AGE_DIVISOR),
/* harmony export */   q: () => (/* binding */ JITTER_FRACTION)
/* harmony export */ });
/** The pacing both poll schedules share: the deployment's and the evaluation's. */
/** Past the grid, one poll every 1/this of the age of what is awaited (10 s at 20 minutes). */
const AGE_DIVISOR = 120;
/**
 * Jitter added to every scheduled pause, as a fraction of min-delay. Pipelines that deploy
 * together would otherwise poll in lockstep for ever; a small jitter spreads them over a
 * second within a few rounds while keeping the grid nearly even (latency grows with the
 * spread of the intervals, not only with their mean).
 */
const JITTER_FRACTION = 0.1;


/***/ }),

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ PagingError),
/* harmony export */   QM: () => (/* binding */ readPagesSoFar),
/* harmony export */   n4: () => (/* binding */ readPages),
/* harmony export */   oB: () => (/* binding */ pageTokens)
/* harmony export */ });
/* unused harmony export MAX_PAGES */
/**
 * Paging for every AWS listing the action follows. The SDK's paginators
 * (`paginateDescribeConformancePackStatus` and the others) do not fit:
 * - they send every page with the same options, so one abort signal would bound the whole
 *   listing, while each request here gets a fresh bound of its own;
 * - a token that comes back unchanged is followed forever, or with `stopOnSameToken` ends the
 *   listing silently, a partial list then read as the whole one; a token repeated after
 *   another is never noticed;
 * - nothing caps the number of pages.
 */
/** Most pages of one listing: far more than any listing here needs within AWS's quotas. */
const MAX_PAGES = 100;
/**
 * A listing that cannot be followed: its service repeats a NextToken, or never stops. A plain
 * error without an HTTP answer, so it classifies as transient: the listing is read again at the
 * next poll, with the usual backoff.
 */
class PagingError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PagingError';
    }
}
/** The tokens of one listing (`operation` names it in errors), from its first page on. */
function pageTokens(operation, maxPages = MAX_PAGES) {
    const followed = new Set();
    return {
        follow(token) {
            if (!token)
                return undefined;
            // The first page is asked for without a token, every later one with a different token.
            const read = followed.size + 1;
            if (followed.has(token)) {
                throw new PagingError(`${operation} returned a NextToken it had already returned (after ${read} page(s)): stopped following it`);
            }
            if (read >= maxPages) {
                throw new PagingError(`${operation} still had more pages after ${read}: stopped following its NextToken`);
            }
            followed.add(token);
            return token;
        }
    };
}
/**
 * The pages of one listing, in order, as far as it can be followed: `read` is called with each
 * page's token (undefined for the first) and bounds its own request. Throws what `read`
 * throws; a listing that cannot be followed further comes back `stopped`, for a caller that
 * can use a partial list and says so.
 */
async function readPagesSoFar(operation, read, tokenOf, maxPages = MAX_PAGES) {
    const tokens = pageTokens(operation, maxPages);
    const pages = [];
    let token;
    do {
        const page = await read(token);
        pages.push(page);
        try {
            token = tokens.follow(tokenOf(page));
        }
        catch (error) {
            if (error instanceof PagingError)
                return { kind: 'stopped', pages, why: error };
            throw error;
        }
    } while (token);
    return { kind: 'complete', pages };
}
/**
 * Every page of one listing, in order: as readPagesSoFar, but a listing that cannot be
 * followed to its end throws its PagingError (transient: read again at the next poll).
 */
async function readPages(operation, read, tokenOf, maxPages = MAX_PAGES) {
    const listing = await readPagesSoFar(operation, read, tokenOf, maxPages);
    if (listing.kind === 'stopped')
        throw listing.why;
    return listing.pages;
}


/***/ }),

/***/ 2297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R4: () => (/* binding */ silentProxyNotices),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   q: () => (/* binding */ proxyNotices)
/* harmony export */ });
/* unused harmony export shownProxy */
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9783);

/** The proxy for a call to `target` (a URL), or undefined for a direct call. */
function proxyFor(target) {
    const parsed = typeof target === 'string' ? new URL(target) : target;
    const url = (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__/* .getProxyUrl */ .s)(parsed);
    if (!url?.hostname)
        return undefined;
    return {
        url,
        shown: shownProxy(url),
        address: `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`,
        variable: proxyVariable(parsed.protocol === 'https:')
    };
}
/** The proxy's URL as it may be logged: scheme, host and port; credentials as `***`. */
function shownProxy(url) {
    const credentials = url.username || url.password ? '***@' : '';
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.protocol}//${credentials}${url.host}${path}`;
}
/** The variable getProxyUrl read: the lower-case one wins, as in the toolkit. */
function proxyVariable(https) {
    const [lower, upper] = https ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    return process.env[lower] ? lower : upper;
}
/** Debug lines, one per proxy, never with its credentials. */
function proxyNotices(log) {
    const told = new Set();
    return {
        using(route, target) {
            if (told.has(route.url.href))
                return;
            told.add(route.url.href);
            const noProxy = process.env.no_proxy || process.env.NO_PROXY;
            log.debug(`Using the proxy ${route.shown} (${route.variable}) for ${target} and every call the same rule sends to it${noProxy ? `; NO_PROXY: ${noProxy}` : ''}`);
        }
    };
}
const silentProxyNotices = { using: () => undefined };


/***/ }),

/***/ 7564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   XE: () => (/* binding */ classifyFailure),
/* harmony export */   ZH: () => (/* binding */ BEST_EFFORT_RETRY),
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   on: () => (/* binding */ boundRequest)
/* harmony export */ });
/* unused harmony export TIMED_OUT */
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);

/**
 * One bounded request, and retry with backoff, for every call the action makes.
 *
 * A request is bounded three ways: the run's deadline, the run's cancellation, and its own
 * timeout (REQUEST_TIMEOUT_MS, or less when less time is left). A request cut off by its own
 * timeout is a transient failure ("request timed out"); one cut off by the cancellation is no
 * failure at all.
 *
 * Who retries, and how, differs on purpose:
 * - The wait (src/wait/wait-for-packs.ts) does not retry a request: a transient failure ends
 *   the round, and the next poll, at the wait's own backoff, is the retry. It uses only
 *   `boundRequest` and `classifyFailure`.
 * - Best-effort reads after the wait (BEST_EFFORT_RETRY) make 3 attempts with a short pause:
 *   what they explain is nice to have, and the run's result is already known. A pause is cut
 *   to the time left; the attempt after it then finds the deadline passed.
 * - The evaluation wait (src/compliance/evaluation-wait.ts) does as the wait does: one attempt
 *   a request, and the next round, at its schedule's backoff, is the retry.
 */
/** The most one request may take (the time left bounds it further): AWS's calls and GitHub's. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A fresh bound for one request: at most `timeoutMs`, never past the deadline, at least 1 ms. */
function boundRequest(scope, timeoutMs = REQUEST_TIMEOUT_MS) {
    const timer = AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, scope.deadline - scope.clock.now())));
    return { signal: AbortSignal.any([scope.signal, timer]), timedOut: () => timer.aborted };
}
/** What a request cut off by its own timeout failed with. */
const TIMED_OUT = { kind: 'transient', message: 'request timed out' };
/** A request's error: its own timeout, or what the port that made the call says it is. */
function classifyFailure(error, timedOut, classify) {
    return timedOut ? TIMED_OUT : classify(error);
}
/** Best-effort reads after the wait: 3 attempts, pauses of 1 s, then 1 to 2 s. */
const BEST_EFFORT_RETRY = {
    attempts: 3,
    pause: (attempt) => (0,_backoff_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .E)(attempt, 1000, 4000),
    atDeadline: 'clip'
};
/**
 * `send`, each attempt under a fresh bound, retried as `policy` says while `judge` says the
 * error is worth it. Never throws what `send` throws.
 */
async function retry(scope, policy, send, options) {
    const { clock, deadline, signal } = scope;
    let lastError;
    for (let attempt = 0;; attempt++) {
        if (signal.aborted)
            return { kind: 'cancelled' };
        if (deadline - clock.now() <= 0)
            return { kind: 'deadline', lastError };
        const request = boundRequest(scope, options.timeoutMs);
        try {
            return { kind: 'ok', value: await send(request.signal) };
        }
        catch (error) {
            if (signal.aborted)
                return { kind: 'cancelled' };
            const judged = options.judge(error, request.timedOut());
            if (judged.kind === 'stop')
                return { kind: 'stopped', stop: judged.stop };
            lastError = judged.message;
            if (policy.attempts !== undefined && attempt >= policy.attempts - 1)
                return { kind: 'exhausted', lastError };
            options.onRetry?.(lastError);
            const pause = policy.pause(attempt);
            const left = deadline - clock.now();
            if (policy.atDeadline === 'stop' && pause >= left)
                return { kind: 'deadline', lastError };
            await clock.sleep(policy.atDeadline === 'clip' ? Math.min(pause, Math.max(0, left)) : pause, signal);
        }
    }
}


/***/ }),

/***/ 9589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SY: () => (/* binding */ failedAccounts),
/* harmony export */   d0: () => (/* binding */ MEMBER_ACCOUNTS_IAM_ACTION),
/* harmony export */   uM: () => (/* binding */ readFailedAccounts),
/* harmony export */   vm: () => (/* binding */ failedAccountIds)
/* harmony export */ });
/* harmony import */ var _shared_best_effort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5818);
/* harmony import */ var _packs_member_account_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1660);
/* harmony import */ var _packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5977);



const MEMBER_ACCOUNTS_IAM_ACTION = 'config:GetOrganizationConformancePackDetailedStatus';
/**
 * For every failed organization pack, every member account's status (all pages, once): which
 * accounts failed and why is what a person needs to fix a broken rollout. Best effort: a pack
 * whose accounts cannot be read is `unavailable`, and the result stays as it is.
 */
async function readFailedAccounts(packs, deps) {
    const explanations = new Map();
    for (const pack of packs) {
        if (!(0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailed */ .Ix)(pack.state))
            continue;
        if (deps.signal.aborted)
            break;
        const read = await (0,_shared_best_effort_js__WEBPACK_IMPORTED_MODULE_0__/* .bestEffort */ .z)((signal) => deps.source.memberAccounts(pack.name, () => signal), deps, {
            iamAction: MEMBER_ACCOUNTS_IAM_ACTION,
            what: `GetOrganizationConformancePackDetailedStatus ${pack.name}`,
            classifier: deps.source
        });
        explanations.set(pack.name, read.ok
            ? {
                kind: 'accounts',
                accounts: [...read.value].sort((a, b) => failedFirst(a) - failedFirst(b))
            }
            : { kind: 'unavailable', why: read.why });
    }
    return explanations;
}
const failedFirst = (account) => ((0,_packs_member_account_js__WEBPACK_IMPORTED_MODULE_1__/* .accountFailed */ .T)(account) ? 0 : 1);
/** The member accounts whose deployment failed; undefined when none were read. */
function failedAccounts(explanation) {
    if (explanation?.kind !== 'accounts')
        return undefined;
    return explanation.accounts.filter(_packs_member_account_js__WEBPACK_IMPORTED_MODULE_1__/* .accountFailed */ .T);
}
/** The ids of the accounts whose deployment failed. */
function failedAccountIds(explanation) {
    return failedAccounts(explanation)?.map((a) => a.accountId);
}


/***/ }),

/***/ 3642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iC: () => (/* binding */ EXPLANATION_SOURCE),
  Lz: () => (/* binding */ regionLog),
  x1: () => (/* binding */ waitInRegion)
});

// EXTERNAL MODULE: ./src/ports/stack-events.ts
var stack_events = __webpack_require__(6884);
// EXTERNAL MODULE: ./src/packs/pack-state.ts
var pack_state = __webpack_require__(5977);
;// CONCATENATED MODULE: ./src/wait/explain-failures.ts


/**
 * For every failed pack with a stack, reads that stack's events once (newest first, back to
 * the pack's last requested update) and keeps the failed resources, oldest first: the first
 * failure is usually the cause, later ones its cascade. Best effort: never throws.
 */
async function explainFailures(packs, deps) {
    const explanations = new Map();
    for (const pack of packs) {
        if (!(0,pack_state/* isFailed */.Ix)(pack.state))
            continue;
        const { stackArn, requestedAt } = (0,pack_state/* detailOf */.Rw)(pack) ?? {};
        if (!stackArn)
            continue;
        if (deps.signal.aborted)
            break;
        explanations.set(pack.name, await explainOne(stackArn, requestedAt, deps));
    }
    return explanations;
}
async function explainOne(stackArn, since, deps) {
    const read = await (0,stack_events/* readEventsSince */.A0)(stackArn, since?.getTime(), deps);
    if (!read.ok)
        return { kind: 'unavailable', why: read.why };
    const failures = read.events.filter(isResourceFailure).map((event) => ({
        logicalId: event.logicalId,
        type: event.type,
        status: event.status,
        reason: event.reason
    }));
    return { kind: 'explained', resources: failures.reverse() };
}
/** A resource's own failure; the stack's events about itself only summarise them. */
function isResourceFailure(event) {
    const isTheStack = event.type === 'AWS::CloudFormation::Stack' && event.physicalId === event.stackId;
    return (0,pack_state/* isFailed */.Ix)(event.status) && !isTheStack;
}

// EXTERNAL MODULE: ./src/wait/failed-accounts.ts
var failed_accounts = __webpack_require__(9589);
// EXTERNAL MODULE: ./src/packs/deployment.ts
var deployment = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/packs/pack-text.ts
var pack_text = __webpack_require__(3665);
;// CONCATENATED MODULE: ./src/wait/settling.ts

/** Failed settling reads in a row before the warning, when each one was transient. */
const SETTLE_FAILURES_BEFORE_WARNING = 3;
/**
 * Settling is an optional read: denied, it is given up with one warning; failing round after
 * round, it warns once and keeps trying. Either way the aggregate status decides, so a wait
 * that the aggregate would finish is never failed by it.
 */
function bestEffortSettling(settler, log) {
    let givenUp = false;
    let failures = 0;
    let warned = false;
    const trouble = (failure) => {
        failures += 1;
        if (failure.kind === 'permanent')
            givenUp = true;
        if (warned || (!givenUp && failures < SETTLE_FAILURES_BEFORE_WARNING))
            return;
        warned = true;
        log.warning(`The optional read ${settler.iamAction} failed${givenUp ? '' : ` ${failures} times in a row`}: ${failure.message} Going on with the status AWS Config reports for the organization pack as a whole${givenUp ? '' : '; still trying'}.`);
    };
    return {
        async settle(candidates, bound, classify) {
            const settled = [];
            for (const pack of candidates) {
                if (givenUp)
                    break;
                try {
                    const answer = await settledState(pack, settler, bound, log);
                    failures = 0;
                    if (answer)
                        settled.push(answer);
                }
                catch (error) {
                    const failure = classify(error, settler.iamAction);
                    if (failure.kind === 'cancelled' || endsTheRound(failure))
                        return { settled, stop: failure };
                    trouble(failure);
                    // The next packs would meet the same denial or outage.
                    break;
                }
            }
            return { settled };
        }
    };
}
/**
 * Seen from a delegated administrator, an organization pack's aggregate status can stay
 * *_IN_PROGRESS after every member account has finished: the accounts themselves say. Settled
 * only when none is still in progress and at least one has reported this operation's end; with
 * no account record at all, nothing has been deployed anywhere yet. Undefined: still in
 * progress, as reported.
 */
async function settledState(pack, settler, bound, log) {
    const any = (status) => settler.anyMemberAccount(pack.name, status, bound);
    const operation = pack.state.replace(/_IN_PROGRESS$/, '');
    if (await any(pack.state))
        return undefined;
    const failed = await any(`${operation}_FAILED`);
    if (!failed && !(await any(`${operation}_SUCCESSFUL`))) {
        log.debug(`${pack.name}: reported ${pack.state}, and no member account has reported yet`);
        return undefined;
    }
    const state = `${operation}_${failed ? 'FAILED' : 'SUCCESSFUL'}`;
    log.debug(`${pack.name}: reported ${pack.state}, but no member account is; settled as ${state}`);
    return (0,pack_state/* found */.F9)({
        ...(0,pack_state/* detailOf */.Rw)(pack),
        name: pack.name,
        state,
        reason: `AWS Config still reports ${pack.state}, but every member account has finished${failed ? ' and at least one failed' : ''}`
    });
}
/** Credentials AWS rejects fail every call, the aggregate's too: that is the wait's error. */
const endsTheRound = (failure) => failure.kind === 'permanent' &&
    (failure.cause === 'credentials' || failure.cause === 'expired-credentials');

// EXTERNAL MODULE: ./src/shared/request-policy.ts
var request_policy = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/shared/backoff.ts
var shared_backoff = __webpack_require__(9393);
// EXTERNAL MODULE: ./src/shared/pacing.ts
var pacing = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/wait/poll-schedule.ts


/**
 * When to poll next, from how old the pending deployments are.
 *
 * A poll only buys latency near the moment a pack completes: a poll long before that sees
 * nothing, and an even grid of polls around it gives the lowest latency for a given number
 * of calls (an uneven one of the same mean spacing waits longer on average). AWS Config says
 * how old each deployment is (LastUpdateRequestedTime), and a conformance pack seldom
 * finishes within its first forty seconds, so the schedule is, per deployment age:
 *
 *   quiet   from the first poll to the quiet age: no poll (the first poll, made at once by
 *           the caller, sees a pack that is already done);
 *   grid    then one poll every min-delay (plus a little jitter);
 *   long    once min-delay is less than 1/120 of the age, one poll every age/120: the
 *           expected wait stays near 0.4 % of the deployment's length, and calls stop
 *           growing linearly with it;
 *   capped  no pause is ever longer than max-delay.
 *
 * The youngest pending pack sets the pace. The wait ends only when every pack is done, and a
 * pack in its quiet period is almost certainly not, so polls timed for an older pack then
 * would end nothing sooner. Once the youngest is past its quiet age, its interval is also the
 * shortest one any pending pack would ask for (the interval never shrinks with age), so the
 * older packs are served by the same calls.
 *
 * Pure: time and randomness come in as values, so the benchmark simulates this very code.
 */
/** The quiet period is this many grid intervals of age… */
const QUIET_INTERVALS = 4;
/**
 * …and never more than this: the fastest deployments documented finish after about 42 s.
 * Deriving the quiet period from min-delay below this cap keeps the schedule's shape the
 * same at any time scale (short delays in tests give a short quiet period too).
 */
const QUIET_AGE_CAP_MS = 40_000;
/** The age below which no poll is planned, for a given min-delay. */
function quietAgeMs(minDelayMs) {
    return Math.min(QUIET_AGE_CAP_MS, QUIET_INTERVALS * minDelayMs);
}
/** The pause the youngest known deployment asks for, before jitter and bounds. */
function forAge(ageMs, minDelayMs, roundsSinceChange) {
    const quietAge = quietAgeMs(minDelayMs);
    // Poll when it reaches the quiet age; the floor below keeps the min-delay spacing.
    if (ageMs < quietAge)
        return { baseMs: quietAge - ageMs, reason: 'quiet' };
    const longMs = ageMs / pacing/* AGE_DIVISOR */.J;
    if (longMs <= minDelayMs)
        return { baseMs: minDelayMs, reason: 'grid' };
    // A change hints that packs deployed together are finishing: look again soon. (In the
    // quiet period it does not: another pack's change says nothing about a young one, and in
    // the grid the pause is min-delay already.)
    if (roundsSinceChange === 0)
        return { baseMs: minDelayMs, reason: 'changed' };
    return { baseMs: longMs, reason: 'long' };
}
/**
 * The pause before the next poll, in whole ms, always within [minDelayMs, maxDelayMs].
 * The caller makes the first poll at once and keeps its deadline rules; see the module doc
 * for the schedule itself.
 */
function nextPollDelay(input) {
    const { now, minDelayMs, maxDelayMs } = input;
    const random = input.random ?? Math.random;
    const bound = (ms) => Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, ms)));
    let youngest;
    let unknown = false;
    for (const requestedAt of input.pendingRequestedAt) {
        if (requestedAt === undefined)
            unknown = true;
        else if (youngest === undefined || requestedAt > youngest)
            youngest = requestedAt;
    }
    let planned;
    if (youngest !== undefined) {
        // AWS's request time against the clock's: this only paces polls (nothing is decided on
        // it), so a request time ahead of ours (AWS's clock ahead) is a deployment of age 0.
        const age = Math.max(0, now - youngest);
        const forYoungest = forAge(age, minDelayMs, input.roundsSinceChange);
        planned = {
            baseMs: forYoungest.baseMs + random() * pacing/* JITTER_FRACTION */.q * minDelayMs,
            reason: forYoungest.reason
        };
    }
    if (unknown) {
        // Nothing to time a poll by (a pack not created yet, say): today's backoff from
        // min-delay, reset by a change, until an answer gives the pack an age.
        const blind = (0,shared_backoff/* backoffDelay */.E)(input.roundsSinceChange, minDelayMs, maxDelayMs, random);
        if (planned === undefined || blind < planned.baseMs)
            planned = { baseMs: blind, reason: 'unknown-age' };
    }
    // No pack known yet (the first listing of every pack has not answered): min-delay, and
    // the backoff below when that listing fails.
    planned ??= { baseMs: minDelayMs, reason: 'none-known' };
    let delayMs = bound(planned.baseMs);
    let reason = planned.reason;
    if (input.failedRounds > 0) {
        // Throttling or an outage, in every mode: back off exponentially up to max-delay, but
        // never poll sooner than the schedule would have.
        const backoff = (0,shared_backoff/* backoffDelay */.E)(input.failedRounds, minDelayMs, maxDelayMs, random);
        if (backoff > delayMs) {
            delayMs = backoff;
            reason = 'throttled';
        }
    }
    return { delayMs, reason };
}
/**
 * When the deployment a pack is in was requested, epoch ms, for the schedule: account packs
 * LastUpdateRequestedTime, organization packs LastUpdateTime. Undefined when the pack has no
 * current deployment to time by: never answered for, not there (NOT_FOUND), or still showing an
 * earlier deployment than the awaited one (`requested-after`), whose age says nothing about
 * when the awaited one will finish.
 */
function requestedAtOf(status) {
    if (status === undefined)
        return undefined;
    if (status.state === 'UNKNOWN' || status.state === 'NOT_FOUND')
        return undefined;
    if (status.state === 'PREVIOUS_DEPLOYMENT')
        return undefined;
    return (status.detail.requestedAt ?? status.detail.updatedAt)?.getTime();
}

;// CONCATENATED MODULE: ./src/wait/wait-state.ts




/** From this many answers in the same in-progress state on, ask the source whether a pack has settled. */
const SETTLE_AFTER_ROUNDS = 3;
/** Before the first round: the named packs, not answered for yet; or nothing, to list. */
function initialState(names) {
    return {
        packs: new Map((names ?? []).map((name) => [name, { name, state: 'UNKNOWN' }])),
        listed: names !== undefined,
        answered: false,
        rounds: 0,
        roundsSinceChange: 0,
        failedRounds: 0,
        inProgressFor: new Map(),
        changed: false,
        moved: false
    };
}
function beginRound(state) {
    return { ...state, rounds: state.rounds + 1, changed: false, moved: false };
}
function pendingNames(state, missingPack) {
    return [...state.packs.values()].filter((p) => (0,pack_state/* isPending */.mm)(p.state, missingPack)).map((p) => p.name);
}
/** One pack's new status (already through the `requested-after` rule), seen at `now`. */
function seePack(state, next, now) {
    const previous = state.packs.get(next.name);
    const packs = new Map(state.packs).set(next.name, next);
    const stuck = (0,pack_state/* outcomeOf */.sG)(next.state) === 'in-progress' && previous?.state === next.state;
    const inProgressFor = new Map(state.inProgressFor).set(next.name, stuck ? (state.inProgressFor.get(next.name) ?? 1) + 1 : 1);
    const seen = { ...state, packs, inProgressFor };
    if (previous?.state === next.state)
        return { state: seen, lines: [] };
    // A first answer says nothing about packs moving; a pack reappearing does.
    const moved = state.moved || (previous !== undefined && previous.state !== 'UNKNOWN');
    const earlier = (0,deployment/* earlierOf */.OR)(next);
    // After an earlier deployment, the awaited one is a first sighting.
    const before = previous?.state === 'PREVIOUS_DEPLOYMENT' ? undefined : previous;
    const line = earlier
        ? `${next.name}: ${(0,deployment/* describeWaitingFor */.S3)(earlier)}`
        : (0,pack_text/* describeChange */.uQ)(before, next, now);
    return { state: { ...seen, changed: true, moved }, lines: [line] };
}
/** Several packs' statuses in turn. */
function seePacks(state, packs, now) {
    const lines = [];
    let current = state;
    for (const pack of packs) {
        const told = seePack(current, pack, now);
        current = told.state;
        lines.push(...told.lines);
    }
    return { state: current, lines };
}
/** The first listing of every pack: from now on these are the packs awaited. */
function seeListing(state, packs, now) {
    return seePacks({ ...state, listed: true, answered: true }, packs, now);
}
/**
 * The answer for one batch of names: each awaited name once (the first answer for it), and a
 * name asked for but left out is gone (`deletedState` for a pack seen deleting).
 */
function seeBatch(state, batch, reported, deletedState, now) {
    const seen = new Set();
    const answers = reported.filter((pack) => {
        if (!state.packs.has(pack.name) || seen.has(pack.name))
            return false;
        seen.add(pack.name);
        return true;
    });
    const told = seePacks({ ...state, answered: true }, answers, now);
    const gone = batch.flatMap((name) => {
        const previous = told.state.packs.get(name);
        return previous && !seen.has(name) ? [(0,pack_state/* absent */.Ge)(previous, deletedState)] : [];
    });
    const after = seePacks(told.state, gone, now);
    return { state: after.state, lines: [...told.lines, ...after.lines] };
}
/** The packs in progress for SETTLE_AFTER_ROUNDS answers or more: worth asking whether they settled. */
function settleCandidates(state) {
    return [...state.packs.values()].filter((pack) => (state.inProgressFor.get(pack.name) ?? 0) >= SETTLE_AFTER_ROUNDS &&
        (0,pack_state/* outcomeOf */.sG)(pack.state) === 'in-progress' &&
        // Settling an earlier deployment would tell nothing about the awaited one.
        pack.state !== 'PREVIOUS_DEPLOYMENT');
}
/**
 * A round's outcome: a failed round counts toward the backoff (in every mode) and is warned
 * about once per streak; an answer resets it, and ends the wait when nothing is pending.
 */
function endRound(state, outcome, missingPack) {
    if (outcome.kind === 'cancelled')
        return { state, end: { kind: 'cancelled' } };
    if (outcome.kind === 'permanent')
        return { state, end: { kind: 'error', message: outcome.message } };
    if (outcome.kind === 'transient') {
        const { message } = outcome;
        const count = state.errorStreak?.message === message ? state.errorStreak.count + 1 : 1;
        return {
            state: {
                ...state,
                failedRounds: state.failedRounds + 1,
                roundsSinceChange: state.moved ? 0 : state.roundsSinceChange,
                errorStreak: { message, count }
            },
            line: count === 1
                ? {
                    level: 'warning',
                    message: `AWS Config call failed, retrying at the next poll: ${message}`
                }
                : { level: 'info', message: `Still failing (${count} polls in a row): ${message}` }
        };
    }
    const answered = {
        ...state,
        failedRounds: 0,
        roundsSinceChange: state.moved ? 0 : state.roundsSinceChange + 1,
        errorStreak: undefined
    };
    const streak = state.errorStreak;
    return {
        state: answered,
        ...(pendingNames(answered, missingPack).length === 0 && { end: { kind: 'settled' } }),
        ...(streak && {
            line: {
                level: 'info',
                message: `AWS Config answered again after ${streak.count} failed poll(s).`
            }
        })
    };
}
/**
 * After a round that did not end the wait: how long to sleep before the next one, or the
 * deadline's end when another poll would come too close to it.
 */
function nextStep(state, timing) {
    const { now, deadline } = timing;
    const pending = pendingNames(state, timing.missingPack);
    // The youngest pending deployment sets the pace; the last known answer gives each its age.
    const next = nextPollDelay({
        now,
        pendingRequestedAt: pending.map((name) => requestedAtOf(state.packs.get(name))),
        roundsSinceChange: state.roundsSinceChange,
        failedRounds: state.failedRounds,
        minDelayMs: timing.minDelayMs,
        maxDelayMs: timing.maxDelayMs,
        random: timing.random
    });
    const nextPollAt = Math.min(now + next.delayMs, deadline - timing.lastPollReserve);
    // A poll squeezed in right before the deadline would be a burst: stop instead.
    if (nextPollAt - now < timing.minDelayMs)
        return { kind: 'end', end: { kind: 'deadline', lastError: state.errorStreak?.message } };
    return { kind: 'sleep', ms: nextPollAt - now, reason: next.reason };
}

;// CONCATENATED MODULE: ./src/wait/wait-for-packs.ts






/**
 * Polls until no pack is pending, the deadline passes, the run is cancelled, or a permanent
 * error occurs. Each round asks once per batch of pending names; terminal packs are no
 * longer asked for. Never throws for AWS trouble: that is the result's `end`. The state and
 * its transitions are in wait-state.ts; this makes the calls, logs and sleeps.
 */
async function waitForPacks(plan, deps) {
    const { clock, log, signal, deadline } = deps;
    const requestTimeoutMs = plan.requestTimeoutMs ?? request_policy/* REQUEST_TIMEOUT_MS */.j2;
    const startedAt = clock.now();
    const poller = {
        plan,
        deps,
        startedAt,
        requestTimeoutMs,
        settling: deps.source.settle && bestEffortSettling(deps.source.settle, log)
    };
    // The last poll is placed so that its request still has this long before the deadline.
    const lastPollReserve = Math.round(Math.min(1000, requestTimeoutMs, (deadline - startedAt) / 10));
    let state = initialState(plan.names);
    const finish = (end) => ({
        packs: [...state.packs.values()],
        end,
        startedAt,
        endedAt: clock.now(),
        rounds: state.rounds
    });
    for (;;) {
        const round = await readRound(beginRound(state), poller);
        state = round.state;
        deps.onRound?.([...state.packs.values()], state.changed);
        if (signal.aborted)
            return finish({ kind: 'cancelled' });
        const ended = endRound(state, round.outcome, plan.missingPack);
        state = ended.state;
        if (ended.line)
            log[ended.line.level](ended.line.message);
        if (ended.end)
            return finish(ended.end);
        const now = clock.now();
        const next = nextStep(state, {
            now,
            deadline,
            lastPollReserve,
            minDelayMs: plan.minDelayMs,
            maxDelayMs: plan.maxDelayMs,
            missingPack: plan.missingPack,
            random: deps.random ?? Math.random
        });
        if (next.kind === 'end')
            return finish(next.end);
        log.debug(`round ${state.rounds}: ${pendingNames(state, plan.missingPack).length} pending; next poll in ${next.ms} ms (${next.reason})`);
        await clock.sleep(next.ms, signal);
        if (signal.aborted)
            return finish({ kind: 'cancelled' });
    }
}
/**
 * One round's calls: the listing until the packs are known, then one call per batch of
 * pending names, then the settling reads. A failed call ends the round: the next batches
 * would meet the same throttling or outage.
 */
async function readRound(start, poller) {
    const { plan, deps } = poller;
    const { source, clock, log } = deps;
    let state = start;
    const tell = (told) => {
        state = told.state;
        for (const line of told.lines)
            log.info(line);
    };
    const requests = roundRequests(poller, () => state.answered);
    // Every answer of the service passes the requested-after rule before the wait sees it.
    const current = (status) => (0,deployment/* checkDeployment */.Qr)(status, plan.requestedAfter);
    try {
        if (!state.listed) {
            const reported = await source.listAll(requests.bound);
            tell(seeListing(state, reported.map((pack) => current((0,pack_state/* found */.F9)(pack))), clock.now()));
            return { state, outcome: { kind: 'ok' } };
        }
        const pending = pendingNames(state, plan.missingPack);
        for (let i = 0; i < pending.length; i += source.batchSize) {
            const batch = pending.slice(i, i + source.batchSize);
            const reported = await source.describe(batch, requests.bound);
            tell(seeBatch(state, batch, reported.map((pack) => current((0,pack_state/* found */.F9)(pack))), source.deletedState, clock.now()));
        }
    }
    catch (error) {
        return { state, outcome: requests.failed(error) };
    }
    if (!poller.settling)
        return { state, outcome: { kind: 'ok' } };
    const { settled, stop } = await poller.settling.settle(settleCandidates(state), requests.bound, requests.failed);
    tell(seePacks(state, settled.map(current), clock.now()));
    return { state, outcome: stop ?? { kind: 'ok' } };
}
/**
 * The bounds of one round's requests, and how a failed one is judged. Requests run one after
 * another, so the last one bounded is the one that failed.
 */
function roundRequests(poller, answered) {
    const { plan, deps, startedAt } = poller;
    const { source, clock, signal } = deps;
    let last;
    return {
        bound: () => {
            last = (0,request_policy/* boundRequest */.on)(deps, poller.requestTimeoutMs);
            return last.signal;
        },
        failed: (error, iamAction = source.iamAction) => {
            if (signal.aborted)
                return { kind: 'cancelled' };
            const classified = (0,request_policy/* classifyFailure */.XE)(error, last?.timedOut() ?? false, (e) => source.classify(e, iamAction, plan.region));
            if (!answered() || classified.kind !== 'permanent')
                return classified;
            if (classified.cause === 'expired-credentials') {
                const waited = (0,pack_text/* formatDuration */.a3)(clock.now() - startedAt);
                return { ...classified, message: source.expiredDuringWait(error, waited) };
            }
            // The name resolved (and the proxy, if any, answered) for the earlier answers: a
            // resolver's hiccup or a proxy's restart, not a typo.
            if (classified.cause === 'unresolved-host' || classified.cause === 'unreachable-proxy')
                return { kind: 'transient', message: classified.message };
            return classified;
        }
    };
}

// EXTERNAL MODULE: ./src/wait/stack-progress.ts
var stack_progress = __webpack_require__(713);
;// CONCATENATED MODULE: ./src/wait/progress.ts



/** How often, at most, the wait says how it is getting on. */
const PROGRESS_INTERVAL_MS = 60_000;
/** Pending packs named in a progress line; the rest are counted. */
const PROGRESS_NAMES_SHOWN = 10;
/**
 * `waiting for 2 of 3 packs: beta 4m10s, gamma 3m55s`, then one line per pack whose stack
 * progress is known (`beta: 7 of 12 resources created`). Each pack's time runs from its
 * requested update, else from the start of the wait.
 */
function progressLines(packs, missingPack, now, startedAt, stacks = new Map()) {
    const pending = packs.filter((p) => (0,pack_state/* isPending */.mm)(p.state, missingPack));
    if (pending.length === 0)
        return [];
    const age = (pack) => {
        const requested = (0,pack_state/* detailOf */.Rw)(pack)?.requestedAt?.getTime();
        return (0,pack_text/* formatDuration */.a3)(now - (requested ?? startedAt));
    };
    const named = pending.slice(0, PROGRESS_NAMES_SHOWN).map((p) => `${p.name} ${age(p)}`);
    const more = pending.length - named.length;
    const list = `${named.join(', ')}${more > 0 ? `, ${more} more` : ''}`;
    const lines = [`waiting for ${pending.length} of ${packs.length} packs: ${list}`];
    for (const pack of pending.slice(0, PROGRESS_NAMES_SHOWN)) {
        const stack = stacks.get(pack.name);
        if (stack)
            lines.push(`${pack.name}: ${(0,stack_progress/* describeStackProgress */.b8)(stack)}`);
    }
    return lines;
}
/**
 * Logs the progress lines at most once an interval, from the wait's rounds: the first after
 * one interval of waiting, none once nothing is pending. Says whether it logged.
 */
function progressLog(deps) {
    const intervalMs = deps.intervalMs ?? PROGRESS_INTERVAL_MS;
    const startedAt = deps.clock.now();
    let last = startedAt;
    return (packs) => {
        const now = deps.clock.now();
        if (now - last < intervalMs)
            return false;
        const lines = progressLines(packs, deps.missingPack, now, startedAt, deps.stacks?.());
        if (lines.length === 0)
            return false;
        last = now;
        for (const line of lines)
            deps.log.info(line);
        return true;
    };
}

;// CONCATENATED MODULE: ./src/wait/region-wait.ts







/** What reads the explanations of failed packs, per scope: for the notice when it cannot. */
const EXPLANATION_SOURCE = {
    account: { what: 'CloudFormation stack events', iamAction: stack_events/* EXPLAIN_IAM_ACTION */.V4 },
    organization: { what: 'member account statuses', iamAction: failed_accounts/* MEMBER_ACCOUNTS_IAM_ACTION */.d0 }
};
/**
 * Waits for the packs of one region with its own client, polling and backoff, then reads what
 * explains its failures: an account pack's stack events (when `explain-failures`), an
 * organization pack's member accounts (always). Never throws for AWS trouble. A little over
 * 60 lines: the wait, then the two reads after it, in the order they happen.
 */
async function waitInRegion(region, inputs, deps) {
    const ports = deps.open(region, deps.log);
    if (!ports.known) {
        deps.log.warning(`The region input names "${region}", which the AWS SDK's list of regions does not know. Check it for a typo; a region newer than this SDK works all the same.`);
    }
    const orgSource = inputs.scope === 'organization' ? ports.organizationStatuses() : undefined;
    const intervalMs = deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
    // The stack read needs the permission explain-failures uses; without that input, none.
    const stacks = inputs.scope === 'account' && inputs.explainFailures
        ? (0,stack_progress/* stackProgressReader */.jq)({ ...deps, open: () => ports.stackEvents(), intervalMs })
        : undefined;
    const logProgress = progressLog({
        clock: deps.clock,
        log: deps.log,
        missingPack: inputs.missingPack,
        intervalMs,
        stacks: stacks && (() => stacks.progress)
    });
    try {
        const wait = await waitForPacks({
            names: inputs.names,
            minDelayMs: inputs.minDelayMs,
            maxDelayMs: inputs.maxDelayMs,
            missingPack: inputs.missingPack,
            region,
            requestedAfter: inputs.requestedAfter
        }, {
            source: orgSource ?? ports.accountStatuses(),
            clock: deps.clock,
            deadline: deps.deadline,
            log: deps.log,
            signal: deps.signal,
            onRound: (packs, changed) => {
                stacks?.poll(packs);
                const logged = logProgress(packs);
                deps.onRound?.(packs, changed || logged, stacks?.progress);
            }
        });
        await stacks?.close();
        const explainDeps = {
            clock: deps.clock,
            deadline: deps.deadline,
            signal: deps.signal,
            log: deps.log
        };
        let explanations = new Map();
        if (wait.end.kind !== 'cancelled') {
            if (orgSource)
                explanations = await (0,failed_accounts/* readFailedAccounts */.uM)(wait.packs, { ...explainDeps, source: orgSource });
            else if (inputs.explainFailures)
                explanations = await explainStacks(wait, explainDeps, ports);
        }
        return { region, wait, explanations };
    }
    finally {
        await stacks?.close();
        ports.close();
    }
}
async function explainStacks(wait, deps, ports) {
    const withStack = wait.packs.some((p) => (0,pack_state/* isFailed */.Ix)(p.state) && (0,pack_state/* detailOf */.Rw)(p)?.stackArn);
    if (!withStack)
        return new Map();
    // Only when a pack failed: most runs never need the CloudFormation client.
    const events = await ports.stackEvents();
    try {
        return await explainFailures(wait.packs, { ...deps, events });
    }
    finally {
        events.close();
    }
}
/** Log lines of one region among several carry its name. */
function regionLog(log, region, several) {
    if (!several)
        return log;
    const tag = (message) => `[${region}] ${message}`;
    return {
        info: (m) => log.info(tag(m)),
        warning: (m) => log.warning(tag(m)),
        debug: (m) => log.debug(tag(m))
    };
}


/***/ }),

/***/ 713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b8: () => (/* binding */ describeStackProgress),
/* harmony export */   jq: () => (/* binding */ stackProgressReader)
/* harmony export */ });
/* unused harmony exports resourceStatuses, countProgress */
/* harmony import */ var _ports_stack_events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6884);
/* harmony import */ var _shared_request_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7564);
/* harmony import */ var _packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5977);



/** `7 of 12 resources created` */
function describeStackProgress(progress) {
    return `${progress.created} of ${progress.total} resource${progress.total === 1 ? '' : 's'} created`;
}
/** Each resource's newest status, from events newest first; the stack's own events left out. */
function resourceStatuses(events, into = new Map()) {
    for (const event of events) {
        const at = event.timestamp.getTime();
        const isTheStack = event.type === 'AWS::CloudFormation::Stack' && event.physicalId === event.stackId;
        if (isTheStack || !event.logicalId)
            continue;
        const known = into.get(event.logicalId);
        if (!known || known.at <= at)
            into.set(event.logicalId, { status: event.status, at });
    }
    return into;
}
/** The count over resource statuses. */
function countProgress(statuses) {
    let created = 0;
    for (const { status } of statuses.values())
        if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE')
            created += 1;
    return { created, total: statuses.size };
}
/**
 * Reads the stacks of in-progress packs, best effort: at most one DescribeStackEvents page
 * per pack an interval (the newest events, merged with what earlier reads saw), no read
 * waited for by the poll loop, and silent for good after the first access denial (a
 * least-privilege role need not allow it). Never throws. Longer than 60 lines on purpose: a
 * small object whose methods share the reads in flight and what they saw.
 */
function stackProgressReader(deps) {
    const progress = new Map();
    const statuses = new Map();
    const lastRead = new Map();
    const gone = new Set();
    const inFlight = new Set();
    let reader;
    let denied = false;
    const startedAt = deps.clock.now();
    const readOne = async (pack, stackArn) => {
        const events = await (reader ??= deps.open().catch(() => undefined));
        if (!events || denied)
            return;
        const bound = (0,_shared_request_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .boundRequest */ .on)(deps, deps.requestTimeoutMs);
        try {
            const page = await events.read(stackArn, undefined, bound.signal);
            const since = (0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__/* .detailOf */ .Rw)(pack)?.requestedAt;
            // The newest page only: a progress line needs no more, and each read merges into the last.
            const { events: fresh } = (0,_ports_stack_events_js__WEBPACK_IMPORTED_MODULE_0__/* .eventsSince */ .S5)(page, since?.getTime());
            const merged = resourceStatuses(fresh, statuses.get(pack.name));
            statuses.set(pack.name, merged);
            progress.set(pack.name, countProgress(merged));
        }
        catch (error) {
            if (deps.signal.aborted)
                return;
            if (events.isStackGone(error))
                return void gone.add(pack.name);
            const failure = (0,_shared_request_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyFailure */ .XE)(error, bound.timedOut(), (e) => events.classify(e, _ports_stack_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EXPLAIN_IAM_ACTION */ .V4));
            if (failure.kind === 'permanent') {
                denied = true;
                deps.log.info(`Stack progress is not shown: ${failure.message}`);
            }
            else
                deps.log.debug(`Stack progress of ${pack.name}: ${failure.message}`);
        }
    };
    return {
        progress,
        poll(packs) {
            const now = deps.clock.now();
            // Most deployments end within minutes: no read before half an interval of waiting,
            // so the first progress line has a count and a short wait spends no call.
            if (denied || deps.signal.aborted || now - startedAt < deps.intervalMs / 2)
                return;
            let read = 0;
            for (const pack of packs) {
                if (read >= (deps.maxPacks ?? 10))
                    break;
                const stackArn = (0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__/* .detailOf */ .Rw)(pack)?.stackArn;
                if (!stackArn || (0,_packs_pack_state_js__WEBPACK_IMPORTED_MODULE_2__/* .outcomeOf */ .sG)(pack.state) !== 'in-progress')
                    continue;
                // An earlier deployment's stack tells nothing about the awaited one.
                if (pack.state === 'PREVIOUS_DEPLOYMENT' || gone.has(pack.name))
                    continue;
                const last = lastRead.get(pack.name);
                if (last !== undefined && now - last < deps.intervalMs) {
                    read += 1;
                    continue;
                }
                lastRead.set(pack.name, now);
                read += 1;
                const reading = readOne(pack, stackArn).finally(() => inFlight.delete(reading));
                inFlight.add(reading);
            }
        },
        async close() {
            denied = true;
            await Promise.allSettled([...inFlight]);
            const opened = await reader;
            reader = Promise.resolve(undefined);
            opened?.close();
        }
    };
}


/***/ })

};

//# sourceMappingURL=581.index.js.map