import { describe, expect, it } from 'vitest'
import { ORGANIZATION_IAM_ACTIONS } from '../../../src/aws/errors.js'
import { ProxyConnectionError } from '../../../src/aws/proxy-handler.js'
import type { RequestBound, Settler, StatusSource } from '../../../src/wait/status-source.js'
import type { ReportedPack } from '../../../src/packs/pack-state.js'
import { SETTLE_FAILURES_BEFORE_WARNING } from '../../../src/wait/settling.js'
import { waitForPacks, type WaitPlan } from '../../../src/wait/wait-for-packs.js'
import { awsErrors, recordingLog, sdkError, virtualClock } from '../../support/doubles.js'

/** How the wait ends when a call fails: which IAM action, which region, how long it ran. */

const START = Date.parse('2026-12-01T08:00:00Z')
const [STATUS_ACTION, DETAIL_ACTION] = ORGANIZATION_IAM_ACTIONS

type Answer = (call: number) => ReportedPack[]

/** A StatusSource answering `describe` from a script (1-based call numbers), with an optional settler. */
function source(answer: Answer, settle?: Settler): StatusSource & { calls: number } {
  const fake = {
    ...awsErrors,
    calls: 0,
    batchSize: 25,
    deletedState: 'DELETE_SUCCESSFUL' as const,
    iamAction: STATUS_ACTION,
    settle,
    listAll: () => Promise.reject(new Error('not listed in these tests')),
    describe(_names: readonly string[], bound: RequestBound) {
      bound()
      fake.calls += 1
      const call = fake.calls
      return Promise.resolve().then(() => answer(call))
    }
  }
  return fake
}

/**
 * The member accounts, scripted by settling attempt: an error to throw, the state every
 * account has finished in, or undefined while one is still in progress. `calls` counts the
 * attempts (each first asks whether an account is still in progress).
 */
function settler(script: (call: number) => Error | string | undefined) {
  let out: Error | string | undefined
  const fake: Settler & { calls: number } = {
    calls: 0,
    iamAction: DETAIL_ACTION,
    anyMemberAccount(_name, status, bound) {
      bound()
      if (status.endsWith('_IN_PROGRESS')) {
        fake.calls += 1
        out = script(fake.calls)
      }
      if (out instanceof Error) return Promise.reject(out)
      if (status.endsWith('_IN_PROGRESS')) return Promise.resolve(out === undefined)
      return Promise.resolve(out === status)
    }
  }
  return fake
}

const pack = (state: string): ReportedPack[] => [{ name: 'org-pack', state }]
const inProgress: Answer = () => pack('CREATE_IN_PROGRESS')

async function run(
  src: StatusSource,
  { deadline = START + 600_000, ...plan }: Partial<WaitPlan> & { deadline?: number } = {}
) {
  const clock = virtualClock(START)
  const log = recordingLog()
  const result = await waitForPacks(
    {
      names: ['org-pack'],
      minDelayMs: 5_000,
      maxDelayMs: 30_000,
      missingPack: 'fail',
      region: 'eu-west-1',
      ...plan
    },
    {
      source: src,
      clock,
      deadline,
      signal: new AbortController().signal,
      random: () => 1,
      log
    }
  )
  return { result, lines: log.lines, clock }
}

const message = (end: { kind: string; message?: string }) =>
  end.kind === 'error' ? end.message : ''

describe('waitForPacks: the IAM action denied is the one of the call made', () => {
  it("names the source's own action (organization scope), not the account scope's", async () => {
    const { result } = await run(
      source(() => {
        throw sdkError('AccessDeniedException', 'not authorized', 400)
      })
    )
    expect(message(result.end)).toBe(
      `Access denied to ${STATUS_ACTION} (AccessDeniedException). AWS said: "not authorized". Grant the role the IAM action ${STATUS_ACTION}.`
    )
  })
})

