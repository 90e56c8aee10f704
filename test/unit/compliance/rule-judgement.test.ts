import { describe, expect, it } from 'vitest'
import {
  judgePack,
  lastEvaluationAt,
  rulesToStart,
  type PackEvaluationInput,
  type PackRule,
  type RuleComplianceType,
  type RuleEvaluationStatus,
  type RuleJudgement,
  type RuleResultTimes,
  type StackChanges
} from '../../../src/compliance/rule-judgement.js'

/** The pack's LastUpdateRequestedTime; every other time is minutes from it. */
const REQUESTED = Date.parse('2026-11-20T10:00:00Z')
const at = (minutes: number): number => REQUESTED + minutes * 60_000

const rule = (name: string, compliance: RuleComplianceType = 'COMPLIANT'): PackRule => ({
  name,
  compliance
})
const status = (
  name: string,
  fields: Omit<RuleEvaluationStatus, 'name'> = {}
): RuleEvaluationStatus => ({ name, ...fields })
/** A rule this deployment created one minute in. */
const created = (name: string, fields: Omit<RuleEvaluationStatus, 'name'> = {}) =>
  status(name, { firstActivatedAt: at(1), firstEvaluationStarted: true, ...fields })
/** A rule from an earlier deployment, a day before. */
const older = (name: string, fields: Omit<RuleEvaluationStatus, 'name'> = {}) =>
  status(name, { firstActivatedAt: at(-24 * 60), firstEvaluationStarted: true, ...fields })

const stackRead = (changes: Record<string, number> = {}): StackChanges => ({
  kind: 'read',
  changedAt: new Map(Object.entries(changes))
})

function judge(
  rules: readonly PackRule[],
  statuses: readonly RuleEvaluationStatus[],
  extra: Partial<PackEvaluationInput> = {}
) {
  return judgePack({
    requestedAt: REQUESTED,
    rules,
    statuses: new Map(statuses.map((s) => [s.name, s])),
    ...extra
  })
}

const only = (judgement: { rules: readonly RuleJudgement[] }): RuleJudgement => {
  expect(judgement.rules).toHaveLength(1)
  return judgement.rules[0]
}

