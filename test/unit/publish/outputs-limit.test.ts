import { describe, expect, it } from 'vitest'
import {
  JOB_OUTPUTS_LIMIT_BYTES,
  STATUSES_LIMIT_BYTES,
  limitStatuses,
  outputValues,
  type StatusesTruncated
} from '../../../src/publish/outputs.js'
import type { StatusEntry } from '../../../src/publish/report.js'

/** A pack's entry as a real account pack's looks, about 400 bytes of JSON. */
function entry(i: number, state: string): StatusEntry {
  const name = `pack-${String(i).padStart(5, '0')}`
  return {
    name,
    state,
    id: `conformance-pack-${i.toString(36).padStart(9, 'x')}`,
    arn: `arn:aws:config:us-east-1:123456789012:conformance-pack/${name}/conformance-pack-${i}`,
    stackArn: `arn:aws:cloudformation:us-east-1:123456789012:stack/awsconfigconforms-${name}/0b1d${i}`,
    region: 'us-east-1',
    lastUpdateRequestedTime: '2026-12-01T08:00:00.000Z',
    ...(state === 'CREATE_COMPLETE' && { lastUpdateCompletedTime: '2026-12-01T08:03:00.000Z' }),
    ...(state === 'CREATE_FAILED' && { reason: 'The stack failed to create a resource.' })
  }
}

/** 5,000 packs: every 50th failed, every 20th still in progress, the rest complete. */
const STATES = (i: number): string =>
  i % 50 === 7 ? 'CREATE_FAILED' : i % 20 === 3 ? 'CREATE_IN_PROGRESS' : 'CREATE_COMPLETE'
const packs = Array.from({ length: 5_000 }, (_, i) => entry(i, STATES(i)))
const size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8')

describe('the statuses output at scale', () => {
  it('at 5,000 packs the whole list would pass GitHub’s 1 MB', () => {
    expect(size(packs)).toBeGreaterThan(JOB_OUTPUTS_LIMIT_BYTES)
  })

  it('trims to the limit, failed and pending first, and ends with a marker a script can test', () => {
    const out = limitStatuses(packs)
    expect(size(out)).toBeLessThanOrEqual(STATUSES_LIMIT_BYTES)
    const marker = out.at(-1) as StatusesTruncated
    const kept = out.slice(0, -1) as StatusEntry[]
    expect(marker).toMatchObject({ truncated: true, total: 5_000, omitted: 5_000 - kept.length })
    expect(marker.see).toContain('failed-packs')
    expect(kept.every((e) => !('truncated' in e))).toBe(true)

    const failed = packs.filter((p) => p.state === 'CREATE_FAILED')
    const pending = packs.filter((p) => p.state === 'CREATE_IN_PROGRESS')
    expect(kept.slice(0, failed.length)).toEqual(failed)
    expect(kept.slice(failed.length, failed.length + pending.length)).toEqual(pending)
    expect(
      kept.slice(failed.length + pending.length).every((e) => e.state === 'CREATE_COMPLETE')
    ).toBe(true)
    // As many as fit: one more entry would pass the limit.
    const next = packs.find((p) => p.state === 'CREATE_COMPLETE' && !kept.includes(p))
    expect(size([...kept, next, marker])).toBeGreaterThan(STATUSES_LIMIT_BYTES)
  })

  it('cuts in the job summary’s order: failed, then pending, then missing, then completed', () => {
    const mixed = ['CREATE_COMPLETE', 'NOT_FOUND', 'CREATE_IN_PROGRESS', 'CREATE_FAILED'].map(
      (state, i) => entry(i, state)
    )
    const kept = limitStatuses(mixed, size(mixed) - 1)
    expect(kept.slice(0, -1).map((e) => ('state' in e ? e.state : ''))).toEqual([
      'CREATE_FAILED',
      'CREATE_IN_PROGRESS',
      'NOT_FOUND'
    ])
  })

  it('keeps the list whole and in order while it fits', () => {
    const few = packs.slice(0, 1_000)
    expect(limitStatuses(few)).toEqual(few)
    expect(limitStatuses(few, size(few))).toEqual(few)
    expect(limitStatuses(few, size(few) - 1).at(-1)).toMatchObject({ truncated: true })
  })

  it('keeps all the outputs of a 5,000-pack run under 1 MB together', () => {
    const names = (state: string): string[] =>
      packs.filter((p) => p.state === state).map((p) => p.name)
    const values = outputValues({
      result: 'failure',
      statuses: limitStatuses(packs),
      'completed-packs': names('CREATE_COMPLETE'),
      'failed-packs': names('CREATE_FAILED'),
      'pending-packs': names('CREATE_IN_PROGRESS'),
      'missing-packs': [],
      compliance: [],
      'new-findings': [],
      'noncompliant-packs': []
    })
    const total = values.reduce(
      (sum, [name, value]) => sum + name.length + Buffer.byteLength(value),
      0
    )
    expect(total).toBeLessThan(JOB_OUTPUTS_LIMIT_BYTES)
  })
})
