import { describe, expect, it } from 'vitest'
import type { RuleEvaluationPort } from '../../../src/compliance/evaluation-requests.js'
import {
  waitForEvaluation,
  type EvaluationDeps,
  type PackToEvaluate
} from '../../../src/compliance/evaluation-wait.js'
import type {
  NonCompliantResource,
  RuleComplianceType,
  RuleEvaluationStatus
} from '../../../src/compliance/rule-judgement.js'
import type { StackEvent } from '../../../src/ports/stack-events.js'
import { awsErrors, recordingLog, sdkError, virtualClock } from '../../support/doubles.js'

const T0 = 1_000_000
const REQUESTED = T0 - 10_000

/** A rule as the fake port answers for it, each field as of the clock's time. */
interface FakeRule {
  readonly name: string
  compliance(now: number): RuleComplianceType
  status(now: number): Omit<RuleEvaluationStatus, 'name'> | undefined
  readonly resultsAt?: (now: number) => number | undefined
  readonly nonCompliant?: readonly NonCompliantResource[]
}

type Call = { method: string; names: readonly string[] }

/** A managed rule created by the deployment, evaluated at `at` (undefined: never). */
function managed(
  name: string,
  at: number | undefined,
  compliance: RuleComplianceType = 'COMPLIANT',
  extra: Partial<RuleEvaluationStatus> = {}
): FakeRule {
  const evaluated = (now: number) => at !== undefined && now >= at
  return {
    name,
    compliance: (now) => (evaluated(now) ? compliance : 'INSUFFICIENT_DATA'),
    status: (now) => ({
      firstActivatedAt: REQUESTED + 1_000,
      firstEvaluationStarted: evaluated(now),
      ...(evaluated(now) ? { lastSuccessfulEvaluationAt: at } : {}),
      ...extra
    })
  }
}

function fakePort(
  rules: FakeRule[],
  clock: { now(): number },
  fail: (method: string, call: number) => Error | undefined = () => undefined,
  onStart: (names: readonly string[]) => 'started' | 'already-running' = () => 'started'
): RuleEvaluationPort & { calls: Call[] } {
  const calls: Call[] = []
  const counts = new Map<string, number>()
  const record = async (method: string, names: readonly string[]) => {
    await Promise.resolve()
    calls.push({ method, names })
    const n = (counts.get(method) ?? 0) + 1
    counts.set(method, n)
    const error = fail(method, n)
    if (error) throw error
  }
  const byName = (names: readonly string[]) => rules.filter((r) => names.includes(r.name))
  return {
    calls,
    ...awsErrors,
    isNoSuchRule: (e) => (e as Error).name === 'NoSuchConfigRuleException',
    packRules: async () => {
      await record('packRules', [])
      return { items: rules.map((r) => ({ name: r.name, compliance: r.compliance(clock.now()) })) }
    },
    statuses: async (names) => {
      await record('statuses', names)
      return {
        items: byName(names).flatMap((r) => {
          const s = r.status(clock.now())
          return s ? [{ name: r.name, ...s }] : []
        })
      }
    },
    results: async (_pack, filter) => {
      await record(filter.compliance ? 'resources' : 'results', filter.rules)
      return {
        items: byName(filter.rules).flatMap((r) => {
          if (filter.compliance)
            return (r.nonCompliant ?? []).map((x) => ({
              rule: r.name,
              compliance: 'NON_COMPLIANT',
              ...x
            }))
          const at = r.resultsAt?.(clock.now())
          return at === undefined
            ? []
            : [
                {
                  rule: r.name,
                  compliance: 'COMPLIANT',
                  resourceType: 'T',
                  resourceId: 'x',
                  invokedAt: at
                }
              ]
        })
      }
    },
    startEvaluation: async (names) => {
      await record('start', names)
      const outcome = onStart(names)
      return outcome === 'started'
        ? { kind: 'started' }
        : { kind: 'already-running', message: 'busy' }
    }
  }
}