describe('which result counts: the reference is the rule’s own deployment', () => {
  it('counts an evaluation of a rule created during the deployment, made before the pack completed', () => {
    // Created at +1 min, evaluated at +2 min; the pack reported CREATE_COMPLETE at +4 min.
    const j = judge([rule('a')], [created('a', { lastSuccessfulEvaluationAt: at(2) })])
    expect(only(j)).toEqual({
      name: 'a',
      verdict: { kind: 'compliant', evaluatedAt: at(2) },
      unverifiedChange: false
    })
  })

  it('does not trust a result from before a created rule was created (FirstActivatedTime after the request)', () => {
    const j = judge([rule('a')], [created('a', { lastSuccessfulEvaluationAt: at(0.5) })])
    expect(only(j).verdict).toEqual({ kind: 'unevaluated', after: { kind: 'created', at: at(1) } })
  })

  it('does not trust an evaluation from before this deployment changed the rule (stale)', () => {
    const j = judge(
      [rule('a', 'NON_COMPLIANT')],
      [older('a', { lastSuccessfulEvaluationAt: at(-60) })],
      {
        stack: stackRead({ a: at(1.5) })
      }
    )
    expect(only(j).verdict).toEqual({
      kind: 'unevaluated',
      after: { kind: 'changed', at: at(1.5) }
    })
  })

  it('counts an evaluation made after this deployment changed the rule', () => {
    const j = judge(
      [rule('a', 'NON_COMPLIANT')],
      [older('a', { lastSuccessfulEvaluationAt: at(3) })],
      {
        stack: stackRead({ a: at(1.5) })
      }
    )
    expect(only(j).verdict).toEqual({ kind: 'non-compliant', evaluatedAt: at(3) })
  })

  it('ignores a stack change time from an earlier deployment', () => {
    const j = judge([rule('a')], [older('a', { lastSuccessfulEvaluationAt: at(-30) })], {
      stack: stackRead({ a: at(-40) })
    })
    expect(only(j).verdict).toEqual({ kind: 'compliant', evaluatedAt: at(-30) })
  })

  it('lets a redeploy leave unchanged rules alone: their last successful evaluation counts', () => {
    const j = judge(
      [rule('a'), rule('b', 'NON_COMPLIANT')],
      [
        older('a', { lastSuccessfulEvaluationAt: at(-120) }),
        older('b', { lastSuccessfulEvaluationAt: at(-5) })
      ],
      { stack: stackRead({}) }
    )
    expect(j.rules.map((r) => r.verdict)).toEqual([
      { kind: 'compliant', evaluatedAt: at(-120) },
      { kind: 'non-compliant', evaluatedAt: at(-5) }
    ])
    expect(j.unverifiedChanges).toEqual([])
  })

  it('with the stack unreadable, still needs a fresh evaluation of rules the deployment created', () => {
    const j = judge([rule('new')], [created('new')], { stack: { kind: 'unreadable' } })
    expect(only(j)).toEqual({
      name: 'new',
      verdict: { kind: 'unevaluated', after: { kind: 'created', at: at(1) } },
      unverifiedChange: false
    })
  })

  it('with the stack unreadable, counts other rules with their latest evaluation and flags them', () => {
    const j = judge(
      [rule('old'), rule('new')],
      [
        older('old', { lastSuccessfulEvaluationAt: at(-10) }),
        created('new', { lastSuccessfulEvaluationAt: at(2) })
      ],
      { stack: { kind: 'unreadable' } }
    )
    expect(j.rules).toEqual([
      { name: 'old', verdict: { kind: 'compliant', evaluatedAt: at(-10) }, unverifiedChange: true },
      { name: 'new', verdict: { kind: 'compliant', evaluatedAt: at(2) }, unverifiedChange: false }
    ])
    expect(j.unverifiedChanges).toEqual(['old'])
  })

  it('treats stack changes that were not read at all as an unreadable stack', () => {
    const j = judge([rule('old')], [older('old', { lastSuccessfulEvaluationAt: at(-10) })])
    expect(j.unverifiedChanges).toEqual(['old'])
  })

  it('with start-evaluation, needs an evaluation later than the one read before the start, for every rule started', () => {
    // Read before the start: old at -10 min, new at +2 min (AWS's times); sent at +5 min.
    const started = new Map([
      ['old', { lastBefore: at(-10), sentAt: at(5) }],
      ['new', { lastBefore: at(2), sentAt: at(5) }]
    ])
    const before = judge(
      [rule('old'), rule('new')],
      [
        older('old', { lastSuccessfulEvaluationAt: at(-10) }),
        created('new', { lastSuccessfulEvaluationAt: at(2) })
      ],
      { stack: { kind: 'unreadable' }, startedEvaluations: started }
    )
    expect(before.rules.map((r) => r.verdict)).toEqual([
      { kind: 'unevaluated', after: { kind: 'started', started: started.get('old') } },
      { kind: 'unevaluated', after: { kind: 'started', started: started.get('new') } }
    ])
    const after = judge(
      [rule('old'), rule('new')],
      [
        older('old', { lastSuccessfulEvaluationAt: at(6) }),
        created('new', { lastSuccessfulEvaluationAt: at(7) })
      ],
      { stack: { kind: 'unreadable' }, startedEvaluations: started }
    )
    expect(after.rules.map((r) => r.verdict.kind)).toEqual(['compliant', 'compliant'])
    // The evaluation started answers what the stack could not: no warning.
    expect(after.unverifiedChanges).toEqual([])
  })
})

