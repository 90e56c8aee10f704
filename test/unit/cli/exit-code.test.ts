import { describe, expect, it } from 'vitest'
import { EXIT, EXIT_CODES, exitCode, type RunResult } from '../../../src/cli/exit-code.js'

const result = (result: RunResult, failStep: boolean) =>
  ({ kind: 'result', result, failStep }) as const

describe('exitCode', () => {
  it.each([
    [result('success', false), 0],
    [result('failure', true), 1],
    [result('noncompliant', true), 1],
    [result('timeout', true), 2],
    [result('cancelled', true), 130],
    [{ kind: 'usage' } as const, 64]
  ])('%j exits %i', (end, code) => {
    expect(exitCode(end)).toBe(code)
  })

  it('exits 0 for a failed pack under fail-on-failure false, as the step passes', () => {
    expect(exitCode(result('failure', false))).toBe(EXIT.success)
  })

  it('exits with the signal whatever the run found before it', () => {
    for (const r of ['success', 'failure', 'timeout', 'cancelled'] as const) {
      expect(exitCode(result(r, r !== 'success'), 'SIGINT')).toBe(130)
      expect(exitCode(result(r, r !== 'success'), 'SIGTERM')).toBe(143)
    }
  })

  it('documents each code once', () => {
    expect(EXIT_CODES.map((e) => e.code)).toEqual([0, 1, 2, 64, 130, 143])
  })
})
