import { describe, expect, it } from 'vitest'
import { parseBaseline } from '../../../src/baseline/parse.js'
import { applyBaseline, newFindingsOnly } from '../../../src/compliance/baseline-gate.js'
import type { ComplianceEntry } from '../../../src/compliance/gate.js'

/** How the gate sees a pack under a baseline: only what no entry accepts counts. */

const TODAY = Date.parse('2026-12-05T12:00:00Z')
const bucket = (id: string) => ({ resourceType: 'AWS::S3::Bucket', resourceId: id })
const pack = (truncated: boolean): ComplianceEntry => ({
  name: 's3-security',
  region: 'us-east-1',
  compliance: 'NON_COMPLIANT',
  nonCompliantRules: ['public-read-conformance-pack-k3x9q2m7a'],
  rules: [
    {
      name: 'public-read-conformance-pack-k3x9q2m7a',
      compliance: 'NON_COMPLIANT',
      nonCompliantResources: [bucket('logs'), bucket('web')],
      ...(truncated ? { resourcesTruncated: true as const } : {})
    }
  ]
})
const baseline = (...entries: string[]) =>
  parseBaseline(`version: 1\nfindings:\n${entries.join('')}`, 'b.yml', 'compliance-baseline')
const entry = (id: string) => `  - rule: public-read\n    resourceId: "${id}"\n`

function judged(entries: ComplianceEntry[], file: ReturnType<typeof baseline>) {
  const applied = applyBaseline(entries, file, TODAY)
  return newFindingsOnly(applied.entries, applied.result.unreadNotAccepted)[0]
}

describe('the gate under a baseline', () => {
  it('passes a rule whose every resource is known', () => {
    expect(judged([pack(false)], baseline(entry('logs'), entry('web'))).compliance).toBe(
      'COMPLIANT'
    )
  })

  it('keeps failing a rule with one resource no entry accepts, naming only that one', () => {
    const pack1 = judged([pack(false)], baseline(entry('logs')))
    expect(pack1.compliance).toBe('NON_COMPLIANT')
    expect(pack1.rules?.[0].nonCompliantResources.map((r) => r.resourceId)).toEqual(['web'])
  })

  it('keeps failing a rule whose resources were not all read, unless an entry accepts every resource of it', () => {
    expect(judged([pack(true)], baseline(entry('logs'), entry('web'))).compliance).toBe(
      'NON_COMPLIANT'
    )
    expect(judged([pack(true)], baseline(entry('*'))).compliance).toBe('COMPLIANT')
  })
})
