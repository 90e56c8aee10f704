import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry'
import type { SdkError } from '@smithy/types'
import type { ClassifiedError, PermanentCause } from '../shared/failure.js'

interface ServiceErrorShape {
  name?: string
  reason?: string
  proxy?: string
  variable?: string
  message?: string
  code?: string
  hostname?: string
  $metadata?: { httpStatusCode?: number; requestId?: string }
}

const EXPIRED_CREDENTIAL_ERRORS = new Set(['ExpiredToken', 'ExpiredTokenException'])

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
])

/** Node's codes for a TLS certificate that the CA list (NODE_EXTRA_CA_CERTS included) does not vouch for. */
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

const ACCESS_DENIED_ERRORS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation'
])

export const IAM_ACTION = 'config:DescribeConformancePackStatus'
export const ORGANIZATION_IAM_ACTIONS = [
  'config:DescribeOrganizationConformancePackStatuses',
  'config:GetOrganizationConformancePackDetailedStatus'
] as const

/**
 * How a failed AWS call is judged (see ClassifiedError): the FailureClassifier of every AWS
 * adapter. `iamAction` is the action of the call that failed (every caller knows which call
 * it made); `region`, when known, is named if the endpoint's host does not resolve.
 */
export function classifyError(error: unknown, iamAction: string, region?: string): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ServiceErrorShape
  const name = e.name ?? 'Error'
  const detail = redact(e.message ?? String(error))
  const said = awsSaid(detail)
  const status = e.$metadata?.httpStatusCode
  const sdk = e as SdkError

  // Checked first: the SDK counts the refused connection underneath as one that may pass.
  if (name === 'ProxyConnectionError') {
    const problem =
      e.reason === 'ENOTFOUND'
        ? `The proxy's host name does not resolve (ENOTFOUND): ${e.proxy}`
        : `The proxy ${e.proxy} refused the connection (${e.reason ?? 'ECONNREFUSED'})`
    return permanent(
      `${problem}. ${e.variable ?? 'HTTPS_PROXY'} sends the AWS calls through it. Check that the proxy runs and that HTTPS_PROXY, HTTP_PROXY and NO_PROXY name the right proxy and the hosts to reach directly.`,
      'unreachable-proxy'
    )
  }
  if (name === 'CredentialsProviderError') {
    return permanent(
      `No AWS credentials were found (${detail}). Configure them before this step, for example with aws-actions/configure-aws-credentials.`,
      'credentials'
    )
  }
  if (name === 'OrganizationAccessDeniedException') {
    return permanent(
      `AWS Config refused the organization call ${iamAction} (${name}). ${said} Run this step with credentials of the organization's management account or of a delegated administrator for AWS Config, whose role may call ${ORGANIZATION_IAM_ACTIONS.join(' and ')}.`,
      'access-denied'
    )
  }
  if (ACCESS_DENIED_ERRORS.has(name)) {
    return permanent(
      `Access denied to ${iamAction} (${name}). ${said} Grant the role the IAM action ${iamAction}.`,
      'access-denied'
    )
  }
  if (CREDENTIAL_ERRORS.has(name) && !isTransientError(sdk)) {
    return permanent(
      `AWS rejected the credentials (${name}). ${said} Check the credentials step (for example aws-actions/configure-aws-credentials): the keys or the session token are wrong or expired.`,
      EXPIRED_CREDENTIAL_ERRORS.has(name) ? 'expired-credentials' : 'credentials'
    )
  }
  // A name that does not resolve is no outage: a misspelt region (or endpoint URL) stays so.
  // EAI_AGAIN, a resolver that could not answer now, is left to the transient cases below.
  if (e.code === 'ENOTFOUND') {
    const host = e.hostname ?? hostOf(detail) ?? 'of the AWS endpoint'
    const input = region ? `the region input ("${region}")` : 'the region input'
    return permanent(
      `The host name ${host} does not resolve (ENOTFOUND). Check ${input} for a typo, or, when AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> is set, that URL.`,
      'unresolved-host'
    )
  }
  // The same certificate every time: asking again cannot help, but the CA can be given.
  if (e.code && UNTRUSTED_CERTIFICATE.has(e.code)) {
    return permanent(
      `The TLS certificate of the AWS endpoint is not trusted (${e.code}: ${detail}). Behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS in the job's environment to a PEM file with the proxy's CA certificate.`
    )
  }
  if (isThrottlingError(sdk)) return transient(`throttled (${name}): ${detail}`)
  if (isTransientError(sdk) || isServerError(sdk)) {
    return transient(`${status ? `HTTP ${status} ` : ''}${name}: ${detail}`)
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return permanent(`AWS rejected ${iamAction} (${name}, HTTP ${status}). ${said}`)
  }
  // Anything that never got an HTTP answer (a reset, a proxy's garbage) may pass.
  return transient(`${name}: ${detail}`)
}

/**
 * For a wait that had answers before: the session ran out while waiting, which better
 * credentials at the start cannot show and the usual "wrong or expired" advice does not fix.
 */
export function expiredDuringWait(error: unknown, waited: string): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ServiceErrorShape
  return `The AWS credentials expired after ${waited} of waiting (${e.name ?? 'ExpiredToken'}). ${awsSaid(redact(e.message ?? String(error)))} Give the role session more time than timeout-seconds (role-duration-seconds of aws-actions/configure-aws-credentials, up to the role's maximum session duration), or set a shorter timeout-seconds.`
}

export function isNoSuchPackError(error: unknown): boolean {
  return (error as ServiceErrorShape | undefined)?.name === 'NoSuchConformancePackException'
}

/** CloudFormation's answer for a stack that is gone (a pack's stack deleted since). */
export function isStackGoneError(error: unknown): boolean {
  const e = error as ServiceErrorShape | undefined
  return e?.name === 'ValidationError' && /does not exist/i.test(e.message ?? '')
}

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g

/** Service messages can quote a request's credential scope; keep key ids out of the log. */
export function redact(message: string): string {
  return message.replace(ACCESS_KEY_ID, '***')
}

/** AWS's own words, quoted, so that they never read as the advice that follows. */
function awsSaid(detail: string): string {
  const text = detail.trim().replace(/\.$/, '')
  return text ? `AWS said: "${text}".` : 'AWS gave no reason.'
}

function hostOf(message: string): string | undefined {
  return /ENOTFOUND (\S+)/.exec(message)?.[1]
}

const transient = (message: string): ClassifiedError => ({ kind: 'transient', message })
const permanent = (message: string, cause?: PermanentCause): ClassifiedError =>
  cause ? { kind: 'permanent', message, cause } : { kind: 'permanent', message }