function setup(
  rules: FakeRule[],
  options: {
    fail?: (method: string, call: number) => Error | undefined
    start?: boolean
    onStart?: (names: readonly string[]) => 'started' | 'already-running'
    events?: StackEvent[] | Error
    timeoutMs?: number
    signal?: AbortSignal
  } = {}
) {
  const clock = virtualClock(T0)
  const log = recordingLog()
  const port = fakePort(rules, clock, options.fail, options.onStart)
  let stackReads = 0
  const deps: EvaluationDeps = {
    port,
    clock,
    log,
    deadline: T0 + (options.timeoutMs ?? 120_000),
    signal: options.signal ?? new AbortController().signal,
    minDelayMs: 1_000,
    maxDelayMs: 8_000,
    random: () => 1,
    startEvaluation: options.start ?? false,
    stackEvents: () =>
      Promise.resolve({
        ...awsErrors,
        read: async () => {
          await Promise.resolve()
          stackReads++
          if (options.events instanceof Error) throw options.events
          return { events: options.events ?? [] }
        },
        close: () => undefined
      })
  }
  const pack: PackToEvaluate = { name: 'pack', requestedAt: REQUESTED, stackArn: 'arn:stack' }
  return {
    clock,
    log,
    port,
    stackReads: () => stackReads,
    run: () => waitForEvaluation([pack], deps),
    statusNames: () => port.calls.filter((c) => c.method === 'statuses').map((c) => c.names)
  }
}

const verdicts = (read: Awaited<ReturnType<typeof waitForEvaluation>>) =>
  read.packs[0]?.judgement.rules.map((r) => [r.name, r.verdict.kind])

