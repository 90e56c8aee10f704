import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'
import { proxyFor, type ProxyNotices } from '../shared/proxy.js'

/**
 * The fetch octokit sends the check run's calls with: through the proxy that the toolkit's
 * rule (src/shared/proxy.ts) names for the API's URL, the same rule as the AWS calls.
 * @actions/github would pick a proxy too, but once, when it is loaded, for the GITHUB_API_URL
 * of that moment; this picks it for the URL the client is given, and names the proxy when it
 * cannot be reached. The dispatcher is @actions/http-client's own (undici's ProxyAgent:
 * CONNECT, the URL's credentials as Basic Proxy-Authorization); TLS to GitHub is checked
 * against Node's CA list, NODE_EXTRA_CA_CERTS included.
 */
export function proxiedFetch(apiUrl: string, notices: ProxyNotices): typeof fetch {
  const route = proxyFor(apiUrl)
  // Undefined when the same rule sends the API's calls directly.
  const dispatcher = route ? new HttpClient().getAgentDispatcher(apiUrl) : undefined
  const send = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (route) notices.using(route, new URL(apiUrl).origin)
    try {
      const options = { ...init, ...(dispatcher ? { dispatcher } : {}) }
      // The same classes, typed twice: Node's global fetch by @types/node's copy of undici's
      // types, the package's fetch by its own. The package's is the one that sends.
      const response = await undiciFetch(input as UndiciInput, options as UndiciInit)
      return response as unknown as Response
    } catch (error) {
      const code = codeOf(error)
      if (!route || (code !== 'ECONNREFUSED' && code !== 'ENOTFOUND')) throw error
      const what =
        code === 'ENOTFOUND'
          ? `the proxy's host name does not resolve (ENOTFOUND): ${route.address}`
          : `the proxy ${route.address} refused the connection (ECONNREFUSED)`
      throw new Error(`${what}; ${route.variable} sends the GitHub API's calls through it`, {
        cause: error
      })
    }
  }
  return send
}

type UndiciInput = Parameters<typeof undiciFetch>[0]
type UndiciInit = Parameters<typeof undiciFetch>[1]

/** The code of fetch's network error: on the error itself or on its cause. */
function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('E')) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}
