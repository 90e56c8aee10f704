import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { closedPort, ForwardProxy } from '../support/forward-proxy.js'
import { runAction } from '../support/run-action.js'
import { makeTestCa, TlsFront, type TestCa } from '../support/test-tls.js'
import { FAST, json } from './dist-harness.js'

/**
 * The built action behind a proxy, as a self-hosted runner in a company network runs it: AWS
 * reachable only through the proxy, over HTTPS through CONNECT, to an endpoint whose
 * certificate a CA of the test signed, trusted through NODE_EXTRA_CA_CERTS (which Node reads
 * at start, hence a process of its own). `config.internal.test` and `api.internal.test`
 * resolve nowhere but at the proxy.
 */

const CONFIG_HOST = 'config.internal.test'
const API_HOST = 'api.internal.test'
const PASSWORD = 'pr0xy-s3cret'
const TOKEN = 'ghs_testtoken0123456789'
const SCENARIO = { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' as const }] }] }

let ca: TestCa
beforeAll(async () => {
  ca = await makeTestCa([CONFIG_HOST])
})
afterAll(() => ca.remove())

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

/** The emulator behind TLS, the fake GitHub API, and a proxy that reaches both. */
async function world() {
  const emulator = new ConfigEmulator(SCENARIO)
  const emulatorPort = Number(new URL(await emulator.start()).port)
  const tls = new TlsFront(ca, emulatorPort)
  const tlsPort = await tls.start()
  const github = new FakeGitHubApi()
  const apiPort = new URL(await github.start()).port
  const proxy = new ForwardProxy({ [CONFIG_HOST]: '127.0.0.1', [API_HOST]: '127.0.0.1' })
  const proxyUrl = await proxy.start()
  stops.push(
    () => emulator.stop(),
    () => tls.stop(),
    () => github.stop(),
    () => proxy.stop()
  )
  return {
    emulator,
    tls,
    github,
    proxy,
    proxyUrl,
    config: `${CONFIG_HOST}:${tlsPort}`,
    api: `${API_HOST}:${apiPort}`
  }
}

type World = Awaited<ReturnType<typeof world>>

function run(w: World, env: Record<string, string | undefined>) {
  return runAction({
    inputs: { 'conformance-pack-names': 'alpha', 'github-token': TOKEN, ...FAST },
    endpoint: `https://${w.config}`,
    env: {
      AWS_REGION: 'eu-west-1',
      GITHUB_API_URL: `http://${w.api}`,
      GITHUB_SHA: 'feedface'.repeat(5),
      NODE_EXTRA_CA_CERTS: ca.caFile,
      ...env
    }
  })
}

const withPassword = (proxyUrl: string): string =>
  proxyUrl.replace('http://', `http://tester:${PASSWORD}@`)

describe('dist/index.js behind a proxy', () => {
  it('reaches AWS over HTTPS through CONNECT with the CA of NODE_EXTRA_CA_CERTS, and GitHub through the same proxy; logs the proxy once, without its password', async () => {
    const w = await world()
    const proxy = withPassword(w.proxyUrl)
    const result = await run(w, { HTTPS_PROXY: proxy, HTTP_PROXY: proxy })
    expect(result.stdout).not.toContain('::error::')
    expect(result.code).toBe(0)
    expect(result.outputs.result).toBe('success')
    expect(json(result.outputs['completed-packs'])).toEqual(['alpha'])
    expect(w.emulator.describeCalls).toBeGreaterThanOrEqual(1)
    expect(w.tls.connections).toBeGreaterThanOrEqual(1)
    const awsTunnels = w.proxy.to(w.config)
    expect(awsTunnels.length).toBeGreaterThanOrEqual(1)
    expect(awsTunnels.every((r) => r.method === 'CONNECT')).toBe(true)
    expect(w.proxy.to(w.api).length).toBeGreaterThanOrEqual(1)
    const calls = w.github.requests
    expect(calls[0].method).toBe('POST')
    expect(calls.at(-1)).toMatchObject({ method: 'PATCH', body: { status: 'completed' } })
    const told = result.stdout.split('\n').filter((l) => l.includes('Using the proxy'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(/^::debug::Using the proxy http:\/\/\*\*\*@127\.0\.0\.1:\d+ \(HTTP/)
    expect(result.stdout + result.stderr).not.toContain(PASSWORD)
  })

  it('without NODE_EXTRA_CA_CERTS the same endpoint is not trusted: the step fails at once and says which variable to set', async () => {
    const w = await world()
    const result = await run(w, { HTTPS_PROXY: w.proxyUrl, NODE_EXTRA_CA_CERTS: undefined })
    expect(result.code).toBe(1)
    // A failure, not a timeout: the wait gave up on the first answer instead of retrying.
    expect(result.outputs.result).toBe('failure')
    expect(w.proxy.to(w.config).length).toBeGreaterThanOrEqual(1)
    expect(w.emulator.describeCalls).toBe(0)
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors.join('\n')).toContain('The TLS certificate of the AWS endpoint is not trusted')
    expect(errors.join('\n')).toContain('NODE_EXTRA_CA_CERTS')
  })

  it('NO_PROXY exempts the AWS host: the call goes directly (and its name does not resolve there)', async () => {
    const w = await world()
    const result = await run(w, { HTTPS_PROXY: w.proxyUrl, NO_PROXY: 'internal.test' })
    expect(result.code).toBe(1)
    expect(w.proxy.forwarded).toEqual([])
    expect(result.stdout).toContain(`The host name ${CONFIG_HOST} does not resolve (ENOTFOUND)`)
  })

  it('a proxy that refuses the connection fails the step at once, naming the proxy and not the region', async () => {
    const w = await world()
    const port = await closedPort()
    const result = await run(w, { HTTPS_PROXY: `http://tester:${PASSWORD}@127.0.0.1:${port}` })
    expect(result.code).toBe(1)
    // A failure, not a timeout: the wait gave up on the first failure instead of retrying.
    expect(result.outputs.result).toBe('failure')
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors.join('\n')).toContain(
      `The proxy 127.0.0.1:${port} refused the connection (ECONNREFUSED)`
    )
    expect(errors.join('\n')).not.toMatch(/region/i)
    expect(result.stdout + result.stderr).not.toContain(PASSWORD)
    expect(w.emulator.describeCalls).toBe(0)
  })
})
