import { afterEach, describe, expect, it } from 'vitest'
import { proxyFor, proxyNotices, shownProxy } from '../../../src/shared/proxy.js'

const VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']
const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]))

function setProxyEnv(env: Record<string, string>): void {
  for (const v of VARIABLES) delete process.env[v]
  Object.assign(process.env, env)
}

afterEach(() => {
  for (const v of VARIABLES) {
    if (saved[v] === undefined) delete process.env[v]
    else process.env[v] = saved[v]
  }
})

describe('proxyFor: the toolkit rule', () => {
  it('picks HTTPS_PROXY for https URLs and HTTP_PROXY for http URLs, lower case first', () => {
    setProxyEnv({ HTTPS_PROXY: 'http://s.corp:3128', HTTP_PROXY: 'http://p.corp:8080' })
    expect(proxyFor('https://config.eu-west-1.amazonaws.com')).toMatchObject({
      address: 's.corp:3128',
      variable: 'HTTPS_PROXY'
    })
    expect(proxyFor('http://emulator.corp:4566')).toMatchObject({
      address: 'p.corp:8080',
      variable: 'HTTP_PROXY'
    })
    process.env.https_proxy = 'http://lower.corp:1'
    expect(proxyFor('https://x.example')).toMatchObject({
      address: 'lower.corp:1',
      variable: 'https_proxy'
    })
  })

  it('takes a proxy without a scheme as http:// and its port as 80 when none is given', () => {
    setProxyEnv({ HTTPS_PROXY: 'proxy.corp' })
    expect(proxyFor('https://x.example')?.url.href).toBe('http://proxy.corp/')
    setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp' })
    expect(proxyFor('https://x.example')?.address).toBe('proxy.corp:80')
    setProxyEnv({ HTTPS_PROXY: 'https://proxy.corp' })
    expect(proxyFor('https://x.example')?.address).toBe('proxy.corp:443')
  })

  it.each([
    ['config.eu-west-1.amazonaws.com', true],
    ['amazonaws.com', true],
    ['.amazonaws.com', true],
    ['*', true],
    ['config.eu-west-1.amazonaws.com:443', true],
    ['config.eu-west-1.amazonaws.com:8443', false],
    ['mazonaws.com', false],
    ['github.com', false]
  ])('NO_PROXY=%s exempts https://config.eu-west-1.amazonaws.com: %s', (noProxy, exempt) => {
    setProxyEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: noProxy })
    expect(proxyFor('https://config.eu-west-1.amazonaws.com') === undefined).toBe(exempt)
  })

  it('never sends a loopback address through the proxy', () => {
    setProxyEnv({ HTTP_PROXY: 'http://proxy.corp:3128' })
    expect(proxyFor('http://127.0.0.1:4566')).toBeUndefined()
    expect(proxyFor('http://localhost:4566')).toBeUndefined()
  })

  it('is none without a proxy variable', () => {
    setProxyEnv({})
    expect(proxyFor('https://api.github.com')).toBeUndefined()
  })
})

describe('shownProxy and proxyNotices', () => {
  it('hides the credentials', () => {
    expect(shownProxy(new URL('http://me:s%40cret@proxy.corp:3128'))).toBe(
      'http://***@proxy.corp:3128'
    )
    expect(shownProxy(new URL('http://proxy.corp:3128/'))).toBe('http://proxy.corp:3128')
  })

  it('tells each proxy once, without its password', () => {
    setProxyEnv({ HTTPS_PROXY: 'http://me:s3cret@proxy.corp:3128', NO_PROXY: '.internal' })
    const lines: string[] = []
    const notices = proxyNotices({ debug: (m) => lines.push(m) })
    const route = proxyFor('https://a.example')!
    notices.using(route, 'https://a.example')
    notices.using(proxyFor('https://b.example')!, 'https://b.example')
    expect(lines).toEqual([
      'Using the proxy http://***@proxy.corp:3128 (HTTPS_PROXY) for https://a.example and every call the same rule sends to it; NO_PROXY: .internal'
    ])
  })
})