describe('waitForEvaluation', () => {
  it('waits for an unevaluated rule, asking only about it, quiet at first and then on the grid', async () => {
    const t = setup([managed('now', T0 - 1), managed('later', T0 + 5_000, 'NON_COMPLIANT')])
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(verdicts(read)).toEqual([
      ['now', 'compliant'],
      ['later', 'non-compliant']
    ])
    expect(t.statusNames()).toEqual([['now', 'later'], ['later'], ['later'], ['later'], ['later']])
    // Timed from the wait's start (no completion time given): quiet until 2 × min-delay, then
    // every min-delay, each with the jitter (10 % of min-delay, `random` 1 here).
    expect(t.clock.sleeps).toEqual([2_100, 1_100, 1_100, 1_100])
    expect(read.packs[0].durationMs).toBe(5_400)
  })

  it('does not trust an evaluation from before the rule was created by this deployment', async () => {
    const stale = managed('stale', REQUESTED - 60_000, 'COMPLIANT')
    const t = setup([stale], { timeoutMs: 20_000 })
    const read = await t.run()
    expect(read.kind).toBe('timeout')
    expect(verdicts(read)).toEqual([['stale', 'unevaluated']])
    expect(read.kind === 'timeout' && read.message).toBe(
      'Ran out of time waiting for the evaluation of conformance pack rules: 1 rule(s) not evaluated since the deployment: stale'
    )
  })

  it('names the first 5 unevaluated rules at the deadline, then a count', async () => {
    const rules = Array.from({ length: 7 }, (_, i) => managed(`r${i + 1}`, undefined))
    const read = await setup(rules, { timeoutMs: 10_000 }).run()
    expect(read.kind === 'timeout' && read.message).toMatch(
      /7 rule\(s\) not evaluated since the deployment: r1, r2, r3, r4, r5 and 2 more$/
    )
  })

  it('counts the old evaluation of a rule a redeploy left alone, once the stack says so', async () => {
    const old = managed('old', REQUESTED - 60_000, 'COMPLIANT', {
      firstActivatedAt: REQUESTED - 99_000
    })
    const t = setup([old], { events: [] })
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(verdicts(read)).toEqual([['old', 'compliant']])
    expect(t.stackReads()).toBe(1)
    expect(t.log.lines.warning).toEqual([])
  })

  it('needs an evaluation after the change of a rule the stack says was changed', async () => {
    const changed = (at: number): StackEvent => ({
      logicalId: 'Rule',
      physicalId: 'old',
      type: 'AWS::Config::ConfigRule',
      status: 'UPDATE_IN_PROGRESS',
      timestamp: new Date(at)
    })
    // Newest first: the first event of the deployment is the one that counts.
    const events = [changed(REQUESTED + 4_000), changed(REQUESTED + 2_000)]
    const old = managed('old', T0 + 3_000, 'COMPLIANT', { firstActivatedAt: REQUESTED - 99_000 })
    const stale = {
      ...old,
      status: (now: number) => ({
        ...old.status(now)!,
        lastSuccessfulEvaluationAt: now >= T0 + 3_000 ? T0 + 3_000 : REQUESTED - 60_000
      })
    }
    const read = await setup([stale], { events }).run()
    expect(read.kind).toBe('done')
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'compliant',
      evaluatedAt: T0 + 3_000
    })
  })

  it('warns when the stack cannot be read that rules changed in place may show old results', async () => {
    const old = managed('old', REQUESTED - 60_000, 'COMPLIANT', {
      firstActivatedAt: REQUESTED - 99_000
    })
    const denied = sdkError('AccessDenied', 'no', 403)
    const t = setup([old], { events: denied })
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(t.log.lines.warning).toHaveLength(1)
    expect(t.log.lines.warning[0]).toContain('cloudformation:DescribeStackEvents')
    expect(t.log.lines.warning[0]).toContain(
      'rules changed in place by this deployment may still show results from before the change (grant cloudformation:DescribeStackEvents, or use start-evaluation): old'
    )
  })

  it('start-evaluation: starts the rules that need it once, then waits for a newer evaluation', async () => {
    const old = managed('old', REQUESTED - 60_000, 'COMPLIANT', {
      firstActivatedAt: REQUESTED - 99_000
    })
    const rerun = {
      ...old,
      status: (now: number) => ({
        ...old.status(now)!,
        lastSuccessfulEvaluationAt: now >= T0 + 4_000 ? T0 + 4_000 : REQUESTED - 60_000
      })
    }
    const t = setup([rerun, managed('fresh', T0 - 1)], {
      start: true,
      events: sdkError('AccessDenied', 'no', 403)
    })
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(t.port.calls.filter((c) => c.method === 'start')).toEqual([
      { method: 'start', names: ['old'] }
    ])
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'compliant',
      evaluatedAt: T0 + 4_000
    })
    // The start settles what the stack could not: no warning.
    expect(t.log.lines.warning).toEqual([])
  })

  it('start-evaluation: a start refused as already running waits for the running evaluation', async () => {
    // Read before the start: evaluated at T0 - 30 s; the running evaluation lands at T0 + 3 s.
    const old = managed('r', T0 - 30_000, 'COMPLIANT', { firstActivatedAt: REQUESTED - 99_000 })
    const running = {
      ...old,
      status: (now: number) => ({
        ...old.status(now)!,
        lastSuccessfulEvaluationAt: now >= T0 + 3_000 ? T0 + 3_000 : T0 - 30_000
      })
    }
    const t = setup([running], {
      start: true,
      onStart: () => 'already-running',
      events: sdkError('AccessDenied', 'no', 403)
    })
    const read = await t.run()
    expect(t.port.calls.filter((c) => c.method === 'start')).toHaveLength(1)
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'compliant',
      evaluatedAt: T0 + 3_000
    })
    expect(t.log.lines.info.join('\n')).toContain('already running; waiting for it')
  })

  it('start-evaluation: a refused start whose evaluation landed before the read is started again a minute later', async () => {
    // Someone else's start ran it at T0 - 30 s: read before our start, it does not count.
    const old = managed('r', T0 - 30_000, 'COMPLIANT', { firstActivatedAt: REQUESTED - 99_000 })
    let startedAt: number | undefined
    const t = setup(
      [
        {
          ...old,
          status: (now: number) => ({
            ...old.status(now)!,
            lastSuccessfulEvaluationAt:
              startedAt !== undefined && now >= startedAt + 2_000 ? startedAt + 2_000 : T0 - 30_000
          })
        }
      ],
      {
        start: true,
        onStart: () => {
          if (t.port.calls.filter((c) => c.method === 'start').length === 1)
            return 'already-running'
          startedAt = t.clock.now()
          return 'started'
        },
        events: sdkError('AccessDenied', 'no', 403)
      }
    )
    const read = await t.run()
    const starts = t.port.calls.filter((c) => c.method === 'start')
    expect(starts).toEqual([
      { method: 'start', names: ['r'] },
      { method: 'start', names: ['r'] }
    ])
    expect(startedAt! - T0).toBeGreaterThanOrEqual(60_000)
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'compliant',
      evaluatedAt: startedAt! + 2_000
    })
  })

  /**
   * A rule from an earlier deployment, the stack unreadable: start-evaluation starts it. AWS's
   * clock is `offsetMs` ahead of the runner's (behind when negative): every time AWS gives is
   * the runner's time plus the offset. Its last evaluation before the start is at `beforeMs`
   * (runner's time); the one started takes 2 s and finds `found`.
   */
  function skewed(offsetMs: number, beforeMs: number, found: RuleComplianceType) {
    let startedAt: number | undefined
    const landed = (now: number) => startedAt !== undefined && now >= startedAt + 2_000
    const rule: FakeRule = {
      name: 'old',
      compliance: (now) => (landed(now) ? found : 'COMPLIANT'),
      status: (now) => ({
        firstActivatedAt: REQUESTED - 99_000 + offsetMs,
        firstEvaluationStarted: true,
        lastSuccessfulEvaluationAt: (landed(now) ? startedAt! + 2_000 : beforeMs) + offsetMs
      })
    }
    const t = setup([rule], {
      start: true,
      onStart: () => {
        startedAt = t.clock.now()
        return 'started'
      },
      events: sdkError('AccessDenied', 'no', 403),
      timeoutMs: 30_000
    })
    return { t, startedAt: () => startedAt }
  }

  it('start-evaluation: with AWS’s clock 5 s behind, the started evaluation counts', async () => {
    const { t, startedAt } = skewed(-5_000, REQUESTED - 60_000, 'NON_COMPLIANT')
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'non-compliant',
      evaluatedAt: startedAt()! + 2_000 - 5_000
    })
  })

  it('start-evaluation: with AWS’s clock 20 s ahead, a result from before the start does not count', async () => {
    // Evaluated 10 s before the start: AWS stamps it 10 s after the runner's time of the start.
    const { t, startedAt } = skewed(20_000, T0 - 10_000, 'NON_COMPLIANT')
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'non-compliant',
      evaluatedAt: startedAt()! + 2_000 + 20_000
    })
  })

  it('takes a Lambda rule’s evaluation time from its results', async () => {
    const lambda: FakeRule = {
      name: 'lambda',
      compliance: (now) => (now >= T0 + 2_000 ? 'COMPLIANT' : 'INSUFFICIENT_DATA'),
      status: () => ({
        firstActivatedAt: REQUESTED + 1_000,
        lastSuccessfulInvocationAt: REQUESTED + 2_000
      }),
      resultsAt: (now) => (now >= T0 + 2_000 ? T0 + 2_000 : undefined)
    }
    const t = setup([lambda])
    const read = await t.run()
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'compliant',
      evaluatedAt: T0 + 2_000
    })
    expect(t.port.calls.filter((c) => c.method === 'results').length).toBeGreaterThan(1)
  })

  it('shows a failed evaluation with its error, and stops asking about it', async () => {
    const broken = managed('broken', undefined, 'INSUFFICIENT_DATA', {
      lastFailedEvaluationAt: T0 - 1,
      lastErrorCode: 'AccessDenied',
      lastErrorMessage: 'the rule may not read'
    })
    const t = setup([broken])
    const read = await t.run()
    expect(read.kind).toBe('done')
    expect(read.packs[0].judgement.rules[0].verdict).toEqual({
      kind: 'evaluation-failed',
      failedAt: T0 - 1,
      error: { code: 'AccessDenied', message: 'the rule may not read' }
    })
    expect(t.statusNames()).toEqual([['broken']])
  })

  it('reads a non-compliant rule’s resources once', async () => {
    const bad = {
      ...managed('bad', T0 - 1, 'NON_COMPLIANT'),
      nonCompliant: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'logs', annotation: 'public' }]
    }
    const t = setup([bad, managed('later', T0 + 3_000)])
    const read = await t.run()
    expect(t.port.calls.filter((c) => c.method === 'resources')).toHaveLength(1)
    expect(read.packs[0].resources.get('bad')).toEqual({
      kind: 'complete',
      resources: bad.nonCompliant
    })
  })

  it('retries a throttled status read at the next round, backing off, and fails at once on AccessDenied naming the action', async () => {
    const throttled = setup([managed('r', T0 - 1)], {
      fail: (m, n) =>
        m === 'statuses' && n <= 2 ? sdkError('ThrottlingException', 'slow down', 400) : undefined
    })
    expect((await throttled.run()).kind).toBe('done')
    // The schedule's quiet pause (2.1 s) is longer than one failure's backoff (2 s); after the
    // second failure the backoff (4 s) is longer than the grid's 1.1 s.
    expect(throttled.clock.sleeps).toEqual([2_100, 4_000])
    expect(throttled.log.lines.warning).toHaveLength(1)
    expect(throttled.log.lines.warning[0]).toMatch(
      /^AWS Config call failed, retrying at the next read: DescribeConfigRuleEvaluationStatus \(r\): /
    )

    const denied = setup([managed('r', T0 - 1)], {
      fail: (m) => (m === 'statuses' ? sdkError('AccessDeniedException', 'no', 400) : undefined)
    })
    const read = await denied.run()
    expect(read.kind).toBe('error')
    expect(read.kind === 'error' && read.message).toMatch(
      /^DescribeConfigRuleEvaluationStatus failed: Access denied to config:DescribeConfigRuleEvaluationStatus/
    )
  })

  it('ends as cancelled when the run is cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    expect((await setup([managed('r', undefined)], { signal: controller.signal }).run()).kind).toBe(
      'cancelled'
    )
  })
})
