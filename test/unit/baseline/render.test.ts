import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/baseline/finding.js'
import { judgeFindings } from '../../../src/baseline/judge.js'
import { parseBaseline } from '../../../src/baseline/parse.js'
import { renderBaseline } from '../../../src/baseline/render.js'

const META = { writtenBy: 'wait-for-conformance-packs', at: new Date('2026-12-05T12:00:00.456Z') }
const TODAY = Date.parse('2026-12-05T12:00:00Z')

function finding(
  region: string,
  pack: string,
  rule: string,
  resourceId: string,
  resourceType = 'AWS::S3::Bucket'
): Finding {
  return { region, pack, rule, resourceType, resourceId }
}

const FINDINGS: Finding[] = [
  finding('us-east-1', 'security', 's3-versioning-conformance-pack-hbmlt5imw', 'logs'),
  finding('eu-west-1', 'security', 's3-versioning-conformance-pack-abcdefghi', 'data'),
  finding(
    'us-east-1',
    'access',
    'iam-root-access-key-check-conformance-pack-8bzjqtjiy',
    '012345678901',
    'AWS::::Account'
  ),
  finding('us-east-1', 'security', 's3-versioning-conformance-pack-hbmlt5imw', 'archive'),
  finding(
    'us-east-1',
    'security',
    's3-versioning-conformance-pack-hbmlt5imw',
    'logs',
    'AWS::S3::AccessPoint'
  )
]

/** Round trip: the rendered text read back as a baseline, judged against `findings`. */
function judgeRendered(rendered: string, findings: readonly Finding[]): string[] {
  const baseline = parseBaseline(rendered, 'baseline.yml', 'compliance-baseline')
  return judgeFindings(baseline, findings, TODAY).findings.map((f) => f.status)
}

