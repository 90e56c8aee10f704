import { describe, expect, it } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { createRuleEvaluationSource } from '../../src/aws/rule-evaluation-source.js'
import { MAX_IN_FLIGHT } from '../../src/compliance/evaluation-round.js'
import { waitForEvaluation } from '../../src/compliance/evaluation-wait.js'
import { systemClock } from '../../src/shared/clock.js'
import type { ConfigEmulator } from '../emulator/config-emulator.js'
import { type EmulatedPack } from '../emulator/config-emulator.js'
import { recordingLog } from '../support/doubles.js'
import { emulatorSession } from '../support/emulator-session.js'

/**
 * What a round of the evaluation wait costs, counted by the emulator: one listing per pack,
 * statuses 25 names a call across packs, and at most MAX_IN_FLIGHT requests at once.
 */

const session = emulatorSession()

/** Long enough before the wait that a listing's compliance already holds the evaluation. */
const REQUEST_LEAD_MS = 5 * 60_000

/** `packs` packs of `rules` rules each; rule j of every pack evaluated at `evaluatedAt(j)` ms after the request. */
async function run(
  packs: number,
  rules: number,
  evaluatedAt: (rule: number) => number,
  latencyMs = 0
) {
  const requestedAt = Date.now() - REQUEST_LEAD_MS
  const scenario: EmulatedPack[] = Array.from({ length: packs }, (_, i) => ({
    name: `pack-${i}`,
    timeline: [{ state: 'CREATE_COMPLETE' }],
    requestedAt,
    rules: Array.from({ length: rules }, (_, j) => ({
      name: `pack-${i}-rule-${j}`,
      evaluations: [
        {
          atMs: evaluatedAt(j),
          results: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'b', compliance: 'COMPLIANT' }]
        }
      ]
    }))
  }))
  const emulator = await session.start({ packs: scenario, latencyMs })
  const client = createConfigClient('us-east-1', process.env)
  try {
    const read = await waitForEvaluation(
      scenario.map((p) => ({ name: p.name, requestedAt })),
      {
        port: createRuleEvaluationSource(client),
        stackEvents: () => Promise.reject(new Error('no stack is read here')),
        startEvaluation: false,
        clock: systemClock,
        deadline: Date.now() + 10_000,
        signal: new AbortController().signal,
        log: recordingLog(),
        minDelayMs: 20,
        maxDelayMs: 50
      }
    )
    return { read, emulator }
  } finally {
    client.destroy()
  }
}

const statusNames = (e: ConfigEmulator) =>
  e.requests
    .filter((r) => r.target.endsWith('.DescribeConfigRuleEvaluationStatus'))
    .map((r) => r.body.ConfigRuleNames as string[])

const listings = (e: ConfigEmulator) =>
  e.requests.filter(
    (r) => r.target.endsWith('.DescribeConformancePackCompliance') && !r.body.Filters
  )

describe('the evaluation wait’s rounds, counted by the emulator', () => {
  it('20 packs of 10 evaluated rules: 20 listings and 8 status reads, at most 4 requests at once', async () => {
    const { read, emulator: e } = await run(20, 10, () => 3_000, 20)
    expect(read.kind).toBe('done')
    expect(read.packs).toHaveLength(20)
    expect(listings(e)).toHaveLength(20)
    expect(e.callsOf('DescribeConformancePackCompliance')).toBe(20)
    // ⌈200 / 25⌉: the batches mix packs (25 names span three packs of 10).
    const batches = statusNames(e)
    expect(batches).toHaveLength(8)
    expect(batches.every((names) => names.length === 25)).toBe(true)
    expect(new Set(batches.flat()).size).toBe(200)
    expect(new Set(batches[0].map((n) => n.replace(/-rule-\d+$/, ''))).size).toBeGreaterThan(1)
    // With 20 ms of latency, the 20 listings and the 8 reads overlap, never more than 4 at once.
    expect(MAX_IN_FLIGHT).toBe(4)
    expect(e.maxInFlight('DescribeConformancePackCompliance')).toBe(4)
    expect(e.maxInFlight('DescribeConfigRuleEvaluationStatus')).toBe(4)
  })

  it('lists each pack once while its rules settle over several rounds, asking only about unsettled rules', async () => {
    // Rule j of each pack is evaluated j × 150 ms after the wait starts.
    const { read, emulator: e } = await run(3, 4, (j) => REQUEST_LEAD_MS + 100 + j * 150)
    expect(read.kind).toBe('done')
    expect(listings(e)).toHaveLength(3)
    const batches = statusNames(e)
    expect(batches.length).toBeGreaterThan(2)
    // Every round is one call for the 12 rules of three packs, shrinking as they settle.
    expect(batches[0]).toHaveLength(12)
    for (let i = 1; i < batches.length; i++) {
      expect(batches[i].length).toBeLessThanOrEqual(batches[i - 1].length)
      expect(batches[i].every((name) => batches[i - 1].includes(name))).toBe(true)
    }
    // Each rule that settled after the listing had its compliance read once, filtered by name.
    const rereads = e.requests
      .filter((r) => r.target.endsWith('.DescribeConformancePackCompliance') && r.body.Filters)
      .flatMap((r) => (r.body.Filters as { ConfigRuleNames: string[] }).ConfigRuleNames)
    expect(rereads.sort()).toEqual([...new Set(rereads)].sort())
    expect(rereads.length).toBeGreaterThanOrEqual(9)
  })
})
