import { describe, expect, it } from 'vitest'
import { packStatus } from '../../support/builders.js'
import { decide, type VerdictPolicy } from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const SETTLED: WaitEnd = { kind: 'settled' }
const DEADLINE: WaitEnd = { kind: 'deadline' }
const CANCELLED: WaitEnd = { kind: 'cancelled' }
const ERROR: WaitEnd = { kind: 'error', message: 'Access denied' }

const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }

describe('decide: result', () => {
  it('success when every pack completed', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'DELETE_COMPLETE')],
      SETTLED,
      STRICT
    )
    expect(verdict).toEqual({
      result: 'success',
      failStep: false,
      completed: ['a', 'b'],
      failed: [],
      pending: [],
      missing: []
    })
  })

  it('success with no packs at all', () => {
    expect(decide([], SETTLED, STRICT)).toMatchObject({ result: 'success', failStep: false })
  })

  it.each(['CREATE_FAILED', 'DELETE_FAILED'] as const)('failure when a pack is %s', (state) => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', state)],
      SETTLED,
      STRICT
    )
    expect(verdict).toMatchObject({ result: 'failure', failStep: true, failed: ['b'] })
  })

  it('failure when a pack is NOT_FOUND under missing-pack fail', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'NOT_FOUND')],
      SETTLED,
      STRICT
    )
    expect(verdict).toMatchObject({ result: 'failure', failStep: true, missing: ['b'] })
  })

  it('failure when the wait ended on an error, even with every pack complete', () => {
    expect(decide([packStatus('a', 'CREATE_COMPLETE')], ERROR, STRICT)).toMatchObject({
      result: 'failure',
      failStep: true
    })
  })

  it('failure outranks timeout: a failed pack at the deadline is a failure', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_FAILED'), packStatus('b', 'CREATE_IN_PROGRESS')],
      DEADLINE,
      STRICT
    )
    expect(verdict).toMatchObject({
      result: 'failure',
      failStep: true,
      failed: ['a'],
      pending: ['b']
    })
  })

  it('timeout when the deadline passed', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'CREATE_IN_PROGRESS')],
      DEADLINE,
      STRICT
    )
    expect(verdict).toMatchObject({
      result: 'timeout',
      failStep: true,
      completed: ['a'],
      pending: ['b']
    })
  })

  it('timeout at the deadline even when nothing is left pending', () => {
    expect(decide([packStatus('a', 'CREATE_COMPLETE')], DEADLINE, STRICT)).toMatchObject({
      result: 'timeout',
      failStep: true
    })
  })

  it('timeout when something is still pending although the wait says settled', () => {
    expect(decide([packStatus('a', 'DELETE_IN_PROGRESS')], SETTLED, STRICT)).toMatchObject({
      result: 'timeout',
      failStep: true,
      pending: ['a']
    })
  })

  it('UNKNOWN counts as pending', () => {
    expect(decide([packStatus('a', 'UNKNOWN')], DEADLINE, STRICT)).toMatchObject({
      result: 'timeout',
      pending: ['a'],
      completed: [],
      missing: []
    })
  })

  it('cancelled overrides everything', () => {
    for (const packs of [
      [packStatus('a', 'CREATE_COMPLETE')],
      [packStatus('a', 'CREATE_FAILED'), packStatus('b', 'NOT_FOUND')],
      [packStatus('a', 'CREATE_IN_PROGRESS')]
    ]) {
      expect(decide(packs, CANCELLED, STRICT)).toMatchObject({
        result: 'cancelled',
        failStep: true
      })
    }
  })

  it('cancelled keeps the pack lists', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'CREATE_IN_PROGRESS')],
      CANCELLED,
      STRICT
    )
    expect(verdict).toMatchObject({ completed: ['a'], pending: ['b'] })
  })
})

describe('decide: fail-on-failure false', () => {
  const LENIENT: VerdictPolicy = { missingPack: 'fail', failOnFailure: false }

  it('reports a failed pack as failure but lets the step pass when the wait settled', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'CREATE_FAILED')],
      SETTLED,
      LENIENT
    )
    expect(verdict).toMatchObject({ result: 'failure', failStep: false, failed: ['b'] })
  })

  it('still fails the step at the deadline', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_FAILED'), packStatus('b', 'CREATE_IN_PROGRESS')],
      DEADLINE,
      LENIENT
    )
    expect(verdict).toMatchObject({ result: 'failure', failStep: true })
  })

  it('still fails the step for a missing pack under missing-pack fail', () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_FAILED'), packStatus('b', 'NOT_FOUND')],
      SETTLED,
      LENIENT
    )
    expect(verdict).toMatchObject({ result: 'failure', failStep: true })
  })

  it('still fails the step on an error end', () => {
    expect(decide([packStatus('a', 'CREATE_FAILED')], ERROR, LENIENT)).toMatchObject({
      result: 'failure',
      failStep: true
    })
  })
})

describe('decide: missing packs', () => {
  it("under 'wait' a missing pack at the deadline is both missing and pending", () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'NOT_FOUND')],
      DEADLINE,
      {
        missingPack: 'wait',
        failOnFailure: true
      }
    )
    expect(verdict).toMatchObject({
      result: 'timeout',
      failStep: true,
      missing: ['b'],
      pending: ['b']
    })
  })

  it("under 'ignore' a missing pack is reported but the result is success", () => {
    const verdict = decide(
      [packStatus('a', 'CREATE_COMPLETE'), packStatus('b', 'NOT_FOUND')],
      SETTLED,
      {
        missingPack: 'ignore',
        failOnFailure: true
      }
    )
    expect(verdict).toEqual({
      result: 'success',
      failStep: false,
      completed: ['a'],
      failed: [],
      pending: [],
      missing: ['b']
    })
  })

  it('keeps the input order in every list', () => {
    const verdict = decide(
      [
        packStatus('z', 'CREATE_COMPLETE'),
        packStatus('y', 'CREATE_FAILED'),
        packStatus('x', 'DELETE_COMPLETE'),
        packStatus('w', 'DELETE_FAILED'),
        packStatus('v', 'NOT_FOUND'),
        packStatus('u', 'NOT_FOUND')
      ],
      SETTLED,
      { missingPack: 'ignore', failOnFailure: true }
    )
    expect(verdict).toMatchObject({
      completed: ['z', 'x'],
      failed: ['y', 'w'],
      missing: ['v', 'u'],
      pending: []
    })
  })
})
