import { describe, expect, it } from 'vitest'
import { packStatus } from '../../support/builders.js'
import type { PackStatus } from '../../../src/packs/pack-state.js'
import { packAnnotations, statusEntry } from '../../../src/publish/report.js'
import { headline } from '../../../src/report/headline.js'
import { decide, type VerdictPolicy } from '../../../src/verdict/verdict.js'
import type { WaitEnd } from '../../../src/wait/wait-for-packs.js'

const REGION = 'us-east-1'
const requestedAt = new Date('2024-05-01T10:00:00.000Z')
const completedAt = new Date('2024-05-01T10:03:12.000Z')
const STRICT: VerdictPolicy = { missingPack: 'fail', failOnFailure: true }

const complete = packStatus('alpha', 'CREATE_COMPLETE', {
  id: 'conformance-pack-abc',
  arn: 'arn:aws:config:us-east-1:123456789012:conformance-pack/alpha/conformance-pack-abc',
  stackArn: 'arn:aws:cloudformation:us-east-1:123456789012:stack/awsconfigconforms-alpha/1',
  requestedAt,
  completedAt
})

const failed = packStatus('beta', 'CREATE_FAILED', {
  reason: 'Rule r1 is invalid',
  requestedAt
})

describe('statusEntry', () => {
  it('carries every field, times in ISO 8601, and the region', () => {
    expect(statusEntry(complete, REGION)).toEqual({
      name: 'alpha',
      state: 'CREATE_COMPLETE',
      id: 'conformance-pack-abc',
      arn: 'arn:aws:config:us-east-1:123456789012:conformance-pack/alpha/conformance-pack-abc',
      stackArn: 'arn:aws:cloudformation:us-east-1:123456789012:stack/awsconfigconforms-alpha/1',
      region: REGION,
      lastUpdateRequestedTime: '2024-05-01T10:00:00.000Z',
      lastUpdateCompletedTime: '2024-05-01T10:03:12.000Z'
    })
  })

  it('omits absent fields instead of writing undefined keys', () => {
    const entry = statusEntry({ name: 'gamma', state: 'NOT_FOUND' }, REGION)
    expect(Object.keys(entry).sort()).toEqual(['name', 'region', 'state'])
    expect(JSON.stringify(entry)).toBe('{"name":"gamma","state":"NOT_FOUND","region":"us-east-1"}')
  })

  it('keeps only the fields present on a failed pack', () => {
    const entry = statusEntry(failed, 'eu-west-1')
    expect(Object.keys(entry).sort()).toEqual([
      'lastUpdateRequestedTime',
      'name',
      'reason',
      'region',
      'state'
    ])
    expect(entry.reason).toBe('Rule r1 is invalid')
    expect(entry.region).toBe('eu-west-1')
  })

  it('gives an UNKNOWN pack its reason and no detail fields', () => {
    const entry = statusEntry({ name: 'delta', state: 'UNKNOWN', reason: 'no answer' }, REGION)
    expect(entry).toEqual({ name: 'delta', state: 'UNKNOWN', reason: 'no answer', region: REGION })
  })

  it('does not carry the stale reason of a deleted pack', () => {
    const entry = statusEntry(
      {
        name: 'eps',
        state: 'DELETE_COMPLETE',
        detail: { name: 'eps', state: 'DELETE_IN_PROGRESS', reason: 'old', requestedAt }
      },
      REGION
    )
    expect(Object.keys(entry)).not.toContain('reason')
    expect(entry.state).toBe('DELETE_COMPLETE')
    expect(entry.lastUpdateRequestedTime).toBe('2024-05-01T10:00:00.000Z')
  })
})

