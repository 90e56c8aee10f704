import { describe, expect, it } from 'vitest'
import {
  readNonCompliantResources,
  readPackRules,
  readResultTimes,
  readStatuses,
  type EvaluationResult,
  type Page,
  type RuleEvaluationSource,
  type StartOutcome
} from '../../../src/compliance/rule-evaluation-reads.js'
import type { PackRule, RuleEvaluationStatus } from '../../../src/compliance/rule-judgement.js'

interface Call {
  readonly method: string
  readonly names?: readonly string[]
  readonly token?: string
  readonly signal: AbortSignal
}

/** A source answering from scripted pages keyed by method and token; records every call. */
function fakeSource(script: {
  packRules?: Record<string, Page<PackRule>>
  statuses?: (names: readonly string[], token?: string) => Page<RuleEvaluationStatus>
  results?: (names: readonly string[], token?: string) => Page<EvaluationResult>
  start?: (names: readonly string[]) => StartOutcome
}): RuleEvaluationSource & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    packRules: (_pack, token, signal) => {
      calls.push({ method: 'packRules', token, signal })
      return Promise.resolve(script.packRules?.[token ?? ''] ?? { items: [] })
    },
    statuses: (names, token, signal) => {
      calls.push({ method: 'statuses', names, token, signal })
      return Promise.resolve(script.statuses?.(names, token) ?? { items: [] })
    },
    results: (_pack, filter, token, signal) => {
      calls.push({ method: 'results', names: filter.rules, token, signal })
      return Promise.resolve(script.results?.(filter.rules, token) ?? { items: [] })
    },
    startEvaluation: (names, signal) => {
      calls.push({ method: 'start', names, signal })
      return Promise.resolve(script.start?.(names) ?? { kind: 'started' })
    }
  }
}

const result = (
  rule: string,
  id: string,
  fields: Partial<EvaluationResult> = {}
): EvaluationResult => ({
  rule,
  compliance: 'NON_COMPLIANT',
  resourceType: 'AWS::S3::Bucket',
  resourceId: id,
  ...fields
})

describe('whole reads over the rule evaluation source', () => {
  it('gives every request a fresh signal', async () => {
    const signals: AbortSignal[] = []
    const source = fakeSource({
      packRules: {
        '': { items: [{ name: 'a', compliance: 'COMPLIANT' }], nextToken: 't1' },
        t1: { items: [{ name: 'b', compliance: 'NON_COMPLIANT' }] }
      }
    })
    const rules = await readPackRules(source, 'alpha', () => {
      const signal = new AbortController().signal
      signals.push(signal)
      return signal
    })
    expect(rules.map((r) => r.name)).toEqual(['a', 'b'])
    expect(source.calls.map((c) => c.signal)).toEqual(signals)
    expect(new Set(signals).size).toBe(2)
  })

  it('fails a listing whose service hands back a token it gave before: a partial list of rules would leave rules unjudged', async () => {
    const source = fakeSource({
      packRules: {
        '': { items: [{ name: 'a', compliance: 'COMPLIANT' }], nextToken: 'loop' },
        loop: { items: [{ name: 'b', compliance: 'COMPLIANT' }], nextToken: 'loop' }
      }
    })
    await expect(
      readPackRules(source, 'alpha', () => AbortSignal.timeout(1_000))
    ).rejects.toMatchObject({ name: 'PagingError' })
    expect(source.calls.map((c) => c.token)).toEqual([undefined, 'loop'])
  })

  it('keys the statuses by rule name across batches', async () => {
    const names = Array.from({ length: 26 }, (_, i) => `r${i}`)
    const source = fakeSource({
      statuses: (batch) => ({
        items: batch.map((name) => ({ name, firstEvaluationStarted: true }))
      })
    })
    const statuses = await readStatuses(source, names, () => AbortSignal.timeout(1_000))
    expect([...statuses.keys()]).toEqual(names)
    expect(source.calls.map((c) => c.names?.length)).toEqual([25, 1])
  })

  it("keeps each rule's newest invoked and recorded times and counts its results", async () => {
    const source = fakeSource({
      results: (_names, token) =>
        token
          ? { items: [result('a', 'x', { invokedAt: 5, recordedAt: 6 })] }
          : {
              items: [
                result('a', 'y', { invokedAt: 9, recordedAt: 7 }),
                result('b', 'z', { recordedAt: 3 })
              ],
              nextToken: 'p2'
            }
    })
    const times = await readResultTimes(source, 'alpha', ['a', 'b', 'c'], () =>
      AbortSignal.timeout(1_000)
    )
    expect(Object.fromEntries(times)).toEqual({
      a: { results: 2, latestInvokedAt: 9, latestRecordedAt: 7 },
      b: { results: 1, latestRecordedAt: 3 },
      c: { results: 0 }
    })
  })

  it("keeps only the asked rule's NON_COMPLIANT resources, whatever else the service answers", async () => {
    const source = fakeSource({
      results: () => ({
        items: [
          result('a', 'kept', { annotation: 'Public' }),
          result('a', 'fine', { compliance: 'COMPLIANT' }),
          result('other', 'stray')
        ]
      })
    })
    const read = await readNonCompliantResources(source, 'alpha', 'a', () =>
      AbortSignal.timeout(1_000)
    )
    expect(read).toEqual({
      kind: 'complete',
      resources: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'kept', annotation: 'Public' }]
    })
  })

  it('reads a repeated token no further and calls the resources incomplete', async () => {
    const source = fakeSource({
      results: (_names, token) => ({
        items: [result('a', token ? 'second' : 'first')],
        nextToken: 'loop'
      })
    })
    const read = await readNonCompliantResources(source, 'alpha', 'a', () =>
      AbortSignal.timeout(1_000)
    )
    expect(read.kind).toBe('capped')
    expect(read.resources.map((r) => r.resourceId)).toEqual(['first', 'second'])
    expect(source.calls.map((c) => c.token)).toEqual([undefined, 'loop'])
  })

  it('lets a failed request end the read with its error', async () => {
    const source = fakeSource({})
    source.statuses = () => Promise.reject(new Error('ThrottlingException'))
    await expect(readStatuses(source, ['a'], () => AbortSignal.timeout(1_000))).rejects.toThrow(
      'ThrottlingException'
    )
  })
})
