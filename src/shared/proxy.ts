import { getProxyUrl } from '@actions/http-client/lib/proxy'
import type { Log } from './log.js'

/**
 * Which proxy a call goes through: GitHub's toolkit's rule, taken from @actions/http-client
 * itself (`getProxyUrl`, with its `checkBypass`) rather than written again, so the AWS calls,
 * the check run's calls and every other action on the runner (configure-aws-credentials,
 * checkout) agree. That rule: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/
 * `HTTP_PROXY` for http URLs (lower case first); none for a loopback host; none when
 * `no_proxy`/`NO_PROXY` lists `*`, the host, a domain the host is in (`example.com` or
 * `.example.com`), or the host with its port (`host:8443`). A proxy without a scheme is
 * taken as `http://`. Like the toolkit, it reads the process's environment: the proxy is the
 * runner's, as much as NODE_EXTRA_CA_CERTS (trusted by Node itself at start) is.
 */
export interface ProxyRoute {
  /** The proxy's URL, credentials included (user and password decoded): never log it. */
  readonly url: URL
  /** The proxy's URL with any credentials replaced by `***`: safe to log. */
  readonly shown: string
  /** The proxy's host:port, for errors. */
  readonly address: string
  /** The variable that named it (HTTPS_PROXY, https_proxy, HTTP_PROXY or http_proxy). */
  readonly variable: string
}

/** The proxy for a call to `target` (a URL), or undefined for a direct call. */
export function proxyFor(target: string | URL): ProxyRoute | undefined {
  const parsed = typeof target === 'string' ? new URL(target) : target
  const url = getProxyUrl(parsed)
  if (!url?.hostname) return undefined
  return {
    url,
    shown: shownProxy(url),
    address: `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`,
    variable: proxyVariable(parsed.protocol === 'https:')
  }
}

/** The proxy's URL as it may be logged: scheme, host and port; credentials as `***`. */
export function shownProxy(url: URL): string {
  const credentials = url.username || url.password ? '***@' : ''
  const path = url.pathname === '/' ? '' : url.pathname
  return `${url.protocol}//${credentials}${url.host}${path}`
}

/** The variable getProxyUrl read: the lower-case one wins, as in the toolkit. */
function proxyVariable(https: boolean): string {
  const [lower, upper] = https ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  return process.env[lower] ? lower : upper
}

/** Tells the log, once for each proxy in a run, which proxy the calls use. */
export interface ProxyNotices {
  using(route: ProxyRoute, target: string): void
}

/** Debug lines, one per proxy, never with its credentials. */
export function proxyNotices(log: Pick<Log, 'debug'>): ProxyNotices {
  const told = new Set<string>()
  return {
    using(route, target) {
      if (told.has(route.url.href)) return
      told.add(route.url.href)
      const noProxy = process.env.no_proxy || process.env.NO_PROXY
      log.debug(
        `Using the proxy ${route.shown} (${route.variable}) for ${target} and every call the same rule sends to it${noProxy ? `; NO_PROXY: ${noProxy}` : ''}`
      )
    }
  }
}

export const silentProxyNotices: ProxyNotices = { using: () => undefined }
