import { systemClock, type Clock } from '../shared/clock.js'
import type { Env } from '../shared/env.js'
import { silentProxyNotices, type ProxyNotices } from '../shared/proxy.js'
import type { OpenRegion } from '../ports/region.js'
import { createStatusSource } from './account-status-source.js'
import { createConfigClient, isKnownRegion } from './client.js'
import { createOrganizationSource } from './organization-status-source.js'
import { createRuleEvaluationSource } from './rule-evaluation-source.js'

/**
 * The AWS side of each region: one Config client a region, shared by the sources made from
 * it and destroyed by `close`. The CloudFormation client is loaded only when asked for (a
 * pack failed, or a redeployed pack's rules are judged): most runs never need it. `proxies`
 * tells the log which proxy the calls go through, once a run; `clock` times the calls told
 * in the debug log.
 */
export function awsRegions(
  env: Env,
  proxies: ProxyNotices = silentProxyNotices,
  clock: Clock = systemClock
): OpenRegion {
  return (region, log) => {
    const client = createConfigClient(region, env, proxies)
    return {
      known: isKnownRegion(region),
      accountStatuses: () => createStatusSource(client, log, clock),
      organizationStatuses: () => createOrganizationSource(client, log),
      ruleEvaluations: () => createRuleEvaluationSource(client),
      stackEvents: async () => {
        const { createStackEventReader } = await import('./stack-events-source.js')
        return createStackEventReader(env, proxies)
      },
      close: () => client.destroy()
    }
  }
}
