import type { EmulatedStackEvent } from './stack-events.js'

/**
 * Stack event histories of a conformance pack whose deployment failed, as CloudFormation
 * records them: the earlier successful deployment, then this one's real failure followed by
 * its cascade and the rollback.
 */
export function failedDeployment(cause: {
  logicalId: string
  reason: string
}): EmulatedStackEvent[] {
  const stack = 'AWS::CloudFormation::Stack'
  const rule = 'AWS::Config::ConfigRule'
  return [
    // A day earlier: the previous version deployed cleanly (with one transient failure that was retried).
    { offsetMs: -86_400_000, logicalId: 'pack', type: stack, status: 'CREATE_IN_PROGRESS' },
    {
      offsetMs: -86_399_000,
      logicalId: 'S3BucketVersioning',
      type: rule,
      status: 'CREATE_FAILED',
      reason: 'Old failure from a previous deployment'
    },
    {
      offsetMs: -86_390_000,
      logicalId: 'S3BucketVersioning',
      type: rule,
      status: 'CREATE_COMPLETE'
    },
    { offsetMs: -86_380_000, logicalId: 'pack', type: stack, status: 'CREATE_COMPLETE' },
    // This deployment.
    { offsetMs: 1_000, logicalId: 'pack', type: stack, status: 'UPDATE_IN_PROGRESS' },
    { offsetMs: 2_000, logicalId: 'IamPasswordPolicy', type: rule, status: 'CREATE_IN_PROGRESS' },
    { offsetMs: 2_100, logicalId: cause.logicalId, type: rule, status: 'CREATE_IN_PROGRESS' },
    {
      offsetMs: 3_000,
      logicalId: cause.logicalId,
      type: rule,
      status: 'CREATE_FAILED',
      reason: cause.reason
    },
    {
      offsetMs: 3_100,
      logicalId: 'IamPasswordPolicy',
      type: rule,
      status: 'CREATE_FAILED',
      reason: 'Resource creation cancelled'
    },
    {
      offsetMs: 3_200,
      logicalId: 'RootAccountMfa',
      type: rule,
      status: 'CREATE_FAILED',
      reason: 'Resource creation cancelled'
    },
    {
      offsetMs: 3_500,
      logicalId: 'pack',
      type: stack,
      status: 'UPDATE_ROLLBACK_IN_PROGRESS',
      reason: `The following resource(s) failed to create: [${cause.logicalId}, IamPasswordPolicy, RootAccountMfa].`
    },
    { offsetMs: 9_000, logicalId: 'pack', type: stack, status: 'UPDATE_ROLLBACK_COMPLETE' }
  ]
}