describe('waitForPacks: settling is an optional read', () => {
  it('denied: one warning naming its action, no more settling, and the aggregate decides', async () => {
    const settle = settler(() => sdkError('AccessDeniedException', 'no detail for you', 400))
    const src = source(
      (call) => pack(call < 8 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL'),
      settle
    )
    const { result, lines } = await run(src)
    expect(result.end.kind).toBe('settled')
    expect(result.packs.map((p) => p.state)).toEqual(['CREATE_SUCCESSFUL'])
    expect(settle.calls).toBe(1)
    expect(lines.warning).toHaveLength(1)
    expect(lines.warning[0]).toContain(`The optional read ${DETAIL_ACTION} failed:`)
    expect(lines.warning[0]).toContain(`Grant the role the IAM action ${DETAIL_ACTION}.`)
    expect(lines.warning[0]).toContain('Going on with the status AWS Config reports')
  })

  it('keeps failing: warns once after a few failures in a row, keeps trying, and never fails the wait', async () => {
    const settle = settler(() => sdkError('ServiceUnavailable', 'down', 503))
    const src = source(
      (call) => pack(call < 10 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL'),
      settle
    )
    const { result, lines } = await run(src)
    expect(result.end.kind).toBe('settled')
    // Rounds 3 to 9 asked the member accounts: every one failed.
    expect(settle.calls).toBe(7)
    expect(lines.warning).toEqual([
      expect.stringContaining(
        `The optional read ${DETAIL_ACTION} failed ${SETTLE_FAILURES_BEFORE_WARNING} times in a row: HTTP 503 ServiceUnavailable: down`
      )
    ])
  })

  it('a failure that recovers before the warning says nothing, and settles', async () => {
    const settle = settler((call) =>
      call < SETTLE_FAILURES_BEFORE_WARNING
        ? sdkError('ServiceUnavailable', 'down', 503)
        : 'CREATE_SUCCESSFUL'
    )
    const { result, lines } = await run(source(inProgress, settle))
    expect(result.end.kind).toBe('settled')
    expect(result.packs.map((p) => p.state)).toEqual(['CREATE_SUCCESSFUL'])
    expect(lines.warning).toEqual([])
  })

  it('credentials AWS rejects end the wait as any call would', async () => {
    const settle = settler(() => sdkError('UnrecognizedClientException', 'bad token', 400))
    const { result, lines } = await run(source(inProgress, settle))
    expect(result.end.kind).toBe('error')
    expect(message(result.end)).toMatch(
      /^AWS rejected the credentials \(UnrecognizedClientException\)/
    )
    expect(lines.warning).toEqual([])
  })
})

describe('waitForPacks: credentials that expire during the wait', () => {
  const expired = () =>
    sdkError('ExpiredTokenException', 'The security token included in the request is expired', 400)

  it('after answers: fails at once, saying how long it waited and how to get longer credentials', async () => {
    const src = source((call) => {
      if (call >= 4) throw expired()
      return pack('CREATE_IN_PROGRESS')
    })
    const { result, clock } = await run(src, { deadline: START + 3 * 3_600_000 })
    expect(result.end.kind).toBe('error')
    expect(src.calls).toBe(4)
    const waited = clock.now() - START
    // No request time in these answers: the unknown-age backoff (2 ×, 4 ×, then max).
    expect(waited).toBe(10_000 + 20_000 + 30_000)
    expect(message(result.end)).toBe(
      'The AWS credentials expired after 1m00s of waiting (ExpiredTokenException). AWS said: "The security token included in the request is expired". Give the role session more time than timeout-seconds (role-duration-seconds of aws-actions/configure-aws-credentials, up to the role\'s maximum session duration), or set a shorter timeout-seconds.'
    )
  })

  it('at the first call: the credentials were bad from the start, said as before', async () => {
    const { result } = await run(
      source(() => {
        throw expired()
      })
    )
    expect(message(result.end)).toMatch(
      /^AWS rejected the credentials \(ExpiredTokenException\)\. .* Check the credentials step/
    )
  })
})

describe('waitForPacks: a host name that does not resolve', () => {
  const notFound = () =>
    Object.assign(new Error('getaddrinfo ENOTFOUND config.us-esat-1.amazonaws.com'), {
      code: 'ENOTFOUND',
      hostname: 'config.us-esat-1.amazonaws.com'
    })

  it('before any answer: fails at once, naming the region and the region input', async () => {
    const src = source(() => {
      throw notFound()
    })
    const { result, clock } = await run(src, { region: 'us-esat-1' })
    expect(src.calls).toBe(1)
    expect(clock.sleeps).toEqual([])
    expect(message(result.end)).toContain('config.us-esat-1.amazonaws.com does not resolve')
    expect(message(result.end)).toContain('the region input ("us-esat-1")')
  })

  it('after answers: the name resolved before, so it is retried', async () => {
    const src = source((call) => {
      if (call === 2) throw notFound()
      return pack(call < 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL')
    })
    const { result, lines } = await run(src)
    expect(result.end.kind).toBe('settled')
    expect(lines.warning).toEqual([
      expect.stringContaining('AWS Config call failed, retrying at the next poll: The host name')
    ])
  })

  it('EAI_AGAIN at the first call is retried', async () => {
    const src = source((call) => {
      if (call === 1)
        throw Object.assign(new Error('getaddrinfo EAI_AGAIN config.eu-west-1.amazonaws.com'), {
          code: 'EAI_AGAIN'
        })
      return pack('CREATE_SUCCESSFUL')
    })
    const { result } = await run(src)
    expect(result.end.kind).toBe('settled')
    expect(src.calls).toBe(2)
  })
})

describe('waitForPacks: a proxy that refuses', () => {
  const refused = () =>
    new ProxyConnectionError('ECONNREFUSED', 'proxy.corp:3128', 'HTTPS_PROXY', 'https://x')

  it('before any answer: fails at once, naming the proxy', async () => {
    const src = source(() => {
      throw refused()
    })
    const { result, clock } = await run(src, { region: 'eu-west-1' })
    expect(src.calls).toBe(1)
    expect(clock.sleeps).toEqual([])
    expect(message(result.end)).toContain('The proxy proxy.corp:3128 refused the connection')
  })

  it('after answers: the proxy answered before, so it is retried', async () => {
    const src = source((call) => {
      if (call === 2) throw refused()
      return pack(call < 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL')
    })
    const { result, lines } = await run(src)
    expect(result.end.kind).toBe('settled')
    expect(lines.warning).toEqual([expect.stringContaining('The proxy proxy.corp:3128 refused')])
  })
})
