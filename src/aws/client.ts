import { ConfigServiceClient } from '@aws-sdk/client-config-service'
import type { Env } from '../shared/env.js'
import { partitionOf } from './partition.js'
import { silentProxyNotices, type ProxyNotices } from '../shared/proxy.js'
import { ProxyRoutingHandler } from './proxy-handler.js'

/**
 * SDK retries inside one poll, used when AWS_MAX_ATTEMPTS is unset: a single quick retry
 * absorbs a blip, and the poll loop's own backoff handles anything longer without the SDK
 * spending the request's time budget on it.
 */
export const DEFAULT_MAX_ATTEMPTS = 2

/**
 * The Config client for one region. Credentials, endpoint (AWS_ENDPOINT_URL_CONFIG_SERVICE,
 * AWS_ENDPOINT_URL) and retry mode come from the SDK's own resolution of the environment;
 * no explicit endpoint is set, so those variables always win. Requests go through the proxy
 * the environment names for their URL (see ProxyRoutingHandler).
 */
export function createConfigClient(
  region: string,
  env: Env,
  proxies: ProxyNotices = silentProxyNotices
): ConfigServiceClient {
  return new ConfigServiceClient(clientOptions(region, env, proxies))
}

/** What every AWS client of the action is given: region, retries, user agent, HTTP handler. */
export function clientOptions(region: string, env: Env, proxies: ProxyNotices) {
  return {
    region,
    ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: DEFAULT_MAX_ATTEMPTS }),
    customUserAgent: 'wait-for-conformance-packs',
    requestHandler: new ProxyRoutingHandler(proxies)
  }
}

/**
 * Whether the SDK's partition table lists `region`. A region it does not know may still be
 * real (new regions appear before the SDK learns of them), so this only warrants a warning.
 */
export function isKnownRegion(region: string): boolean {
  return partitionOf(region).known
}
