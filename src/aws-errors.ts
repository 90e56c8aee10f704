import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry'
import type { SdkError } from '@smithy/types'

/**
 * How the wait treats a failed call: `transient` is retried at the next poll (throttling,
 * 5xx, network trouble, a stalled request); `permanent` ends the wait at once, because
 * retrying cannot help and the person reading the log has to act.
 */
export type ClassifiedError =
  | { readonly kind: 'transient'; readonly message: string }
  | { readonly kind: 'permanent'; readonly message: string }

interface ServiceErrorShape {
  name?: string
  message?: string
  code?: string
  $metadata?: { httpStatusCode?: number; requestId?: string }
}

const CREDENTIAL_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'ExpiredToken',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException'
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

export function classifyError(error: unknown, iamAction: string = IAM_ACTION): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ServiceErrorShape
  const name = e.name ?? 'Error'
  const detail = redact(e.message ?? String(error))
  const status = e.$metadata?.httpStatusCode
  const sdk = e as SdkError

  if (name === 'CredentialsProviderError') {
    return permanent(
      `No AWS credentials were found (${detail}). Configure them before this step, for example with aws-actions/configure-aws-credentials.`
    )
  }
  if (name === 'OrganizationAccessDeniedException') {
    return permanent(
      `AWS Config refused the organization call (${name}): ${detail} Run this step with credentials of the organization's management account or of a delegated administrator for AWS Config, whose role may call ${ORGANIZATION_IAM_ACTIONS.join(' and ')}.`
    )
  }
  if (ACCESS_DENIED_ERRORS.has(name)) {
    return permanent(
      `Access denied (${name}): ${detail} Grant the role the IAM action ${iamAction}.`
    )
  }
  if (CREDENTIAL_ERRORS.has(name) && !isTransientError(sdk)) {
    return permanent(
      `AWS rejected the credentials (${name}): ${detail} Check the credentials step (for example aws-actions/configure-aws-credentials): the keys or the session token are wrong or expired.`
    )
  }
  if (isThrottlingError(sdk)) return transient(`throttled (${name}): ${detail}`)
  if (isTransientError(sdk) || isServerError(sdk)) {
    return transient(`${status ? `HTTP ${status} ` : ''}${name}: ${detail}`)
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return permanent(`AWS Config rejected the request (${name}, HTTP ${status}): ${detail}`)
  }
  // Anything that never got an HTTP answer (a reset, a proxy's garbage) may pass.
  return transient(`${name}: ${detail}`)
}

export function isNoSuchPackError(error: unknown): boolean {
  return (error as ServiceErrorShape | undefined)?.name === 'NoSuchConformancePackException'
}

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g

/** Service messages can quote a request's credential scope; keep key ids out of the log. */
export function redact(message: string): string {
  return message.replace(ACCESS_KEY_ID, '***')
}

const transient = (message: string): ClassifiedError => ({ kind: 'transient', message })
const permanent = (message: string): ClassifiedError => ({ kind: 'permanent', message })