describe('packAnnotations', () => {
  it('annotates a failed pack as an error with pack, state and reason', () => {
    const notes = packAnnotations([complete, failed], STRICT, REGION)
    expect(notes).toHaveLength(1)
    const [note] = notes
    expect(note.level).toBe('error')
    expect(note.title).toContain('beta')
    expect(note.message).toContain('beta')
    expect(note.message).toContain('CREATE_FAILED')
    expect(note.message).toContain('Rule r1 is invalid')
    expect(note.message).toContain(REGION)
  })

  it('annotates a failed pack as a warning when fail-on-failure is false', () => {
    const notes = packAnnotations([failed], { missingPack: 'fail', failOnFailure: false }, REGION)
    expect(notes.map((n) => n.level)).toEqual(['warning'])
  })

  it('says when AWS Config gave no reason for a DELETE_FAILED pack', () => {
    const notes = packAnnotations([packStatus('zeta', 'DELETE_FAILED')], STRICT, REGION)
    expect(notes).toHaveLength(1)
    expect(notes[0].message).toContain('DELETE_FAILED')
    expect(notes[0].message).toContain('no reason')
  })

  it('annotates NOT_FOUND as an error under missing-pack fail, a warning otherwise', () => {
    const missing: PackStatus = { name: 'gamma', state: 'NOT_FOUND' }
    const levels = (['fail', 'wait', 'ignore'] as const).map(
      (missingPack) => packAnnotations([missing], { missingPack, failOnFailure: true }, REGION)[0]
    )
    expect(levels.map((n) => n.level)).toEqual(['error', 'warning', 'warning'])
    for (const note of levels) {
      expect(note.message).toContain('gamma')
      expect(note.title).toContain('NOT_FOUND')
    }
  })

  it('says which state a vanished pack was in', () => {
    const vanished: PackStatus = {
      name: 'gamma',
      state: 'NOT_FOUND',
      detail: { name: 'gamma', state: 'CREATE_IN_PROGRESS' }
    }
    expect(packAnnotations([vanished], STRICT, REGION)[0].message).toContain('CREATE_IN_PROGRESS')
  })

  it('leaves completed, pending and unknown packs alone', () => {
    const packs: PackStatus[] = [
      complete,
      packStatus('p', 'CREATE_IN_PROGRESS'),
      { name: 'u', state: 'UNKNOWN' }
    ]
    expect(packAnnotations(packs, STRICT, REGION)).toEqual([])
  })
})

describe('headline', () => {
  const pending = packStatus('gamma', 'CREATE_IN_PROGRESS')

  it('names the pending packs on a timeout', () => {
    const packs: PackStatus[] = [complete, pending, { name: 'delta', state: 'UNKNOWN' }]
    const end: WaitEnd = { kind: 'deadline' }
    const line = headline(decide(packs, end, STRICT), end, 1_800_000)
    expect(line).toContain('Timed out after 30m00s')
    expect(line).toContain('gamma, delta')
    expect(line).not.toContain('alpha')
  })

  it('adds the last error to a timeout', () => {
    const end: WaitEnd = { kind: 'deadline', lastError: 'throttled (ThrottlingException): slow' }
    const line = headline(decide([pending], end, STRICT), end, 60_000)
    expect(line).toContain('gamma')
    expect(line).toContain('last error: throttled (ThrottlingException): slow')
  })

  it('lists failed and missing packs on a failure', () => {
    const end: WaitEnd = { kind: 'settled' }
    const line = headline(
      decide([complete, failed, { name: 'gamma', state: 'NOT_FOUND' }], end, STRICT),
      end,
      5_000
    )
    expect(line).toContain('1 conformance pack(s) failed: beta')
    expect(line).toContain('1 not found: gamma')
  })

  it('is the error message when the wait ended on an error', () => {
    const end: WaitEnd = { kind: 'error', message: 'Access denied (AccessDeniedException)' }
    expect(headline(decide([pending], end, STRICT), end, 0)).toBe(
      'Access denied (AccessDeniedException)'
    )
  })

  it('counts the completed packs on success and names ignored missing ones', () => {
    const end: WaitEnd = { kind: 'settled' }
    const policy: VerdictPolicy = { missingPack: 'ignore', failOnFailure: true }
    const line = headline(
      decide([complete, { name: 'gamma', state: 'NOT_FOUND' }], end, policy),
      end,
      192_000
    )
    expect(line).toMatch(/^All 1 conformance pack\(s\) \w+ after 3m12s/)
    expect(line).toContain('gamma')
  })

  it('says there was nothing to wait for when a successful wait saw no packs', () => {
    const end: WaitEnd = { kind: 'settled' }
    const line = headline(decide([], end, STRICT), end, 1_000)
    expect(line).toContain('No conformance pack was found in the region: nothing was checked there')
    expect(line).not.toContain('All 0')
  })

  it('names the pending packs on a cancellation', () => {
    const end: WaitEnd = { kind: 'cancelled' }
    const line = headline(decide([complete, pending], end, STRICT), end, 65_000)
    expect(line).toContain('Cancelled after 1m05s')
    expect(line).toContain('gamma')
  })
})
