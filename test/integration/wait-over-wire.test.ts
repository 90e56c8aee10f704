import { describe, expect, it } from 'vitest'
import type { EmulatedPack, TimelineStep } from '../emulator/config-emulator.js'
import { describeCalls, states, waitOverWire } from './wire-harness.js'

const inProgressThen = (
  state: TimelineStep['state'],
  atCall: number,
  reason?: string
): EmulatedPack['timeline'] => [{ state: 'CREATE_IN_PROGRESS' }, { state, atCall, reason }]
const pack = (name: string, timeline: EmulatedPack['timeline']): EmulatedPack => ({
  name,
  timeline
})
const names = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)
const NO_SDK_RETRY = { AWS_MAX_ATTEMPTS: '1' }

describe('waiting over the wire (real SDK → emulator)', () => {
  it('polls until every pack is terminal, signed for the region, with the awsJson1_1 target', async () => {
    const run = await waitOverWire({
      packs: [
        pack('alpha', inProgressThen('CREATE_COMPLETE', 3)),
        pack('beta', inProgressThen('CREATE_FAILED', 2, 'Rule quota exceeded'))
      ]
    })
    expect(run.result.end).toEqual({ kind: 'settled' })
    expect(states(run)).toEqual({ alpha: 'CREATE_COMPLETE', beta: 'CREATE_FAILED' })
    const beta = run.result.packs.find((p) => p.name === 'beta')
    expect(beta?.state === 'CREATE_FAILED' && beta.detail.reason).toBe('Rule quota exceeded')
    expect(beta?.state === 'CREATE_FAILED' && beta.detail.requestedAt).toBeInstanceOf(Date)
    // The failed pack is not asked for again once terminal.
    expect(describeCalls(run).map((b) => b.ConformancePackNames)).toEqual([
      ['alpha', 'beta'],
      ['alpha', 'beta'],
      ['alpha']
    ])
    for (const request of run.emulator.requests) {
      expect(request.region).toBe('us-east-1')
      expect(request.body.Limit).toBe(20)
    }
    expect(run.logs.filter((l) => l.level === 'info').map((l) => l.message)).toEqual([
      'alpha: CREATE_IN_PROGRESS (requested 1m00s ago)',
      'beta: CREATE_IN_PROGRESS (requested 1m00s ago)',
      'beta: CREATE_IN_PROGRESS → CREATE_FAILED after 1m00s: Rule quota exceeded',
      'alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE after 1m00s'
    ])
  })

  it('asks in batches of at most 20 names, one call per batch per round', async () => {
    const all = names('pack', 45)
    const run = await waitOverWire({
      packs: all.map((name, i) =>
        pack(
          name,
          i < 40 ? inProgressThen('CREATE_COMPLETE', 4) : inProgressThen('CREATE_COMPLETE', 7)
        )
      )
    })
    const calls = describeCalls(run).map((b) => (b.ConformancePackNames as string[]).length)
    // Round 1: calls 1-3. Round 2 (calls 4-6) sees the first 40 complete; round 3 asks for the last 5.
    expect(calls).toEqual([20, 20, 5, 20, 20, 5, 5])
    expect(run.result.end.kind).toBe('settled')
    expect(new Set(Object.values(states(run)))).toEqual(new Set(['CREATE_COMPLETE']))
  })

  it('with no names lists every pack (following NextToken), then asks by name only for those in progress', async () => {
    const all = names('listed', 45)
    const run = await waitOverWire(
      {
        packs: all.map((name, i) =>
          pack(
            name,
            i === 44
              ? inProgressThen('CREATE_COMPLETE', 5)
              : [{ state: i % 2 ? 'CREATE_COMPLETE' : 'CREATE_FAILED' }]
          )
        )
      },
      { plan: { names: undefined } }
    )
    const bodies = describeCalls(run)
    expect(
      bodies.slice(0, 3).map((b) => [b.ConformancePackNames, b.NextToken !== undefined])
    ).toEqual([
      [undefined, false],
      [undefined, true],
      [undefined, true]
    ])
    expect(bodies.slice(3).map((b) => b.ConformancePackNames)).toEqual([
      ['listed-45'],
      ['listed-45']
    ])
    expect(run.result.packs).toHaveLength(45)
    expect(states(run)['listed-45']).toBe('CREATE_COMPLETE')
  })

  for (const unknownNames of ['omit', 'reject'] as const) {
    it(`an unknown name (service ${unknownNames}s it) never blinds the wait for the others`, async () => {
      const run = await waitOverWire(
        { packs: [pack('known', inProgressThen('CREATE_COMPLETE', 3))], unknownNames },
        { plan: { names: ['known', 'ghost'] } }
      )
      expect(run.result.end.kind).toBe('settled')
      expect(states(run)).toEqual({ known: 'CREATE_COMPLETE', ghost: 'NOT_FOUND' })
    })
  }

  it('under missing-pack wait keeps asking for an absent pack until it appears and completes', async () => {
    const run = await waitOverWire(
      {
        packs: [
          pack('late', [
            { state: 'ABSENT' },
            { state: 'CREATE_IN_PROGRESS', atCall: 3 },
            { state: 'CREATE_COMPLETE', atCall: 5 }
          ])
        ],
        unknownNames: 'reject'
      },
      { plan: { missingPack: 'wait' } }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(states(run)).toEqual({ late: 'CREATE_COMPLETE' })
    expect(run.logs.map((l) => l.message)).toContain(
      'late: NOT_FOUND → CREATE_IN_PROGRESS after 1m00s'
    )
  })

  it('a finished deletion (seen deleting, then gone) is DELETE_COMPLETE; a pack vanishing while creating is NOT_FOUND', async () => {
    const run = await waitOverWire({
      packs: [
        pack('old', [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atCall: 2 }]),
        pack('rolled-back', [{ state: 'CREATE_IN_PROGRESS' }, { state: 'ABSENT', atCall: 2 }])
      ]
    })
    expect(states(run)).toEqual({ old: 'DELETE_COMPLETE', 'rolled-back': 'NOT_FOUND' })
  })

  it('retries throttling (error code in the body) at the next poll, with one warning', async () => {
    const run = await waitOverWire(
      {
        packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 4))],
        faults: [
          {
            calls: [1, 2],
            response: {
              kind: 'error',
              status: 400,
              type: 'ThrottlingException',
              message: 'Rate exceeded'
            }
          }
        ]
      },
      { env: NO_SDK_RETRY }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(run.emulator.describeCalls).toBe(4)
    const warnings = run.logs.filter((l) => l.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toMatch(/throttled \(ThrottlingException\): Rate exceeded/)
    expect(run.logs.some((l) => l.message.startsWith('AWS Config answered again after 2'))).toBe(
      true
    )
  })

  it('reads the error code from the x-amzn-ErrorType header too', async () => {
    const run = await waitOverWire(
      {
        packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 2))],
        faults: [
          {
            calls: [1],
            response: { kind: 'error', status: 400, type: 'ThrottlingException', viaHeader: true }
          }
        ]
      },
      { env: NO_SDK_RETRY }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(run.logs.find((l) => l.level === 'warning')?.message).toMatch(
      /throttled \(ThrottlingException\)/
    )
  })

  it('treats HTTP 500 and 503 and a dropped connection as transient', async () => {
    const run = await waitOverWire(
      {
        packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 4))],
        faults: [
          { calls: [1], response: { kind: 'error', status: 500, type: 'InternalFailure' } },
          { calls: [2], response: { kind: 'error', status: 503, type: 'ServiceUnavailable' } },
          { calls: [3], response: { kind: 'reset' } }
        ]
      },
      { env: NO_SDK_RETRY }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(states(run)).toEqual({ alpha: 'CREATE_COMPLETE' })
    expect(run.logs.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      expect.stringContaining('HTTP 500 InternalFailure'),
      expect.stringContaining('HTTP 503 ServiceUnavailable'),
      expect.stringContaining('socket hang up')
    ])
  })

  it('abandons a stalled request after the request timeout and polls again', async () => {
    const run = await waitOverWire(
      {
        packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 2))],
        faults: [{ calls: [1], response: { kind: 'stall' } }]
      },
      { env: NO_SDK_RETRY, plan: { requestTimeoutMs: 300 } }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(run.logs.find((l) => l.level === 'warning')?.message).toMatch(/request timed out/)
    expect(run.elapsedMs).toBeLessThan(3_000)
  })

  it('honours AWS_MAX_ATTEMPTS; unset, the SDK makes 2 attempts per poll', async () => {
    const scenario = {
      packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 1))],
      faults: [
        {
          calls: [1, 2],
          response: { kind: 'error' as const, status: 500, type: 'InternalFailure' }
        }
      ]
    }
    const three = await waitOverWire(scenario, { env: { AWS_MAX_ATTEMPTS: '3' } })
    // One poll: two 500s retried inside the SDK, the third attempt answers.
    expect(three.emulator.describeCalls).toBe(3)
    expect(three.logs.filter((l) => l.level === 'warning')).toHaveLength(0)

    const unset = await waitOverWire(scenario)
    // First poll: two attempts, both 500 → a warning; the next poll answers.
    expect(unset.emulator.describeCalls).toBe(3)
    expect(unset.logs.filter((l) => l.level === 'warning')).toHaveLength(1)
  })

  it('fails at once on AccessDenied, naming the IAM action, without retrying', async () => {
    const run = await waitOverWire({
      packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 5))],
      faults: [
        {
          calls: 'all',
          response: {
            kind: 'error',
            status: 400,
            type: 'AccessDeniedException',
            message:
              'User: arn:aws:sts::123456789012:assumed-role/ci/session is not authorized to perform: config:DescribeConformancePackStatus'
          }
        }
      ]
    })
    expect(run.result.end.kind).toBe('error')
    expect(run.result.end.kind === 'error' && run.result.end.message).toMatch(
      /Grant the role the IAM action config:DescribeConformancePackStatus/
    )
    expect(run.emulator.describeCalls).toBe(1)
    expect(states(run)).toEqual({ alpha: 'UNKNOWN' })
  })

  it('fails at once on rejected credentials, saying so', async () => {
    const run = await waitOverWire({
      packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 5))],
      faults: [
        {
          calls: 'all',
          response: {
            kind: 'error',
            status: 400,
            type: 'UnrecognizedClientException',
            message: 'The security token included in the request is invalid.'
          }
        }
      ]
    })
    expect(run.result.end.kind === 'error' && run.result.end.message).toMatch(
      /AWS rejected the credentials \(UnrecognizedClientException\)/
    )
    expect(run.emulator.describeCalls).toBe(1)
  })

  it('an endpoint whose host name does not resolve fails within seconds, naming that host and the region input', async () => {
    const run = await waitOverWire(
      { packs: [pack('alpha', inProgressThen('CREATE_COMPLETE', 5))] },
      {
        // .invalid never resolves (RFC 6761): the same on every machine.
        endpointEnv: () => ({ AWS_ENDPOINT_URL_CONFIG_SERVICE: 'http://config.invalid:4566' }),
        plan: { region: 'us-east-1', deadline: Date.now() + 30_000 }
      }
    )
    expect(run.result.end.kind === 'error' && run.result.end.message).toBe(
      'The host name config.invalid does not resolve (ENOTFOUND). Check the region input ("us-east-1") for a typo, or, when AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> is set, that URL.'
    )
    expect(run.elapsedMs).toBeLessThan(5_000)
    expect(run.emulator.requests).toHaveLength(0)
  })

  it('ExpiredTokenException after answers ends the wait at once, saying how long it waited', async () => {
    const run = await waitOverWire({
      packs: [pack('alpha', [{ state: 'CREATE_IN_PROGRESS' }])],
      faults: [
        {
          calls: { from: 4 },
          response: {
            kind: 'error',
            status: 400,
            type: 'ExpiredTokenException',
            message: 'expired'
          }
        }
      ]
    })
    expect(run.result.end.kind === 'error' && run.result.end.message).toMatch(
      /^The AWS credentials expired after \ds of waiting \(ExpiredTokenException\)\. AWS said: "expired"\. .*role-duration-seconds.* or set a shorter timeout-seconds\.$/
    )
    expect(run.emulator.describeCalls).toBe(4)
    expect(states(run)).toEqual({ alpha: 'CREATE_IN_PROGRESS' })
  })

  it('ends at the deadline while a pack stays in progress, without a burst of calls before it', async () => {
    const run = await waitOverWire(
      { packs: [pack('slow', [{ state: 'CREATE_IN_PROGRESS' }])] },
      { plan: { deadline: Date.now() + 800, minDelayMs: 50, maxDelayMs: 200 } }
    )
    expect(run.result.end.kind).toBe('deadline')
    expect(states(run)).toEqual({ slow: 'CREATE_IN_PROGRESS' })
    expect(run.elapsedMs).toBeLessThan(1_500)
    const times = run.emulator.requests.map((r) => r.at)
    for (let i = 1; i < times.length; i++)
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(45)
  })

  it('stops a stalled request at once when cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const run = await waitOverWire(
      {
        packs: [pack('alpha', [{ state: 'CREATE_IN_PROGRESS' }])],
        faults: [{ calls: [2], response: { kind: 'stall' } }]
      },
      { signal: controller.signal }
    )
    expect(run.result.end.kind).toBe('cancelled')
    expect(states(run)).toEqual({ alpha: 'CREATE_IN_PROGRESS' })
    expect(run.elapsedMs).toBeLessThan(1_000)
  })

  it('uses AWS_ENDPOINT_URL_CONFIG_SERVICE over AWS_ENDPOINT_URL', async () => {
    const run = await waitOverWire(
      { packs: [pack('alpha', [{ state: 'CREATE_COMPLETE' }])] },
      {
        endpointEnv: (url) => ({
          AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
          AWS_ENDPOINT_URL_CONFIG_SERVICE: url
        })
      }
    )
    expect(run.result.end.kind).toBe('settled')
    expect(run.emulator.describeCalls).toBe(1)
  })
})