describe('with start-evaluation, AWS’s times against AWS’s times', () => {
  const sent = (lastBefore: number | undefined, sentAt: number) =>
    lastBefore === undefined ? { sentAt } : { lastBefore, sentAt }

  it('counts an evaluation AWS stamps before the runner’s time of the start (AWS’s clock behind)', () => {
    // Sent at +5 min on the runner's clock; AWS's clock 5 s behind stamps the result 4 s earlier.
    const j = judge([rule('a')], [older('a', { lastSuccessfulEvaluationAt: at(5) - 4_000 })], {
      stack: { kind: 'unreadable' },
      startedEvaluations: new Map([['a', sent(at(-10), at(5))]])
    })
    expect(only(j).verdict).toEqual({ kind: 'compliant', evaluatedAt: at(5) - 4_000 })
  })

  it('does not count the evaluation read before the start, however late AWS stamped it (AWS’s clock ahead)', () => {
    // AWS's clock 20 s ahead: the result read before the start is stamped after the runner's time of it.
    const stale = at(5) + 10_000
    const started = new Map([['a', sent(stale, at(5))]])
    const j = judge([rule('a')], [older('a', { lastSuccessfulEvaluationAt: stale })], {
      stack: { kind: 'unreadable' },
      startedEvaluations: started
    })
    expect(only(j).verdict).toEqual({
      kind: 'unevaluated',
      after: { kind: 'started', started: started.get('a') }
    })
    const next = judge([rule('a')], [older('a', { lastSuccessfulEvaluationAt: stale + 1 })], {
      stack: { kind: 'unreadable' },
      startedEvaluations: started
    })
    expect(only(next).verdict).toEqual({ kind: 'compliant', evaluatedAt: stale + 1 })
  })

  it('counts any evaluation of a rule never evaluated before the start', () => {
    // A rule created at +1 min, not evaluated when the start was sent at +5 min.
    const j = judge([rule('a')], [created('a', { lastSuccessfulEvaluationAt: at(5) - 4_000 })], {
      startedEvaluations: new Map([['a', sent(undefined, at(5))]])
    })
    expect(only(j).verdict).toEqual({ kind: 'compliant', evaluatedAt: at(5) - 4_000 })
  })

  it('a failure read before the start does not count; a later one does', () => {
    const failed = (t: number) =>
      older('a', {
        lastSuccessfulEvaluationAt: at(-10),
        lastFailedEvaluationAt: t,
        lastErrorCode: 'E'
      })
    const started = new Map([['a', sent(at(3), at(5))]])
    const input = { stack: { kind: 'unreadable' } as const, startedEvaluations: started }
    expect(only(judge([rule('a')], [failed(at(3))], input)).verdict.kind).toBe('unevaluated')
    expect(only(judge([rule('a')], [failed(at(3) + 1)], input)).verdict).toEqual({
      kind: 'evaluation-failed',
      failedAt: at(3) + 1,
      error: { code: 'E' }
    })
  })

  it('the time read before the start is the newest of the status’s and the results’ times', () => {
    expect(lastEvaluationAt(undefined, undefined)).toBeUndefined()
    expect(lastEvaluationAt(created('a'), undefined)).toBeUndefined()
    expect(
      lastEvaluationAt(
        older('a', {
          lastSuccessfulEvaluationAt: at(1),
          lastFailedEvaluationAt: at(2),
          lastSuccessfulInvocationAt: at(3),
          lastFailedInvocationAt: at(4)
        }),
        undefined
      )
    ).toBe(at(4))
    expect(
      lastEvaluationAt(older('a', { lastSuccessfulInvocationAt: at(1) }), {
        results: 2,
        latestInvokedAt: at(2),
        latestRecordedAt: at(3)
      })
    ).toBe(at(3))
  })
})

