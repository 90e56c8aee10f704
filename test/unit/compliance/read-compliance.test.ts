import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../src/shared/clock.js'
import { awsErrors } from '../../support/doubles.js'
import {
  COMPLIANCE_IAM_ACTIONS,
  readCompliance,
  type ComplianceDeps,
  type ComplianceSource
} from '../../../src/compliance/read-compliance.js'

const START = Date.parse('2026-11-20T10:00:00Z')

/** `now()` reads a variable; `sleep` advances it at once and records the delay. */
class VirtualClock implements Clock {
  time = START
  readonly sleeps: number[] = []
  onSleep?: () => void

  now(): number {
    return this.time
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
    this.onSleep?.()
    return Promise.resolve()
  }
}

interface Call {
  readonly op: 'summaries' | 'rules'
  readonly names: readonly string[]
  readonly nextToken: string | undefined
  readonly at: number
}

/** A pack's compliance as the fake service holds it. */
interface FakePack {
  readonly status: string
  readonly rules?: readonly string[]
}

/**
 * Answers from a table of packs: summaries `summaryPage` a page, rules `rulesPage` a page
 * (tokens are offsets). `fail` may throw for a call instead (it sees the call and its number).
 */
class FakeSource implements ComplianceSource {
  readonly calls: Call[] = []
  fail?: (call: Call, index: number) => Error | undefined
  /** Runs before each answer; may move the clock (a slow request). */
  onCall?: (call: Call) => void
  readonly classify = awsErrors.classify
  readonly isNoSuchPack = awsErrors.isNoSuchPack

  constructor(
    private readonly clock: Clock,
    private readonly packs: Readonly<Record<string, FakePack>>,
    private readonly summaryPage = 5,
    private readonly rulesPage = 1000
  ) {}

  summaries(names: readonly string[], nextToken: string | undefined) {
    const call = this.record('summaries', names, nextToken)
    const known = names.filter((n) => this.packs[n])
    const { page, next } = slice(known, nextToken, this.summaryPage)
    return Promise.resolve({
      items: page.map((name) => ({ name, compliance: this.packs[name].status })),
      nextToken: next
    })
      .then((answer) => this.failed(call) ?? answer)
      .then(unwrap)
  }

  nonCompliantRules(name: string, nextToken: string | undefined) {
    const call = this.record('rules', [name], nextToken)
    const { page, next } = slice(this.packs[name]?.rules ?? [], nextToken, this.rulesPage)
    return Promise.resolve({ rules: [...page], nextToken: next })
      .then((answer) => this.failed(call) ?? answer)
      .then(unwrap)
  }

  callsOf(op: Call['op']): Call[] {
    return this.calls.filter((c) => c.op === op)
  }

  private record(op: Call['op'], names: readonly string[], nextToken: string | undefined): Call {
    const call: Call = { op, names: [...names], nextToken, at: this.clock.now() }
    this.calls.push(call)
    this.onCall?.(call)
    return call
  }

  private failed(call: Call): Error | undefined {
    return this.fail?.(call, this.calls.length)
  }
}

function unwrap<T>(value: T | Error): T {
  if (value instanceof Error) throw value
  return value
}

function slice<T>(items: readonly T[], token: string | undefined, size: number) {
  const offset = Number(token ?? 0)
  const next = offset + size < items.length ? String(offset + size) : undefined
  return { page: items.slice(offset, offset + size), next }
}

function sdkError(name: string, status: number, message = `${name}: request failed`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
}
const throttling = (): Error => sdkError('ThrottlingException', 400, 'Rate exceeded')
const accessDenied = (): Error => sdkError('AccessDeniedException', 400, 'not authorized')
const noSuchPack = (): Error =>
  sdkError('NoSuchConformancePackException', 400, 'Conformance pack does not exist.')

