import { DescribeConformancePackStatusCommand } from '@aws-sdk/client-config-service'
import { systemClock } from '../../src/shared/clock.js'
import { afterEach, describe, expect, it } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { classifyError, IAM_ACTION } from '../../src/aws/errors.js'
import { createCheckRunReporter } from '../../src/github/check-run.js'
import { proxyNotices } from '../../src/shared/proxy.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { recordingLog } from '../support/doubles.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { closedPort, ForwardProxy } from '../support/forward-proxy.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

/**
 * The real AWS SDK and the real octokit through a real forward proxy on 127.0.0.1. The
 * endpoints are named `*.internal.test`, names that resolve nowhere but at the proxy (as an
 * intranet's do): a call that works went through the proxy; a call that bypassed it fails
 * with ENOTFOUND. (The toolkit's rule never sends a loopback address through a proxy.)
 */

const CONFIG_HOST = 'config.internal.test'
const API_HOST = 'api.internal.test'
const PASSWORD = 'pr0xy-s3cret'
const TOKEN = 'ghs_fakeInstallationToken0123456789abcdefABCDEF'
const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy'
]

const saved = { ...process.env }
const stops: (() => Promise<void>)[] = []

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
})

/** The emulator, a proxy that maps *.internal.test to 127.0.0.1, and a clean environment. */
async function world(
  env: (proxyUrl: string) => Record<string, string> = (p) => ({ HTTP_PROXY: p })
) {
  const emulator = new ConfigEmulator({
    packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }]
  })
  const emulatorPort = new URL(await emulator.start()).port
  const proxy = new ForwardProxy({ [CONFIG_HOST]: '127.0.0.1', [API_HOST]: '127.0.0.1' })
  const proxyUrl = await proxy.start()
  stops.push(
    () => emulator.stop(),
    () => proxy.stop()
  )
  for (const key of PROXY_VARIABLES) delete process.env[key]
  Object.assign(process.env, TEST_CREDENTIALS, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: `http://${CONFIG_HOST}:${emulatorPort}`,
    ...env(proxyUrl)
  })
  const log = recordingLog()
  const lines = log.entries
  const proxies = proxyNotices(log)
  const client = createConfigClient('eu-west-1', process.env, proxies)
  stops.push(() => Promise.resolve(client.destroy()))
  const describePacks = () =>
    client.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: ['alpha'] }))
  const config = `${CONFIG_HOST}:${emulatorPort}`
  return { emulator, emulatorPort, proxy, proxyUrl, log, lines, proxies, describePacks, config }
}

const withPassword = (proxyUrl: string): string =>
  proxyUrl.replace('http://', `http://tester:${encodeURIComponent(PASSWORD)}@`)

async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('the call succeeded')
}

describe('AWS calls through a proxy', () => {
  it('sends a plain HTTP endpoint through HTTP_PROXY (absolute form), with its credentials, and logs the proxy once without them', async () => {
    const w = await world((p) => ({ HTTP_PROXY: withPassword(p) }))
    const first = await w.describePacks()
    await w.describePacks()
    expect(first.ConformancePackStatusDetails?.[0]?.ConformancePackName).toBe('alpha')
    expect(w.emulator.describeCalls).toBe(2)
    const forwarded = w.proxy.to(w.config)
    expect(forwarded.map((r) => r.method)).toEqual(['POST', 'POST'])
    expect(forwarded[0].proxyAuthorization).toBe(
      `Basic ${Buffer.from(`tester:${PASSWORD}`).toString('base64')}`
    )
    const told = w.lines.filter((l) => l.message.includes('proxy'))
    expect(told).toEqual([
      {
        level: 'debug',
        message: expect.stringContaining(
          `Using the proxy http://***@${new URL(w.proxyUrl).host} (HTTP_PROXY) for http://${w.config}`
        ) as string
      }
    ])
    expect(JSON.stringify(w.lines)).not.toContain(PASSWORD)
    expect(JSON.stringify(w.lines)).not.toContain('tester')
  })

  it('reads http_proxy before HTTP_PROXY, as the toolkit does', async () => {
    const refused = `http://127.0.0.1:${await closedPort()}`
    const w = await world((p) => ({ http_proxy: p, HTTP_PROXY: refused }))
    await w.describePacks()
    expect(w.proxy.to(w.config)).toHaveLength(1)
    expect(w.lines.map((l) => l.message).join('\n')).toContain('(http_proxy)')
  })

  it('calls a loopback endpoint directly even with a proxy set', async () => {
    const w = await world()
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${w.emulatorPort}`
    const client = createConfigClient('eu-west-1', process.env, w.proxies)
    stops.push(() => Promise.resolve(client.destroy()))
    await client.send(new DescribeConformancePackStatusCommand({}))
    expect(w.emulator.describeCalls).toBe(1)
    expect(w.proxy.forwarded).toEqual([])
    expect(w.lines).toEqual([])
  })

  it.each([
    ['the host', CONFIG_HOST],
    ['its domain', 'internal.test'],
    ['its domain with a leading dot', '.internal.test'],
    ['every host', '*'],
    ['the host in upper case, among others', 'example.com, CONFIG.INTERNAL.TEST']
  ])(
    'NO_PROXY listing %s calls the host directly, which without it goes through the proxy (%s)',
    async (_what, noProxy) => {
      const w = await world()
      await w.describePacks()
      expect(w.proxy.to(w.config)).toHaveLength(1)
      process.env.NO_PROXY = noProxy
      const error = await failureOf(w.describePacks)
      expect(w.proxy.forwarded).toHaveLength(1)
      expect(w.emulator.describeCalls).toBe(1)
      expect(classifyError(error, IAM_ACTION, 'eu-west-1')).toMatchObject({
        kind: 'permanent',
        cause: 'unresolved-host',
        message: expect.stringContaining(`The host name ${CONFIG_HOST} does not resolve`) as string
      })
    }
  )

  it('NO_PROXY with the host and its port calls it directly; another port or another domain does not exempt it', async () => {
    const exempt = await world((p) => ({ HTTP_PROXY: p, no_proxy: 'placeholder' }))
    process.env.no_proxy = exempt.config
    await failureOf(exempt.describePacks)
    expect(exempt.proxy.forwarded).toEqual([])

    for (const noProxy of [`${CONFIG_HOST}:1`, 'nternal.test', 'other.test', 'test.internal']) {
      process.env.no_proxy = noProxy
      await exempt.describePacks()
    }
    expect(exempt.proxy.to(exempt.config)).toHaveLength(4)
  })

  it('names a proxy that refuses the connection, not the region, and gives up at once', async () => {
    const port = await closedPort()
    const w = await world(() => ({ HTTP_PROXY: `http://tester:${PASSWORD}@127.0.0.1:${port}` }))
    const error = await failureOf(w.describePacks)
    const classified = classifyError(error, IAM_ACTION, 'eu-west-1')
    expect(classified).toMatchObject({ kind: 'permanent', cause: 'unreachable-proxy' })
    expect(classified.message).toContain(
      `The proxy 127.0.0.1:${port} refused the connection (ECONNREFUSED)`
    )
    expect(classified.message).toContain('HTTP_PROXY')
    expect(classified.message).not.toMatch(/region/i)
    expect(classified.message).not.toContain(PASSWORD)
    expect(w.emulator.describeCalls).toBe(0)
  })

  it("names a proxy whose host name does not resolve, not the endpoint's", async () => {
    const w = await world(() => ({ HTTP_PROXY: 'http://proxy.corp.invalid:3128' }))
    const classified = classifyError(await failureOf(w.describePacks), IAM_ACTION, 'eu-west-1')
    expect(classified).toMatchObject({ kind: 'permanent', cause: 'unreachable-proxy' })
    expect(classified.message).toContain(
      "The proxy's host name does not resolve (ENOTFOUND): proxy.corp.invalid:3128"
    )
    expect(classified.message).not.toMatch(/region/i)
  })
})

