import { describe, expect, it } from 'vitest'
import { classifyError, IAM_ACTION } from '../../../src/aws/errors.js'
import { ProxyConnectionError } from '../../../src/aws/proxy-handler.js'

describe('classifyError: proxies and certificates', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.8:3128'), {
    code: 'ECONNREFUSED'
  })

  it('a proxy that refuses is permanent, named by host:port and variable, with no region advice', () => {
    const error = new ProxyConnectionError(
      'ECONNREFUSED',
      'proxy.corp:3128',
      'HTTPS_PROXY',
      'https://config.eu-west-1.amazonaws.com',
      { cause: refused }
    )
    expect(classifyError(error, IAM_ACTION, 'eu-west-1')).toEqual({
      kind: 'permanent',
      cause: 'unreachable-proxy',
      message:
        'The proxy proxy.corp:3128 refused the connection (ECONNREFUSED). HTTPS_PROXY sends the AWS calls through it. Check that the proxy runs and that HTTPS_PROXY, HTTP_PROXY and NO_PROXY name the right proxy and the hosts to reach directly.'
    })
  })

  it("a proxy's host name that does not resolve names the proxy", () => {
    const error = new ProxyConnectionError('ENOTFOUND', 'proxy.invalid:80', 'http_proxy', 'x')
    const c = classifyError(error, IAM_ACTION, 'eu-west-1')
    expect(c).toMatchObject({ kind: 'permanent', cause: 'unreachable-proxy' })
    expect(c.message).toContain(
      "The proxy's host name does not resolve (ENOTFOUND): proxy.invalid:80. http_proxy sends"
    )
  })

  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN'])(
    'an untrusted certificate (%s) is permanent and points at NODE_EXTRA_CA_CERTS',
    (code) => {
      const error = Object.assign(new Error('unable to verify the first certificate'), { code })
      const c = classifyError(error, IAM_ACTION, 'eu-west-1')
      expect(c.kind).toBe('permanent')
      expect(c.message).toContain(`not trusted (${code}: unable to verify the first certificate)`)
      expect(c.message).toContain('NODE_EXTRA_CA_CERTS')
    }
  )

  it('a refused connection without a proxy stays transient', () => {
    expect(classifyError(refused, IAM_ACTION, 'eu-west-1').kind).toBe('transient')
  })
})
