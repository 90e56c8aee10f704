import { ConfigServiceClient } from '@aws-sdk/client-config-service'

/**
 * SDK retries inside one poll, used when AWS_MAX_ATTEMPTS is unset: a single quick retry
 * absorbs a blip, and the poll loop's own backoff handles anything longer without the SDK
 * spending the request's time budget on it.
 */
export const DEFAULT_MAX_ATTEMPTS = 2

/**
 * The Config client for one region. Credentials, endpoint (AWS_ENDPOINT_URL_CONFIG_SERVICE,
 * AWS_ENDPOINT_URL) and retry mode come from the SDK's own resolution of the environment;
 * no explicit endpoint is set, so those variables always win.
 */
export function createConfigClient(
  region: string,
  env: Readonly<Record<string, string | undefined>>
): ConfigServiceClient {
  return new ConfigServiceClient({
    region,
    ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: DEFAULT_MAX_ATTEMPTS }),
    customUserAgent: 'wait-for-conformance-packs'
  })
}
