import { describe, expect, it } from 'vitest'
import {
  classifyError,
  expiredDuringWait,
  IAM_ACTION,
  isNoSuchPackError,
  redact
} from '../../../src/aws/errors.js'
import { isKnownRegion } from '../../../src/aws/client.js'
import { sdkError } from '../../support/doubles.js'

describe('classifyError: transient', () => {
  it('treats ThrottlingException (HTTP 400) as transient', () => {
    const c = classifyError(sdkError('ThrottlingException', 'Rate exceeded', 400), IAM_ACTION)
    expect(c.kind).toBe('transient')
    expect(c.message).toContain('ThrottlingException')
    expect(c.message).toContain('Rate exceeded')
  })

  it.each(['TooManyRequestsException', 'SomethingElse', 'ValidationException'])(
    'treats any HTTP 429 (%s) as transient',
    (name) => {
      expect(classifyError(sdkError(name, 'request failed', 429), IAM_ACTION).kind).toBe(
        'transient'
      )
    }
  )

  it.each([
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
    ['BadGateway', 502],
    ['GatewayTimeout', 504],
    ['NotImplementedYet', 501]
  ])('treats %s (HTTP %d) as transient', (name, status) => {
    const c = classifyError(sdkError(name, 'request failed', status), IAM_ACTION)
    expect(c.kind).toBe('transient')
    expect(c.message).toContain(String(status))
  })

  it('treats a network error without an HTTP answer as transient', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
      code: 'ECONNREFUSED'
    })
    const c = classifyError(error, IAM_ACTION)
    expect(c.kind).toBe('transient')
    expect(c.message).toContain('ECONNREFUSED')
  })

  it('treats a TimeoutError as transient', () => {
    expect(classifyError(sdkError('TimeoutError', 'request failed'), IAM_ACTION).kind).toBe(
      'transient'
    )
  })

  it('treats a non-Error value as transient and keeps its text', () => {
    const c = classifyError('socket hang up', IAM_ACTION)
    expect(c.kind).toBe('transient')
    expect(c.message).toContain('socket hang up')
  })
})

describe('classifyError: permanent', () => {
  it('AccessDeniedException names the IAM action to grant', () => {
    const c = classifyError(
      sdkError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: config:DescribeConformancePackStatus',
        400
      ),
      IAM_ACTION
    )
    expect(c.kind).toBe('permanent')
    expect(IAM_ACTION).toBe('config:DescribeConformancePackStatus')
    expect(c.message).toContain(
      'Grant the role the IAM action config:DescribeConformancePackStatus'
    )
    expect(c.message).toContain('AccessDeniedException')
  })

  it('AccessDeniedException names another IAM action when given one', () => {
    const c = classifyError(
      sdkError('AccessDeniedException', 'request failed', 400),
      'config:DescribeConformancePacks'
    )
    expect(c.message).toContain('config:DescribeConformancePacks')
  })

  it.each([
    ['UnrecognizedClientException', 400],
    ['InvalidClientTokenId', 403],
    ['ExpiredTokenException', 400],
    ['InvalidSignatureException', 400]
  ])('%s is permanent and points at the credentials', (name, status) => {
    const c = classifyError(
      sdkError(name, 'The security token included in the request is invalid.', status),
      IAM_ACTION
    )
    expect(c.kind).toBe('permanent')
    expect(c.message).toContain(name)
    expect(c.message).toMatch(/credentials/i)
  })

  it('CredentialsProviderError (no credentials at all) is permanent and mentions credentials', () => {
    const c = classifyError(
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      IAM_ACTION
    )
    expect(c.kind).toBe('permanent')
    expect(c.message).toMatch(/credentials/i)
    expect(c.message).toContain('configure-aws-credentials')
  })

  it.each([
    ['ValidationException', 400],
    ['InvalidParameterValueException', 400],
    ['NoSuchConformancePackException', 400],
    ['SomeForbiddenThing', 403]
  ])('other 4xx (%s, %d) is permanent', (name, status) => {
    const c = classifyError(sdkError(name, 'bad request', status), IAM_ACTION)
    expect(c.kind).toBe('permanent')
    expect(c.message).toContain(name)
    expect(c.message).toContain(`HTTP ${status}`)
  })
})

describe('redact', () => {
  it('removes access key ids', () => {
    const text =
      'Credential=AKIAIOSFODNN7EXAMPLE/20240501/us-east-1/config/aws4_request and ASIAIOSFODNN7EXAMPLE'
    const out = redact(text)
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(out).not.toContain('ASIAIOSFODNN7EXAMPLE')
    expect(out).toBe('Credential=***/20240501/us-east-1/config/aws4_request and ***')
  })

  it('leaves other text alone', () => {
    expect(redact('conformance pack AKIA-alpha failed')).toBe('conformance pack AKIA-alpha failed')
  })

  it('is applied to classified messages', () => {
    const c = classifyError(
      sdkError(
        'InvalidSignatureException',
        'Credential should be scoped to a valid region, not AKIAIOSFODNN7EXAMPLE',
        403
      ),
      IAM_ACTION
    )
    expect(c.message).not.toContain('AKIAIOSFODNN7EXAMPLE')
    const t = classifyError(
      sdkError('ThrottlingException', 'slow down AKIAIOSFODNN7EXAMPLE', 400),
      IAM_ACTION
    )
    expect(t.message).not.toContain('AKIAIOSFODNN7EXAMPLE')
  })
})

