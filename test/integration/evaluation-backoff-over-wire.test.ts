import { describe, expect, it } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { createRuleEvaluationSource } from '../../src/aws/rule-evaluation-source.js'
import { createStackEventReader } from '../../src/aws/stack-events-source.js'
import { waitForEvaluation } from '../../src/compliance/evaluation-wait.js'
import { systemClock } from '../../src/shared/clock.js'
import { stackArn } from '../emulator/account-packs.js'
import type { FaultResponse } from '../emulator/config-emulator.js'
import { recordingLog } from '../support/doubles.js'
import { emulatorSession } from '../support/emulator-session.js'

/**
 * The evaluation wait backs off as the deployment's wait does: AWS throttles every status
 * read, or the rules' listing repeats its NextToken at every call, and the emulator counts the
 * rounds: the pauses grow to max-delay instead of staying at min-delay.
 */

const MIN = 50
const MAX = 400
const WAIT_MS = 2_000
const STATUS = 'DescribeConfigRuleEvaluationStatus'
const LISTING = 'DescribeConformancePackCompliance'

const session = emulatorSession()

async function evaluateUnder(operation: string, response: FaultResponse) {
  const requestedAt = Date.now() - 3_000
  const emulator = await session.start({
    packs: [
      {
        name: 'alpha',
        timeline: [{ state: 'CREATE_COMPLETE' }],
        requestedAt,
        // Never evaluated: without the fault the wait would poll until the deadline.
        rules: [{ name: 'idle' }]
      }
    ],
    faults: [{ operation, calls: 'all', response }]
  })
  const client = createConfigClient('us-east-1', process.env)
  try {
    const read = await waitForEvaluation(
      [{ name: 'alpha', requestedAt, stackArn: stackArn('alpha', 'us-east-1') }],
      {
        port: createRuleEvaluationSource(client),
        stackEvents: () => Promise.resolve(createStackEventReader(process.env)),
        startEvaluation: false,
        clock: systemClock,
        deadline: Date.now() + WAIT_MS,
        signal: new AbortController().signal,
        log: recordingLog(),
        minDelayMs: MIN,
        maxDelayMs: MAX
      }
    )
    return { read, requests: emulator.requests }
  } finally {
    client.destroy()
  }
}

/** The gaps between the calls of `operation` that start a round (no NextToken). */
function gaps(
  requests: readonly { target: string; at: number; body: Record<string, unknown> }[],
  operation: string
): number[] {
  const starts = requests
    .filter((r) => r.target.endsWith(`.${operation}`) && !r.body.NextToken)
    .map((r) => r.at)
  return starts.slice(1).map((at, i) => at - starts[i])
}

describe('the evaluation wait backs off (real SDK → emulator)', () => {
  it.each([
    [
      'throttled at every status read',
      STATUS,
      { kind: 'error', status: 400, type: 'ThrottlingException' }
    ],
    ['a listing that repeats its NextToken at every call', LISTING, { kind: 'repeat-token' }]
  ] as const)('%s: the pauses grow towards max-delay', async (_, operation, response) => {
    const { read, requests } = await evaluateUnder(operation, response)
    expect(read.kind).toBe('timeout')
    const between = gaps(requests, operation)
    expect(between.length).toBeGreaterThanOrEqual(2)
    // At min-delay there would be about WAIT_MS / MIN = 40 rounds; backing off, a handful.
    expect(between.length).toBeLessThanOrEqual(12)
    // The later pauses are longer than min-delay: the backoff grew.
    expect(Math.max(...between)).toBeGreaterThanOrEqual(MAX / 2 - 5)
  })
})