describe('the check run through the same proxy, by the same rule', () => {
  async function withGitHub(env: (proxyUrl: string) => Record<string, string>) {
    const w = await world(env)
    const api = new FakeGitHubApi()
    const apiPort = new URL(await api.start()).port
    stops.push(() => api.stop())
    const reporter = createCheckRunReporter({
      token: TOKEN,
      name: 'AWS Config conformance packs',
      env: {
        GITHUB_API_URL: `http://${API_HOST}:${apiPort}`,
        GITHUB_REPOSITORY: 'octo-org/infra',
        GITHUB_SHA: '1111111111111111111111111111111111111111'
      },
      payload: {},
      log: w.log,
      requestTimeoutMs: 2_000,
      clock: systemClock,
      proxies: w.proxies
    })
    if (!reporter) throw new Error('no reporter')
    return { ...w, api, reporter, apiTarget: `${API_HOST}:${apiPort}` }
  }

  it('creates and completes the run through the proxy (CONNECT) that the AWS calls use, told once', async () => {
    const w = await withGitHub((p) => ({ HTTP_PROXY: withPassword(p) }))
    await w.describePacks()
    await w.reporter.start('Waiting', 'alpha pending')
    await w.reporter.complete('success', 'Deployed', 'alpha deployed')
    expect(w.api.requests.map((r) => r.method)).toEqual(['POST', 'PATCH'])
    const tunnels = w.proxy.to(w.apiTarget)
    expect(tunnels.length).toBeGreaterThanOrEqual(1)
    expect(tunnels.every((r) => r.method === 'CONNECT')).toBe(true)
    expect(tunnels[0].proxyAuthorization).toBe(
      `Basic ${Buffer.from(`tester:${PASSWORD}`).toString('base64')}`
    )
    expect(w.proxy.to(w.config)).toHaveLength(1)
    expect(w.lines.filter((l) => l.message.startsWith('Using the proxy'))).toHaveLength(1)
    expect(w.lines.filter((l) => l.level === 'warning')).toEqual([])
    expect(JSON.stringify(w.lines)).not.toContain(PASSWORD)
  })

  it('NO_PROXY exempts the API host as it exempts an AWS host', async () => {
    const w = await withGitHub((p) => ({ HTTP_PROXY: p, NO_PROXY: API_HOST }))
    await w.describePacks()
    await w.reporter.start('Waiting', 'alpha pending')
    await w.reporter.complete('success', 'Deployed', 'alpha deployed')
    expect(w.proxy.to(w.apiTarget)).toEqual([])
    expect(w.api.requests).toEqual([])
    expect(w.proxy.to(w.config)).toHaveLength(1)
    expect(w.lines.find((l) => l.level === 'warning')?.message).toContain('ENOTFOUND')
  })

  it('names a proxy that refuses in the warning', async () => {
    const port = await closedPort()
    const w = await withGitHub(() => ({
      HTTP_PROXY: `http://tester:${PASSWORD}@127.0.0.1:${port}`
    }))
    await w.reporter.start('Waiting', 'alpha pending')
    await w.reporter.complete('success', 'Deployed', 'alpha deployed')
    const warnings = w.lines.filter((l) => l.level === 'warning').map((l) => l.message)
    expect(warnings[0]).toContain(
      `the proxy 127.0.0.1:${port} refused the connection (ECONNREFUSED)`
    )
    expect(JSON.stringify(w.lines)).not.toContain(PASSWORD)
  })
})