describe('isNoSuchPackError', () => {
  it('recognises NoSuchConformancePackException by name', () => {
    expect(
      isNoSuchPackError(sdkError('NoSuchConformancePackException', 'request failed', 400))
    ).toBe(true)
  })

  it('rejects other errors and non-errors', () => {
    expect(isNoSuchPackError(sdkError('ValidationException', 'request failed', 400))).toBe(false)
    expect(isNoSuchPackError(undefined)).toBe(false)
    expect(isNoSuchPackError(null)).toBe(false)
    expect(isNoSuchPackError('NoSuchConformancePackException')).toBe(false)
  })
})

describe('classifyError: the call that failed, and what AWS said', () => {
  it('names the action of the call made, and quotes AWS apart from the advice', () => {
    const c = classifyError(
      sdkError('AccessDeniedException', 'User x is not authorized. Grant nothing.', 400),
      'config:GetConformancePackComplianceSummary'
    )
    expect(c).toEqual({
      kind: 'permanent',
      cause: 'access-denied',
      message:
        'Access denied to config:GetConformancePackComplianceSummary (AccessDeniedException). AWS said: "User x is not authorized. Grant nothing". Grant the role the IAM action config:GetConformancePackComplianceSummary.'
    })
  })

  it('says when AWS gave no reason', () => {
    const c = classifyError(sdkError('AccessDenied', '', 403), 'cloudformation:DescribeStackEvents')
    expect(c.message).toBe(
      'Access denied to cloudformation:DescribeStackEvents (AccessDenied). AWS gave no reason. Grant the role the IAM action cloudformation:DescribeStackEvents.'
    )
  })

  it('an organization refusal names the call made and both organization actions', () => {
    const c = classifyError(
      sdkError('OrganizationAccessDeniedException', 'Caller must be the management account.', 400),
      'config:DescribeOrganizationConformancePackStatuses'
    )
    expect(c.kind).toBe('permanent')
    expect(c.message).toMatch(
      /^AWS Config refused the organization call config:DescribeOrganizationConformancePackStatuses \(OrganizationAccessDeniedException\)\. AWS said: "Caller must be the management account"\. Run this step with credentials of the organization's management account/
    )
  })

  it('another 4xx names the call made, not AWS Config for every service', () => {
    const c = classifyError(
      sdkError('ValidationError', 'bad', 400),
      'cloudformation:DescribeStackEvents'
    )
    expect(c.message).toBe(
      'AWS rejected cloudformation:DescribeStackEvents (ValidationError, HTTP 400). AWS said: "bad".'
    )
  })
})

describe('classifyError: a host name that does not resolve', () => {
  const dnsError = (code: string, host: string) =>
    Object.assign(new Error(`getaddrinfo ${code} ${host}`), {
      code,
      errno: -3008,
      syscall: 'getaddrinfo',
      hostname: host,
      $metadata: { attempts: 2 }
    })

  it('ENOTFOUND is permanent and names the host, the region and the region input', () => {
    const c = classifyError(
      dnsError('ENOTFOUND', 'config.us-esat-1.amazonaws.com'),
      IAM_ACTION,
      'us-esat-1'
    )
    expect(c).toEqual({
      kind: 'permanent',
      cause: 'unresolved-host',
      message:
        'The host name config.us-esat-1.amazonaws.com does not resolve (ENOTFOUND). Check the region input ("us-esat-1") for a typo, or, when AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> is set, that URL.'
    })
  })

  it('ENOTFOUND of a custom endpoint names that host', () => {
    const c = classifyError(dnsError('ENOTFOUND', 'config.invalid'), IAM_ACTION)
    expect(c.kind).toBe('permanent')
    expect(c.message).toContain('The host name config.invalid does not resolve (ENOTFOUND)')
    expect(c.message).toContain('AWS_ENDPOINT_URL')
  })

  it('EAI_AGAIN (the resolver could not answer now) stays transient', () => {
    const c = classifyError(
      dnsError('EAI_AGAIN', 'config.us-east-1.amazonaws.com'),
      IAM_ACTION,
      'us-east-1'
    )
    expect(c.kind).toBe('transient')
    expect(c.message).toContain('EAI_AGAIN')
  })
})

describe('expired credentials', () => {
  it.each(['ExpiredToken', 'ExpiredTokenException'])(
    '%s is a credentials error of its own cause',
    (name) => {
      const c = classifyError(
        sdkError(name, 'The security token included in the request is expired', 400),
        IAM_ACTION
      )
      expect(c).toMatchObject({ kind: 'permanent', cause: 'expired-credentials' })
      expect(c.message).toMatch(/^AWS rejected the credentials/)
    }
  )

  it('expiredDuringWait says how long the wait ran and how to get longer credentials', () => {
    const message = expiredDuringWait(
      sdkError(
        'ExpiredTokenException',
        'The security token included in the request is expired',
        400
      ),
      '1h00m'
    )
    expect(message).toBe(
      'The AWS credentials expired after 1h00m of waiting (ExpiredTokenException). AWS said: "The security token included in the request is expired". Give the role session more time than timeout-seconds (role-duration-seconds of aws-actions/configure-aws-credentials, up to the role\'s maximum session duration), or set a shorter timeout-seconds.'
    )
  })
})

describe('isKnownRegion', () => {
  it.each(['us-east-1', 'eu-central-2', 'ap-southeast-5', 'cn-north-1', 'us-gov-west-1'])(
    'knows %s from the SDK',
    (region) => expect(isKnownRegion(region)).toBe(true)
  )

  it.each(['us-esat-1', 'eu-west-9', 'xx-east-1'])('does not know %s', (region) =>
    expect(isKnownRegion(region)).toBe(false)
  )
})
