import { describe, expect, it } from 'vitest'
import { eventsSince } from '../../../src/ports/stack-events.js'
import type { StackEvent } from '../../../src/ports/stack-events.js'
import {
  countProgress,
  describeStackProgress,
  resourceStatuses
} from '../../../src/wait/stack-progress.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')
const STACK_ID = 'arn:aws:cloudformation:eu-west-1:1:stack/s/1'
const ev = (
  logicalId: string,
  status: string,
  at: number,
  type = 'AWS::Config::ConfigRule'
): StackEvent => ({
  logicalId,
  status,
  type,
  timestamp: new Date(T0 + at),
  stackId: STACK_ID,
  physicalId: type === 'AWS::CloudFormation::Stack' ? STACK_ID : `${logicalId}-p`
})

describe('stack progress', () => {
  it("counts this deployment's resources, newest status each, without the stack's own events", () => {
    const newestFirst = [
      ev('B', 'CREATE_IN_PROGRESS', 3000),
      ev('A', 'CREATE_COMPLETE', 2000),
      ev('pack', 'UPDATE_IN_PROGRESS', 1500, 'AWS::CloudFormation::Stack'),
      ev('A', 'CREATE_IN_PROGRESS', 1000),
      ev('Old', 'CREATE_COMPLETE', -5000)
    ]
    const statuses = resourceStatuses(eventsSince({ events: newestFirst }, T0).events)
    expect(countProgress(statuses)).toEqual({ created: 1, total: 2 })
  })

  it('merges a later read into what an earlier one saw', () => {
    const first = resourceStatuses([ev('A', 'CREATE_IN_PROGRESS', 1000)])
    const later = resourceStatuses(
      [ev('B', 'CREATE_COMPLETE', 9000), ev('A', 'CREATE_COMPLETE', 8000)],
      first
    )
    expect(countProgress(later)).toEqual({ created: 2, total: 2 })
    // An older event read again never undoes a newer status.
    resourceStatuses([ev('A', 'CREATE_IN_PROGRESS', 1000)], later)
    expect(countProgress(later)).toEqual({ created: 2, total: 2 })
  })

  it('reads as a short phrase', () => {
    expect(describeStackProgress({ created: 7, total: 12 })).toBe('7 of 12 resources created')
    expect(describeStackProgress({ created: 0, total: 1 })).toBe('0 of 1 resource created')
  })
})