describe('the verdict per rule', () => {
  it('is non-compliant, compliant, or nothing in scope (INSUFFICIENT_DATA after an evaluation)', () => {
    const j = judge(
      [rule('n', 'NON_COMPLIANT'), rule('c', 'COMPLIANT'), rule('e', 'INSUFFICIENT_DATA')],
      [
        created('n', { lastSuccessfulEvaluationAt: at(2) }),
        created('c', { lastSuccessfulEvaluationAt: at(2) }),
        created('e', { lastSuccessfulEvaluationAt: at(3) })
      ]
    )
    expect(j.rules.map((r) => r.verdict)).toEqual([
      { kind: 'non-compliant', evaluatedAt: at(2) },
      { kind: 'compliant', evaluatedAt: at(2) },
      { kind: 'nothing-in-scope', evaluatedAt: at(3) }
    ])
  })

  it('is unevaluated (keep waiting) for INSUFFICIENT_DATA with no evaluation yet', () => {
    const j = judge(
      [rule('e', 'INSUFFICIENT_DATA')],
      [created('e', { firstEvaluationStarted: false })]
    )
    expect(only(j).verdict.kind).toBe('unevaluated')
  })

  it('is unevaluated for a rule whose status is not there at all', () => {
    expect(only(judge([rule('x', 'INSUFFICIENT_DATA')], [])).verdict).toEqual({
      kind: 'unevaluated'
    })
  })

  it('is evaluation-failed with the rule’s error when its last evaluation of this deployment failed', () => {
    const j = judge(
      [rule('f', 'INSUFFICIENT_DATA')],
      [
        created('f', {
          lastFailedEvaluationAt: at(2),
          lastErrorCode: 'InternalError',
          lastErrorMessage: 'Lambda timed out'
        })
      ]
    )
    expect(only(j).verdict).toEqual({
      kind: 'evaluation-failed',
      failedAt: at(2),
      error: { code: 'InternalError', message: 'Lambda timed out' }
    })
  })

  it('takes a failed invocation (custom Lambda rule) as a failed evaluation', () => {
    const j = judge(
      [rule('f')],
      [created('f', { lastFailedInvocationAt: at(3), lastErrorCode: 'AccessDenied' })]
    )
    expect(only(j).verdict).toEqual({
      kind: 'evaluation-failed',
      failedAt: at(3),
      error: { code: 'AccessDenied' }
    })
  })

  it('lets a later successful evaluation override an earlier failure', () => {
    const j = judge(
      [rule('f')],
      [
        created('f', {
          lastFailedEvaluationAt: at(2),
          lastSuccessfulEvaluationAt: at(4),
          lastErrorCode: 'InternalError'
        })
      ]
    )
    expect(only(j).verdict).toEqual({ kind: 'compliant', evaluatedAt: at(4) })
  })

  it('lets a failure after the last success stand', () => {
    const j = judge(
      [rule('f')],
      [
        older('f', {
          lastSuccessfulEvaluationAt: at(-60),
          lastFailedEvaluationAt: at(-1),
          lastErrorCode: 'InternalError'
        })
      ],
      { stack: stackRead() }
    )
    expect(only(j).verdict.kind).toBe('evaluation-failed')
  })

  it('ignores a failure from before the rule was changed: it waits for a fresh evaluation', () => {
    const j = judge(
      [rule('f')],
      [older('f', { lastFailedEvaluationAt: at(-60), lastErrorCode: 'InternalError' })],
      { stack: stackRead({ f: at(1) }) }
    )
    expect(only(j).verdict).toEqual({ kind: 'unevaluated', after: { kind: 'changed', at: at(1) } })
  })

  it('counts an error without a time as a failure only when no evaluation counts', () => {
    const failed = judge([rule('f')], [created('f', { lastErrorCode: 'InternalError' })])
    expect(only(failed).verdict).toEqual({
      kind: 'evaluation-failed',
      error: { code: 'InternalError' }
    })
    const evaluated = judge(
      [rule('f')],
      [created('f', { lastErrorCode: 'InternalError', lastSuccessfulEvaluationAt: at(2) })]
    )
    expect(only(evaluated).verdict.kind).toBe('compliant')
  })
})

