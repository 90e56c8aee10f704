import { stringify } from 'yaml'
import { templateRuleName, type Finding } from './finding.js'

/** What wrote a baseline, and when: its first line says so. */
export interface BaselineMeta {
  /** The program, as in `wait-for-conformance-packs` (a version may follow). */
  readonly writtenBy: string
  readonly at: Date
}

type Entry = Pick<Finding, 'rule' | 'resourceType' | 'resourceId' | 'pack' | 'region'>

const SORT_KEYS = ['region', 'pack', 'rule', 'resourceType', 'resourceId'] as const

/**
 * A baseline that accepts exactly `findings`: one entry per finding with its rule's template
 * name, its resource type and id, its pack and region; duplicates dropped; sorted by region,
 * pack, rule, resource type and id; no times in the entries, so that two runs over the same
 * findings write the same entries and a diff shows what changed.
 */
export function renderBaseline(findings: readonly Finding[], meta: BaselineMeta): string {
  const byKey = new Map<string, Entry>()
  for (const f of findings) {
    const entry: Entry = {
      rule: templateRuleName(f.rule),
      resourceType: f.resourceType,
      resourceId: f.resourceId,
      pack: f.pack,
      region: f.region
    }
    byKey.set(JSON.stringify(SORT_KEYS.map((k) => entry[k])), entry)
  }
  const entries = [...byKey.values()].sort(compareEntries)
  // lineWidth 0: an entry stays on its lines however long its id, for diffs and for grep.
  const body = stringify({ version: 1, findings: entries }, { lineWidth: 0 })
  return `${header(meta)}${body}`
}

function header(meta: BaselineMeta): string {
  const by = meta.writtenBy.replace(/\s+/g, ' ').trim()
  const at = meta.at.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return [
    `# Written by ${by} on ${at}: the non-compliant resources it saw, one entry each.`,
    '# Each entry accepts its finding; add a reason or an expiry day (expires: YYYY-MM-DD),',
    '# or resourceId "*" for every resource of a rule, and drop the entries that are fixed.',
    ''
  ].join('\n')
}

/** By code unit, not by locale, so that every machine writes the same order. */
function compareEntries(a: Entry, b: Entry): number {
  for (const key of SORT_KEYS) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1
  }
  return 0
}
