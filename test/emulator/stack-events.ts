/**
 * CloudFormation's DescribeStackEvents for the emulator, in the awsQuery protocol the SDK's
 * CloudFormation client speaks: a form-encoded POST (Action=DescribeStackEvents) answered
 * with XML, errors as <ErrorResponse>.
 */

export interface EmulatedStackEvent {
  /** From the pack's LastUpdateRequestedTime; negative for an earlier deployment. */
  readonly offsetMs: number
  readonly logicalId: string
  readonly type: string
  readonly status: string
  readonly reason?: string
  /** Default `<logicalid>-physical`; a Config rule's is the rule's name. */
  readonly physicalId?: string
}

export interface EmulatedStack {
  /** In the order they happened; the emulator answers newest first, as CloudFormation does. */
  readonly events?: readonly EmulatedStackEvent[]
  /** access-denied: the role lacks cloudformation:DescribeStackEvents; deleted: the stack is gone. */
  readonly fault?: 'access-denied' | 'deleted' | 'throttled'
}

export interface StackRecord {
  readonly stackId: string
  readonly stackName: string
  readonly requestedAt: number
  readonly stack: EmulatedStack
}

export interface QueryAnswer {
  readonly status: number
  readonly xml: string
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/'

export function describeStackEvents(
  params: URLSearchParams,
  find: (stackName: string) => StackRecord | undefined,
  pageSize: number
): QueryAnswer {
  const name = params.get('StackName') ?? ''
  const record = find(name)
  if (record?.stack.fault === 'access-denied') {
    return error(
      403,
      'AccessDenied',
      `User: arn:aws:sts::123456789012:assumed-role/ci/session is not authorized to perform: cloudformation:DescribeStackEvents on resource: ${name} because no identity-based policy allows the cloudformation:DescribeStackEvents action`
    )
  }
  if (record?.stack.fault === 'throttled') return error(400, 'Throttling', 'Rate exceeded')
  if (!record || record.stack.fault === 'deleted') {
    return error(400, 'ValidationError', `Stack with id ${name} does not exist`)
  }
  const newestFirst = [...(record.stack.events ?? [])].reverse()
  const offset = Number(params.get('NextToken') ?? '0')
  const page = newestFirst.slice(offset, offset + pageSize)
  const next = offset + pageSize < newestFirst.length ? String(offset + pageSize) : undefined
  const members = page.map((event, i) => member(record, event, offset + i)).join('')
  return {
    status: 200,
    xml: `<DescribeStackEventsResponse xmlns="${NS}"><DescribeStackEventsResult><StackEvents>${members}</StackEvents>${next ? `<NextToken>${next}</NextToken>` : ''}</DescribeStackEventsResult><ResponseMetadata><RequestId>${crypto.randomUUID()}</RequestId></ResponseMetadata></DescribeStackEventsResponse>`
  }
}

function member(record: StackRecord, event: EmulatedStackEvent, index: number): string {
  const isStack = event.type === 'AWS::CloudFormation::Stack'
  const fields: [string, string | undefined][] = [
    ['EventId', `${event.logicalId}-${index}`],
    ['StackId', record.stackId],
    ['StackName', record.stackName],
    ['LogicalResourceId', event.logicalId],
    [
      'PhysicalResourceId',
      isStack ? record.stackId : (event.physicalId ?? `${event.logicalId.toLowerCase()}-physical`)
    ],
    ['ResourceType', event.type],
    ['Timestamp', new Date(record.requestedAt + event.offsetMs).toISOString()],
    ['ResourceStatus', event.status],
    ['ResourceStatusReason', event.reason]
  ]
  return `<member>${fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(v!)}</${k}>`)
    .join('')}</member>`
}

function error(status: number, code: string, message: string): QueryAnswer {
  return {
    status,
    xml: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${crypto.randomUUID()}</RequestId></ErrorResponse>`
  }
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
