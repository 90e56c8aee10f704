import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { proxyFor, type ProxyNotices, type ProxyRoute } from '../shared/proxy.js'

/**
 * The AWS SDK's HTTP handler, sending each request directly or through the proxy that the
 * toolkit's rule (src/shared/proxy.ts) names for the request's own URL: the endpoint the SDK
 * resolved, AWS_ENDPOINT_URL included, so NO_PROXY is matched against the host really called.
 *
 * Why agents from npm rather than Node's own support: Node reads HTTP(S)_PROXY itself only from
 * 24.5 (NODE_USE_ENV_PROXY, or an Agent's `proxyEnv`), not on every Node the command supports
 * (22 and later), and with its own reading of NO_PROXY, not the toolkit's. `https-proxy-agent` tunnels through CONNECT (then TLS to AWS, checked
 * against Node's CA list, NODE_EXTRA_CA_CERTS included, as no `ca` is given here);
 * `http-proxy-agent` sends a plain HTTP request to the proxy in absolute form, which every
 * forward proxy accepts (many refuse CONNECT to a port other than 443).
 */
type Request = Parameters<NodeHttpHandler['handle']>[0]
type Options = Parameters<NodeHttpHandler['handle']>[1]
type Handled = ReturnType<NodeHttpHandler['handle']>

export class ProxyRoutingHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' }
  private readonly direct = new NodeHttpHandler()
  private readonly proxied = new Map<string, NodeHttpHandler>()

  constructor(private readonly notices: ProxyNotices) {}

  async handle(request: Request, options?: Options): Handled {
    const port = request.port ? `:${request.port}` : ''
    const target = `${request.protocol}//${request.hostname}${port}`
    const route = proxyFor(target)
    if (!route) return this.direct.handle(request, options)
    this.notices.using(route, target)
    try {
      return await this.through(route).handle(request, options)
    } catch (error) {
      throw proxyConnectionError(error, route, target) ?? error
    }
  }

  updateHttpClientConfig(
    key: keyof NodeHttpHandlerOptions,
    value: NodeHttpHandlerOptions[typeof key]
  ): void {
    this.direct.updateHttpClientConfig(key, value)
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.direct.httpHandlerConfigs()
  }

  destroy(): void {
    this.direct.destroy()
    for (const handler of this.proxied.values()) handler.destroy()
    this.proxied.clear()
  }

  private through(route: ProxyRoute): NodeHttpHandler {
    let handler = this.proxied.get(route.url.href)
    if (!handler) {
      // The agents send the URL's user and password as Basic Proxy-Authorization.
      handler = new NodeHttpHandler({
        httpAgent: new HttpProxyAgent(route.url, { keepAlive: true }),
        httpsAgent: new HttpsProxyAgent(route.url, { keepAlive: true })
      })
      this.proxied.set(route.url.href, handler)
    }
    return handler
  }
}

/** Node's codes for a proxy that could not be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND'])

/**
 * A proxy that refused the connection or whose name does not resolve: the error names the
 * proxy, not AWS's host (through a proxy, only the proxy's own address is ever looked up or
 * connected to here). Anything else (the proxy's own answer, a reset) stays the SDK's error.
 */
export class ProxyConnectionError extends Error {
  override readonly name = 'ProxyConnectionError'
  constructor(
    /** ECONNREFUSED or ENOTFOUND. */
    readonly reason: string,
    /** The proxy's host:port, without credentials. */
    readonly proxy: string,
    readonly variable: string,
    readonly target: string,
    options?: ErrorOptions
  ) {
    const what =
      reason === 'ENOTFOUND'
        ? `The proxy's host name does not resolve (${reason})`
        : `The proxy refused the connection (${reason})`
    super(`${what}: ${proxy}, from ${variable}, for ${target}`, options)
  }
}

function proxyConnectionError(
  error: unknown,
  route: ProxyRoute,
  target: string
): ProxyConnectionError | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !UNREACHABLE.has(code)) return undefined
  return new ProxyConnectionError(code, route.address, route.variable, target, { cause: error })
}
