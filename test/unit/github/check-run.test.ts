import { describe, expect, it } from 'vitest'
import {
  CHECK_SUMMARY_LIMIT,
  checkTitle,
  commitUnderTest,
  conclusionFor,
  fitCheckSummary
} from '../../../src/publish/check-view.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const NOTE = /cut to fit the 65,535-character limit.*full table is in the job summary/s

describe('fitCheckSummary', () => {
  it('leaves a summary exactly at the limit untouched', () => {
    const markdown = 'x'.repeat(CHECK_SUMMARY_LIMIT)
    expect(fitCheckSummary(markdown)).toBe(markdown)
    expect(fitCheckSummary('short')).toBe('short')
  })

  it('cuts a summary one over the limit to fit, with a note pointing at the job summary', () => {
    const markdown = 'x'.repeat(CHECK_SUMMARY_LIMIT + 1)
    const fitted = fitCheckSummary(markdown)
    expect(fitted.length).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT)
    expect(bytes(fitted)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT)
    expect(fitted).toMatch(NOTE)
    expect(fitted.startsWith('x'.repeat(60_000))).toBe(true)
  })

  it('counts UTF-8 bytes, as GitHub does, and never splits a character', () => {
    // Fewer characters than the limit, but three bytes each.
    const markdown = '✅'.repeat(30_000)
    expect(markdown.length).toBeLessThan(CHECK_SUMMARY_LIMIT)
    const fitted = fitCheckSummary(markdown)
    expect(bytes(fitted)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT)
    expect(fitted).toMatch(NOTE)
    expect(fitted).not.toContain('\uFFFD')
    const body = fitted.slice(0, fitted.indexOf('\n\n---\n'))
    expect(body).toMatch(/^(✅)+$/)
    expect(bytes(body)).toBeGreaterThan(CHECK_SUMMARY_LIMIT - 1_000)
  })

  it('cuts a long table after a whole row and closes the table', () => {
    const rowHtml = (i: number): string =>
      `<tr><td>pack-${i}</td><td>✅ CREATE_COMPLETE</td><td>–</td></tr>`
    const rows = Array.from({ length: 2_000 }, (_, i) => rowHtml(i)).join('')
    const markdown = `<h2>✅ AWS Config conformance packs: success</h2>\n<table>${rows}</table>\n`
    expect(bytes(markdown)).toBeGreaterThan(CHECK_SUMMARY_LIMIT)
    const fitted = fitCheckSummary(markdown)
    expect(bytes(fitted)).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT)
    const body = fitted.slice(0, fitted.search(/\n\n---\n/))
    expect(body.endsWith('</tr></table>')).toBe(true)
    expect(body.split('<tr>').length).toBe(body.split('</tr>').length)
    expect(fitted).toMatch(NOTE)
  })
})

describe('commitUnderTest', () => {
  const env = { GITHUB_SHA: 'merge0000000000000000000000000000000000' }

  it("takes a pull request's head sha over GITHUB_SHA (the merge commit)", () => {
    const payload = { pull_request: { number: 7, head: { sha: 'head111' }, base: { sha: 'b' } } }
    expect(commitUnderTest(env, payload)).toBe('head111')
  })

  it('takes GITHUB_SHA for a push and for a missing or odd payload', () => {
    expect(commitUnderTest(env, { ref: 'refs/heads/main', head_commit: { id: 'x' } })).toBe(
      env.GITHUB_SHA
    )
    expect(commitUnderTest(env, undefined)).toBe(env.GITHUB_SHA)
    expect(commitUnderTest(env, { pull_request: { head: { sha: '' } } })).toBe(env.GITHUB_SHA)
    expect(commitUnderTest(env, { pull_request: null })).toBe(env.GITHUB_SHA)
  })

  it('is undefined when neither is known', () => {
    expect(commitUnderTest({}, {})).toBeUndefined()
    expect(commitUnderTest({ GITHUB_SHA: '' }, {})).toBeUndefined()
  })
})

describe('conclusionFor', () => {
  it.each([
    ['success', true, 'success'],
    ['success', false, 'success'],
    ['failure', true, 'failure'],
    ['failure', false, 'neutral'],
    ['noncompliant', true, 'failure'],
    ['noncompliant', false, 'failure'],
    ['timeout', true, 'timed_out'],
    ['cancelled', true, 'cancelled']
  ] as const)('%s (step fails: %s) → %s', (result, failStep, conclusion) => {
    expect(conclusionFor(result, failStep)).toBe(conclusion)
  })
})

describe('checkTitle', () => {
  it('counts the deployed packs of all, with the failed ones once done', () => {
    expect(checkTitle({ completed: 2, failed: 1, pending: 0, missing: 0 }, true)).toBe(
      '2 of 3 packs deployed, 1 failed'
    )
    expect(checkTitle({ completed: 1, failed: 0, pending: 0, missing: 0 }, true)).toBe(
      '1 of 1 pack deployed'
    )
    expect(checkTitle({ completed: 1, failed: 0, pending: 2, missing: 1 }, true)).toBe(
      '1 of 4 packs deployed, 1 not found, 2 pending'
    )
  })

  it('says it is waiting while packs are pending, without counting them separately', () => {
    expect(checkTitle({ completed: 1, failed: 0, pending: 2, missing: 0 }, false)).toBe(
      'Waiting: 1 of 3 packs deployed'
    )
    expect(checkTitle({ completed: 0, failed: 1, pending: 1, missing: 0 }, false)).toBe(
      'Waiting: 0 of 2 packs deployed, 1 failed'
    )
  })

  it('names the empty cases', () => {
    const none = { completed: 0, failed: 0, pending: 0, missing: 0 }
    expect(checkTitle(none, false)).toBe('Waiting for conformance packs')
    expect(checkTitle(none, true)).toBe('No conformance packs found')
  })
})