describe('rules whose status says nothing of evaluations (custom Lambda rules)', () => {
  const lambda = (name: string) =>
    status(name, { firstActivatedAt: at(1), lastSuccessfulInvocationAt: at(2) })
  const times = (entries: Record<string, RuleResultTimes>) => new Map(Object.entries(entries))

  it('judges by the newest time its results were invoked', () => {
    const j = judge([rule('l', 'NON_COMPLIANT')], [lambda('l')], {
      resultTimes: times({ l: { latestInvokedAt: at(3), latestRecordedAt: at(3.1), results: 2 } })
    })
    expect(only(j).verdict).toEqual({ kind: 'non-compliant', evaluatedAt: at(3) })
  })

  it('does not take an invocation for an evaluation: without results it keeps waiting', () => {
    const j = judge([rule('l', 'INSUFFICIENT_DATA')], [lambda('l')], {
      resultTimes: times({ l: { results: 0 } })
    })
    expect(only(j).verdict).toEqual({ kind: 'unevaluated', after: { kind: 'created', at: at(1) } })
  })

  it('falls back to the recorded time when the invoked time is missing, and rejects a stale one', () => {
    const fresh = judge([rule('l')], [lambda('l')], {
      resultTimes: times({ l: { latestRecordedAt: at(4), results: 1 } })
    })
    expect(only(fresh).verdict).toEqual({ kind: 'compliant', evaluatedAt: at(4) })
    const stale = judge([rule('l')], [lambda('l')], {
      resultTimes: times({ l: { latestInvokedAt: at(0.5), results: 1 } })
    })
    expect(only(stale).verdict.kind).toBe('unevaluated')
  })

  it('ignores result times while the status says the first evaluation has not finished', () => {
    const j = judge([rule('m')], [created('m', { firstEvaluationStarted: false })], {
      resultTimes: times({ m: { latestInvokedAt: at(3), results: 1 } })
    })
    expect(only(j).verdict.kind).toBe('unevaluated')
  })
})

describe('the pack', () => {
  const mixed = () =>
    judge(
      [
        rule('c'),
        rule('n', 'NON_COMPLIANT'),
        rule('e', 'INSUFFICIENT_DATA'),
        rule('f'),
        rule('u', 'INSUFFICIENT_DATA')
      ],
      [
        created('c', { lastSuccessfulEvaluationAt: at(2) }),
        created('n', { lastSuccessfulEvaluationAt: at(2) }),
        created('e', { lastSuccessfulEvaluationAt: at(2) }),
        created('f', { lastFailedEvaluationAt: at(2), lastErrorCode: 'InternalError' }),
        created('u', { firstEvaluationStarted: false })
      ]
    )

  it('counts its rules by verdict and is settled only when none is unevaluated', () => {
    const j = mixed()
    expect(j.counts).toEqual({
      compliant: 1,
      nonCompliant: 1,
      nothingInScope: 1,
      failed: 1,
      unevaluated: 1
    })
    expect(j.settled).toBe(false)
    const settled = judge([rule('c')], [created('c', { lastSuccessfulEvaluationAt: at(2) })])
    expect(settled.settled).toBe(true)
  })

  it('names the rules an on-demand evaluation would help: unevaluated, or counted unverified', () => {
    const input: PackEvaluationInput = {
      requestedAt: REQUESTED,
      rules: [
        rule('fresh'),
        rule('waiting'),
        rule('unverified'),
        rule('unverified-recent'),
        rule('failed')
      ],
      statuses: new Map(
        [
          created('fresh', { lastSuccessfulEvaluationAt: at(2) }),
          created('waiting'),
          older('unverified', { lastSuccessfulEvaluationAt: at(-10) }),
          // Evaluated during the deployment, yet perhaps before the rule was changed.
          older('unverified-recent', { lastSuccessfulEvaluationAt: at(1) }),
          created('failed', { lastFailedEvaluationAt: at(2), lastErrorCode: 'E' })
        ].map((s) => [s.name, s])
      ),
      stack: { kind: 'unreadable' },
      // Already started: still judged as if not, so a second call names the same rules.
      startedEvaluations: new Map([['fresh', { sentAt: at(5) }]])
    }
    expect(rulesToStart(input)).toEqual(['waiting', 'unverified', 'unverified-recent'])
    expect(rulesToStart({ ...input, stack: stackRead() })).toEqual(['waiting'])
  })
})