function setup(
  packs: Record<string, FakePack>,
  options: { summaryPage?: number; rulesPage?: number; deps?: Partial<ComplianceDeps> } = {}
) {
  const clock = new VirtualClock()
  const source = new FakeSource(clock, packs, options.summaryPage, options.rulesPage)
  const lines = { warning: [] as string[], debug: [] as string[] }
  const controller = new AbortController()
  const deps: ComplianceDeps = {
    source,
    clock,
    deadline: START + 60_000,
    signal: controller.signal,
    log: {
      info: () => undefined,
      warning: (m) => lines.warning.push(m),
      debug: (m) => lines.debug.push(m)
    },
    random: () => 1,
    ...options.deps
  }
  const run = (names: readonly string[]) => readCompliance(names, deps)
  return { clock, source, lines, controller, deps, run }
}

const names = (count: number, prefix = 'pack'): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`)
const compliant = (list: readonly string[]): Record<string, FakePack> =>
  Object.fromEntries(list.map((n) => [n, { status: 'COMPLIANT' }]))

describe('readCompliance: reading', () => {
  it('asks for at most 5 names a call: 12 names are 3 summary calls', async () => {
    const twelve = names(12)
    const t = setup(compliant(twelve))
    const read = await t.run(twelve)
    expect(t.source.callsOf('summaries').map((c) => c.names)).toEqual([
      twelve.slice(0, 5),
      twelve.slice(5, 10),
      twelve.slice(10)
    ])
    expect(read.kind).toBe('done')
    expect(read.kind === 'done' && read.packs.map((p) => p.name)).toEqual(twelve)
    expect(t.source.callsOf('rules')).toEqual([])
  })

  it('follows the summaries NextToken within a batch', async () => {
    const five = names(5)
    const t = setup(compliant(five), { summaryPage: 2 })
    const read = await t.run(five)
    expect(t.source.callsOf('summaries').map((c) => [c.names.length, c.nextToken])).toEqual([
      [5, undefined],
      [5, '2'],
      [5, '4']
    ])
    expect(read.kind === 'done' && read.packs.map((p) => p.name)).toEqual(five)
  })

  it('lists the rules of NON_COMPLIANT packs only, every page of them, in input order', async () => {
    const failing = names(7, 'rule')
    const t = setup(
      {
        zeta: { status: 'NON_COMPLIANT', rules: failing },
        alpha: { status: 'COMPLIANT', rules: ['never-asked'] },
        mid: { status: 'INSUFFICIENT_DATA' },
        beta: { status: 'NON_COMPLIANT', rules: ['root-mfa'] }
      },
      { rulesPage: 3 }
    )
    const read = await t.run(['zeta', 'alpha', 'mid', 'beta'])
    expect(read).toEqual({
      kind: 'done',
      packs: [
        { name: 'zeta', compliance: 'NON_COMPLIANT', nonCompliantRules: failing },
        { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
        { name: 'mid', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] },
        { name: 'beta', compliance: 'NON_COMPLIANT', nonCompliantRules: ['root-mfa'] }
      ]
    })
    expect(t.source.callsOf('rules').map((c) => [c.names[0], c.nextToken])).toEqual([
      ['zeta', undefined],
      ['zeta', '3'],
      ['zeta', '6'],
      ['beta', undefined]
    ])
  })

  it('keeps more than 10 failing rules: the list is never capped', async () => {
    const many = names(25, 'rule')
    const t = setup({ big: { status: 'NON_COMPLIANT', rules: many } }, { rulesPage: 10 })
    const read = await t.run(['big'])
    expect(read.kind === 'done' && read.packs[0].nonCompliantRules).toEqual(many)
  })

  it('reads an unknown status as INSUFFICIENT_DATA, with a debug line', async () => {
    const t = setup({ odd: { status: 'NOT_APPLICABLE' }, fine: { status: 'COMPLIANT' } })
    const read = await t.run(['odd', 'fine'])
    expect(read).toEqual({
      kind: 'done',
      packs: [
        { name: 'odd', compliance: 'INSUFFICIENT_DATA', nonCompliantRules: [] },
        { name: 'fine', compliance: 'COMPLIANT', nonCompliantRules: [] }
      ]
    })
    expect(t.lines.debug.join('\n')).toMatch(/odd.*NOT_APPLICABLE/)
    expect(t.lines.warning).toEqual([])
  })

  it('makes no call for no names', async () => {
    const t = setup({})
    expect(await t.run([])).toEqual({ kind: 'done', packs: [] })
    expect(t.source.calls).toEqual([])
  })

  it('asks once for a name given twice', async () => {
    const t = setup(compliant(['alpha']))
    const read = await t.run(['alpha', 'alpha'])
    expect(t.source.calls.map((c) => c.names)).toEqual([['alpha']])
    expect(read.kind === 'done' && read.packs).toHaveLength(1)
  })
})

describe('readCompliance: packs that no longer exist', () => {
  it('asks name by name when a batch names a deleted pack, leaving that one out with a warning', async () => {
    const t = setup(compliant(['alpha', 'gamma']))
    t.source.fail = (call) =>
      call.op === 'summaries' && call.names.includes('gone') ? noSuchPack() : undefined
    const read = await t.run(['alpha', 'gone', 'gamma'])
    expect(read).toEqual({
      kind: 'done',
      packs: [
        { name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] },
        { name: 'gamma', compliance: 'COMPLIANT', nonCompliantRules: [] }
      ]
    })
    expect(t.source.calls.map((c) => c.names)).toEqual([
      ['alpha', 'gone', 'gamma'],
      ['alpha'],
      ['gone'],
      ['gamma']
    ])
    expect(t.lines.warning).toEqual([expect.stringContaining('gone no longer exists')])
  })

  it('leaves out a NON_COMPLIANT pack deleted before its rules are read', async () => {
    const t = setup({
      alpha: { status: 'COMPLIANT' },
      beta: { status: 'NON_COMPLIANT', rules: ['r1'] }
    })
    t.source.fail = (call) => (call.op === 'rules' ? noSuchPack() : undefined)
    const read = await t.run(['alpha', 'beta'])
    expect(read).toEqual({
      kind: 'done',
      packs: [{ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] }]
    })
    expect(t.lines.warning).toEqual([expect.stringContaining('beta no longer exists')])
  })
})

describe('readCompliance: errors and the deadline', () => {
  it('retries throttling with a pause, warning once, then reads', async () => {
    const t = setup({ beta: { status: 'NON_COMPLIANT', rules: ['r1'] } })
    t.source.fail = (_call, index) => (index <= 3 ? throttling() : undefined)
    const read = await t.run(['beta'])
    expect(read).toEqual({
      kind: 'done',
      packs: [{ name: 'beta', compliance: 'NON_COMPLIANT', nonCompliantRules: ['r1'] }]
    })
    // random() = 1: the top of each step, 1 s → 2 s → 4 s.
    expect(t.clock.sleeps).toEqual([1_000, 2_000, 4_000])
    expect(t.lines.warning).toHaveLength(1)
    expect(t.lines.warning[0]).toMatch(/GetConformancePackComplianceSummary.*ThrottlingException/)
  })

  it('retries a 5xx and a request that timed out the same way', async () => {
    const t = setup(compliant(['alpha']), { deps: { requestTimeoutMs: 5 } })
    let hung = false
    const slow: ComplianceSource = {
      ...awsErrors,
      summaries: (names, token, signal) => {
        if (!hung) {
          hung = true
          // Never answers: only the request's own timeout ends it.
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted')))
          )
        }
        return t.source.summaries(names, token)
      },
      nonCompliantRules: (name, token) => t.source.nonCompliantRules(name, token)
    }
    t.source.fail = (_call, index) =>
      index === 1 ? sdkError('InternalFailure', 500, 'boom') : undefined
    const read = await readCompliance(['alpha'], { ...t.deps, source: slow })
    expect(read.kind).toBe('done')
    expect(hung).toBe(true)
    expect(t.source.calls).toHaveLength(2)
    expect(t.lines.warning.join('\n')).toMatch(/request timed out/)
    expect(t.lines.warning.join('\n')).toMatch(/HTTP 500 InternalFailure/)
  })

  it('gives up at the deadline with the packs read so far, never sleeping past it', async () => {
    const t = setup(
      { ...compliant(names(5)), late: { status: 'COMPLIANT' } },
      { deps: { deadline: START + 20_000 } }
    )
    // The second batch never gets through.
    t.source.fail = (call) => (call.names.includes('late') ? throttling() : undefined)
    const read = await t.run([...names(5), 'late'])
    expect(read.kind).toBe('timeout')
    if (read.kind !== 'timeout') return
    expect(read.packs.map((p) => p.name)).toEqual(names(5))
    expect(read.message).toMatch(/5 of 6 read.*last error: throttled \(ThrottlingException\)/)
    // 1 s, 2 s, 4 s, 8 s: at 15 s the next 8 s pause would end past the deadline.
    expect(t.clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000])
    expect(t.clock.now()).toBeLessThanOrEqual(START + 20_000)
    for (const call of t.source.calls) expect(call.at).toBeLessThan(START + 20_000)
    expect(t.lines.warning).toHaveLength(1)
  })

  it('keeps NON_COMPLIANT packs whose rules were all read when time runs out on a later one', async () => {
    const t = setup(
      {
        first: { status: 'NON_COMPLIANT', rules: ['r1'] },
        second: { status: 'NON_COMPLIANT', rules: ['r2'] }
      },
      { deps: { deadline: START + 10_000 } }
    )
    t.source.fail = (call) =>
      call.op === 'rules' && call.names[0] === 'second' ? throttling() : undefined
    const read = await t.run(['first', 'second'])
    expect(read).toMatchObject({
      kind: 'timeout',
      packs: [{ name: 'first', compliance: 'NON_COMPLIANT', nonCompliantRules: ['r1'] }]
    })
  })

  it('times out without a call when the deadline has already passed', async () => {
    const t = setup(compliant(['alpha']), { deps: { deadline: START } })
    const read = await t.run(['alpha'])
    expect(read).toMatchObject({ kind: 'timeout', packs: [] })
    expect(t.source.calls).toEqual([])
  })

  it('bounds each request by the time left', async () => {
    const t = setup(compliant(['alpha']), {
      deps: { deadline: START + 50, requestTimeoutMs: 10_000 }
    })
    const source: ComplianceSource = {
      ...awsErrors,
      // Hangs until its signal aborts: the bound is the 50 ms left, not the 10 s.
      summaries: (_names, _token, signal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            t.clock.time = START + 50
            reject(new Error('aborted'))
          })
        ),
      nonCompliantRules: () => Promise.reject(new Error('not called'))
    }
    const started = Date.now()
    const read = await readCompliance(['alpha'], { ...t.deps, source })
    expect(read.kind).toBe('timeout')
    expect(read.kind === 'timeout' && read.message).toMatch(/request timed out/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it.each([
    ['summaries', COMPLIANCE_IAM_ACTIONS[0]],
    ['rules', COMPLIANCE_IAM_ACTIONS[1]]
  ] as const)('ends with an error naming the IAM action when %s is denied', async (op, action) => {
    const t = setup({ beta: { status: 'NON_COMPLIANT', rules: ['r1'] } })
    t.source.fail = (call) => (call.op === op ? accessDenied() : undefined)
    const read = await t.run(['beta'])
    expect(read.kind).toBe('error')
    const message = read.kind === 'error' ? read.message : ''
    expect(message).toContain(`Grant the role the IAM action ${action}.`)
    expect(message).not.toContain(COMPLIANCE_IAM_ACTIONS.find((a) => a !== action))
    expect(t.source.callsOf(op)).toHaveLength(1)
    expect(t.clock.sleeps).toEqual([])
  })

  it('retries a host name that does not resolve: the wait reached that endpoint before', async () => {
    const t = setup(compliant(['alpha']))
    t.source.fail = (_call, index) =>
      index === 1
        ? Object.assign(new Error('getaddrinfo ENOTFOUND config.us-east-1.amazonaws.com'), {
            code: 'ENOTFOUND',
            hostname: 'config.us-east-1.amazonaws.com'
          })
        : undefined
    const read = await t.run(['alpha'])
    expect(read).toEqual({
      kind: 'done',
      packs: [{ name: 'alpha', compliance: 'COMPLIANT', nonCompliantRules: [] }]
    })
    expect(t.source.calls).toHaveLength(2)
    expect(t.lines.warning).toEqual([
      expect.stringContaining('config.us-east-1.amazonaws.com does not resolve')
    ])
  })

  it('ends with an error on another 4xx, without retrying', async () => {
    const t = setup(compliant(['alpha']))
    t.source.fail = () => sdkError('InvalidLimitException', 400, 'Limit out of range')
    const read = await t.run(['alpha'])
    expect(read.kind).toBe('error')
    expect(read.kind === 'error' && read.message).toMatch(
      /^GetConformancePackComplianceSummary failed: .*InvalidLimit/
    )
    expect(t.source.calls).toHaveLength(1)
  })
})

describe('readCompliance: a NextToken that comes back unchanged', () => {
  it('is a transient error: the page is retried with backoff until the deadline, never followed', async () => {
    const t = setup(compliant(['alpha']), { deps: { deadline: START + 20_000 } })
    const summaries = t.source.summaries.bind(t.source)
    t.source.summaries = (names, token) =>
      summaries(names, token).then((page) => ({ ...page, nextToken: 'same' }))
    const read = await t.run(['alpha'])
    expect(read.kind).toBe('timeout')
    if (read.kind !== 'timeout') return
    expect(read.message).toMatch(
      /last error: PagingError: GetConformancePackComplianceSummary returned a NextToken it had already returned/
    )
    expect(t.source.calls.map((c) => c.nextToken)).toEqual([
      undefined,
      'same',
      'same',
      'same',
      'same',
      'same'
    ])
    expect(t.clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000])
    expect(t.lines.warning).toHaveLength(1)
  })

  it('in the rules of a NON_COMPLIANT pack too', async () => {
    const t = setup(
      { alpha: { status: 'NON_COMPLIANT', rules: ['r1'] } },
      { deps: { deadline: START + 5_000 } }
    )
    const rules = t.source.nonCompliantRules.bind(t.source)
    t.source.nonCompliantRules = (name, token) =>
      rules(name, token).then((page) => ({ ...page, nextToken: 'same' }))
    const read = await t.run(['alpha'])
    expect(read.kind === 'timeout' && read.message).toMatch(
      /DescribeConformancePackCompliance returned a NextToken it had already returned/
    )
    expect(t.source.callsOf('rules').length).toBeLessThanOrEqual(4)
  })
})

describe('readCompliance: cancellation', () => {
  it('makes no call once cancelled', async () => {
    const t = setup(compliant(['alpha']))
    t.controller.abort()
    expect(await t.run(['alpha'])).toEqual({ kind: 'cancelled' })
    expect(t.source.calls).toEqual([])
  })

  it('stops retrying when cancelled during a pause', async () => {
    const t = setup(compliant(['alpha']))
    t.source.fail = () => throttling()
    t.clock.onSleep = () => t.controller.abort()
    expect(await t.run(['alpha'])).toEqual({ kind: 'cancelled' })
    expect(t.source.calls).toHaveLength(1)
  })

  it('reports a request aborted by cancellation as cancelled, not as an error', async () => {
    const t = setup({ beta: { status: 'NON_COMPLIANT', rules: ['r1'] } })
    t.source.fail = (call) => {
      if (call.op !== 'rules') return undefined
      t.controller.abort()
      return accessDenied()
    }
    expect(await t.run(['beta'])).toEqual({ kind: 'cancelled' })
  })
})
