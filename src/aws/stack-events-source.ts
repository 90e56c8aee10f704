import { CloudFormationClient, DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation'
import { abortable } from '../shared/abortable.js'
import { clientOptions } from './client.js'
import { classifyError, isStackGoneError } from './errors.js'
import type { Env } from '../shared/env.js'
import { silentProxyNotices, type ProxyNotices } from '../shared/proxy.js'
import type { StackEventReader } from '../ports/stack-events.js'

/**
 * Reads stack events with the CloudFormation client of the stack's own region (from its ARN).
 * Like the Config client, it takes endpoint, credentials and retry mode from the environment.
 */
export function createStackEventReader(
  env: Env,
  proxies: ProxyNotices = silentProxyNotices
): StackEventReader & { close(): void } {
  const clients = new Map<string, CloudFormationClient>()
  const clientFor = (region: string): CloudFormationClient => {
    let client = clients.get(region)
    if (!client) {
      client = new CloudFormationClient(clientOptions(region, env, proxies))
      clients.set(region, client)
    }
    return client
  }
  return {
    async read(stackArn, nextToken, signal) {
      const region = stackArn.split(':')[3] || 'us-east-1'
      const command = new DescribeStackEventsCommand({ StackName: stackArn, NextToken: nextToken })
      const out = await abortable(clientFor(region).send(command, { abortSignal: signal }), signal)
      return {
        events: (out.StackEvents ?? []).map((e) => ({
          logicalId: e.LogicalResourceId ?? '',
          physicalId: e.PhysicalResourceId,
          stackId: e.StackId,
          type: e.ResourceType ?? '',
          status: e.ResourceStatus ?? '',
          reason: e.ResourceStatusReason,
          timestamp: e.Timestamp ?? new Date(0)
        })),
        nextToken: out.NextToken || undefined
      }
    },
    classify: classifyError,
    isStackGone: isStackGoneError,
    close: () => clients.forEach((client) => client.destroy())
  }
}
