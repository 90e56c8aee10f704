/** The partition a region is in, as the SDK's partition data names it. */
export interface Partition {
  /** `aws`, `aws-us-gov`, `aws-cn`, … */
  readonly name: string
  /** The partition's DNS suffix: `amazonaws.com`, `amazonaws.com.cn`, `amazonaws.eu`, … */
  readonly dnsSuffix: string
}

/** The commercial partition: what a region the SDK does not know falls in. */
export const COMMERCIAL: Partition = { name: 'aws', dnsSuffix: 'amazonaws.com' }

/**
 * The console's host for a region. The SDK's partition data has no console hosts, so the
 * partitions with a console of their own are named here; a later partition's console is taken
 * to be `console.<its DNS suffix>` (as the European Sovereign Cloud's is, `console.amazonaws.eu`).
 */
export function consoleHost(region: string, partition: Partition): string {
  switch (partition.name) {
    case 'aws':
      return `${region}.console.aws.amazon.com`
    case 'aws-us-gov':
      return 'console.amazonaws-us-gov.com'
    case 'aws-cn':
      return 'console.amazonaws.cn'
    default:
      return `console.${partition.dnsSuffix}`
  }
}

/** Every console page the reports link to, for one region: built here and nowhere else. */
export interface ConsoleLinks {
  /** A conformance pack's page in AWS Config (its rules and their compliance). */
  pack(name: string): string
  /** A rule's page in AWS Config. */
  rule(name: string): string
  /** A resource's page in AWS Config (its compliance and timeline). */
  resource(resourceType: string, resourceId: string): string
  /** A CloudFormation stack's page. */
  stack(stackArn: string): string
}

export function consoleLinks(region: string, partition: Partition): ConsoleLinks {
  const base = `https://${consoleHost(region, partition)}`
  const config = `${base}/config/home?region=${encodeURIComponent(region)}#`
  return {
    // The forms the console itself links to.
    pack: (name) =>
      `${config}/conformance-packs/details?conformancePackName=${encodeURIComponent(name)}`,
    rule: (name) => `${config}/rules/details?configRuleName=${encodeURIComponent(name)}`,
    resource: (resourceType, resourceId) =>
      `${config}/resources/details?${new URLSearchParams({ resourceId, resourceType }).toString()}`,
    stack: (stackArn) =>
      `${base}/cloudformation/home?region=${encodeURIComponent(region)}#/stacks/stackinfo?stackId=${encodeURIComponent(stackArn)}`
  }
}