describe('renderBaseline', () => {
  it('starts with a comment saying what wrote it and when, to the second', () => {
    const [first] = renderBaseline(FINDINGS, META).split('\n')
    expect(first).toMatch(/^# Written by wait-for-conformance-packs on 2026-12-05T12:00:00Z: /)
  })

  it('keeps a name with a line break in its one comment line', () => {
    const text = renderBaseline([], { ...META, writtenBy: 'tool\nversion: 2' })
    expect(text.split('\n')[0]).toMatch(/^# Written by tool version: 2 on /)
    expect(parseBaseline(text, 'b.yml', 'i').entries).toEqual([])
  })

  it('writes version 1 and the entries sorted by region, pack, rule, resource type and id', () => {
    expect(parse(renderBaseline(FINDINGS, META))).toEqual({
      version: 1,
      findings: [
        {
          rule: 's3-versioning',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'data',
          pack: 'security',
          region: 'eu-west-1'
        },
        {
          rule: 'iam-root-access-key-check',
          resourceType: 'AWS::::Account',
          resourceId: '012345678901',
          pack: 'access',
          region: 'us-east-1'
        },
        {
          rule: 's3-versioning',
          resourceType: 'AWS::S3::AccessPoint',
          resourceId: 'logs',
          pack: 'security',
          region: 'us-east-1'
        },
        {
          rule: 's3-versioning',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'archive',
          pack: 'security',
          region: 'us-east-1'
        },
        {
          rule: 's3-versioning',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'logs',
          pack: 'security',
          region: 'us-east-1'
        }
      ]
    })
  })

  it('sorts by code unit, not by locale', () => {
    const ids = ['b', 'B', 'a', 'Z', 'é']
    const text = renderBaseline(
      ids.map((id) => finding('r', 'p', 'rule', id)),
      META
    )
    const written = (parse(text) as { findings: { resourceId: string }[] }).findings
    expect(written.map((e) => e.resourceId)).toEqual(['B', 'Z', 'a', 'b', 'é'])
  })

  it('writes the same text whatever the order of the findings, with no time in the entries', () => {
    const text = renderBaseline(FINDINGS, META)
    expect(renderBaseline([...FINDINGS].reverse(), META)).toBe(text)
    const later = renderBaseline(FINDINGS, { ...META, at: new Date('2027-01-01T00:00:00Z') })
    expect(later.split('\n').slice(1)).toEqual(text.split('\n').slice(1))
  })

  it('writes a finding once, also when only its rule suffix differs', () => {
    const twice = [
      ...FINDINGS,
      FINDINGS[0],
      { ...FINDINGS[0], rule: 's3-versioning-conformance-pack-zzzzzzzzz' }
    ]
    expect(renderBaseline(twice, META)).toBe(renderBaseline(FINDINGS, META))
  })

  it('writes an empty list when there is no finding, which reads back as a baseline', () => {
    const text = renderBaseline([], META)
    expect(parse(text)).toEqual({ version: 1, findings: [] })
    expect(judgeRendered(text, [FINDINGS[0]])).toEqual(['new'])
  })

  it('reads back as a baseline accepting exactly the findings: one more is new', () => {
    const text = renderBaseline(FINDINGS, META)
    expect(judgeRendered(text, FINDINGS)).toEqual(FINDINGS.map(() => 'known'))
    const more = [
      finding('us-east-1', 'security', 's3-versioning-conformance-pack-hbmlt5imw', 'other'),
      finding(
        'eu-west-1',
        'access',
        'iam-root-access-key-check-conformance-pack-8bzjqtjiy',
        '012345678901',
        'AWS::::Account'
      ),
      finding('us-east-1', 'other-pack', 's3-versioning-conformance-pack-hbmlt5imw', 'logs')
    ]
    expect(judgeRendered(text, [...FINDINGS, ...more])).toEqual([
      ...FINDINGS.map(() => 'known'),
      'new',
      'new',
      'new'
    ])
    const judged = judgeFindings(parseBaseline(text, 'b', 'i'), FINDINGS, TODAY)
    expect(judged.fixed).toEqual([])
  })

  it('reads back as known after the pack is created again with a new suffix', () => {
    const text = renderBaseline([FINDINGS[0]], META)
    const recreated = { ...FINDINGS[0], rule: 's3-versioning-conformance-pack-n3wn3wn3w' }
    expect(judgeRendered(text, [recreated])).toEqual(['known'])
  })

  it('quotes hostile text so that it reads back as it was', () => {
    const hostile = [
      'a: #b',
      'line\nbreak',
      'trailing newline\n',
      ' leading space',
      'trailing space ',
      '\ttab',
      '"quoted"',
      "it's",
      '- dash',
      '*',
      '&anchor',
      '!tag',
      'true',
      '~',
      'null',
      '1e3',
      '0x10',
      '2027-03-31',
      '{x: y}',
      '[a]',
      '%YAML',
      '---',
      'crlf\r\nline',
      'nul\u0000char',
      'bell\u0007',
      'sep\u2028arator',
      '# comment',
      'x'.repeat(300),
      'ünïcødé ✓'
    ]
    const findings = hostile.map((id) => finding('us-east-1', 'p', `r-${id.length}`, id, id))
    const text = renderBaseline(findings, META)
    const baseline = parseBaseline(text, 'b', 'i')
    const ids = baseline.entries.map((e) => e.resourceId).sort()
    expect(ids).toEqual([...hostile].sort())
    expect(baseline.entries.every((e) => e.resourceType === e.resourceId)).toBe(true)
    expect(judgeRendered(text, findings)).toEqual(hostile.map(() => 'known'))
    // Another reader (the core schema, as most tools read YAML) sees the same text.
    const core = parse(text) as { findings: { resourceId: unknown }[] }
    expect(core.findings.map((e) => e.resourceId).sort()).toEqual([...hostile].sort())
  })

  it('keeps a long id on one line', () => {
    const id = `arn:aws:s3:::${'x'.repeat(200)}`
    const text = renderBaseline([finding('us-east-1', 'p', 'r', id)], META)
    expect(text).toContain(`resourceId: ${id}\n`)
  })
})
