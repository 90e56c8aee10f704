import {
  expiringText,
  judgeFindings,
  newFindingText,
  type Baseline,
  type Finding,
  type Judgement
} from '../baseline/index.js'
import type { ComplianceEntry } from './gate.js'

/** New findings named in warnings (under `report`) before the rest are counted. */
export const NEW_FINDINGS_WARNED = 5

/** What the baseline made of this run's findings. */
export interface BaselineResult {
  /** The file, as given. */
  readonly path: string
  readonly judgement: Judgement
  /** The new findings, as the `new-findings` output lists them. */
  readonly newFindings: readonly Finding[]
  /** Entries that stop accepting within two weeks, said as warnings. */
  readonly warnings: readonly string[]
  /**
   * Rules (`region/pack/rule`) with more non-compliant resources than were read, whose unread
   * ones no entry accepts as a whole (`resourceId: "*"`): they cannot pass as known.
   */
  readonly unreadNotAccepted: ReadonlySet<string>
}

/** Every non-compliant resource of every rule of the packs: what a baseline judges and lists. */
export function findingsOf(entries: readonly ComplianceEntry[]): Finding[] {
  return entries.flatMap((pack) =>
    (pack.rules ?? []).flatMap((rule) =>
      rule.nonCompliantResources.map((r) => ({
        region: pack.region,
        pack: pack.name,
        rule: rule.name,
        resourceType: r.resourceType,
        resourceId: r.resourceId
      }))
    )
  )
}

/** `region/pack/rule`: a rule of a pack in a region. */
export const ruleKey = (f: Pick<Finding, 'region' | 'pack' | 'rule'>): string =>
  `${f.region}/${f.pack}/${f.rule}`

const key = (f: Finding): string =>
  JSON.stringify([f.region, f.pack, f.rule, f.resourceType, f.resourceId])

/**
 * Judges the findings against the baseline (today is the run's day), and marks each resource
 * of the entries `new` or `known` (with the entry's reason).
 */
export function applyBaseline(
  entries: readonly ComplianceEntry[],
  baseline: Baseline,
  today: number
): { readonly entries: ComplianceEntry[]; readonly result: BaselineResult } {
  const judgement = judgeFindings(baseline, findingsOf(entries), today)
  // Resources past the read cap are unknown: only an entry for every resource of the rule
  // (`*`, no resource type) can accept them.
  const unread = entries.flatMap((pack) =>
    (pack.rules ?? [])
      .filter((rule) => rule.resourcesTruncated)
      .map((rule) => ({
        region: pack.region,
        pack: pack.name,
        rule: rule.name,
        resourceType: '',
        resourceId: '*'
      }))
  )
  const unreadJudged = judgeFindings(baseline, unread, today).findings
  const unreadNotAccepted = new Set(
    unreadJudged.flatMap((j) => (j.status === 'new' ? [ruleKey(j.finding)] : []))
  )
  const byKey = new Map(judgement.findings.map((j) => [key(j.finding), j]))
  const marked = entries.map((pack) => ({
    ...pack,
    ...(pack.rules
      ? {
          rules: pack.rules.map((rule) => ({
            ...rule,
            nonCompliantResources: rule.nonCompliantResources.map((r) => {
              const judged = byKey.get(
                key({ ...r, region: pack.region, pack: pack.name, rule: rule.name })
              )
              return judged?.status === 'known'
                ? {
                    ...r,
                    baseline: 'known' as const,
                    ...(judged.entry.reason ? { reason: judged.entry.reason } : {})
                  }
                : { ...r, baseline: 'new' as const }
            })
          }))
        }
      : {})
  }))
  return {
    entries: marked,
    result: {
      path: baseline.path,
      judgement,
      newFindings: judgement.findings.flatMap((j) => (j.status === 'new' ? [j.finding] : [])),
      warnings: judgement.expiringSoon.map(expiringText),
      unreadNotAccepted
    }
  }
}

/**
 * The packs as the gate judges them under a baseline: only the new findings count. A
 * non-compliant rule whose every resource is known no longer makes its pack NON_COMPLIANT; one
 * whose resources could not be listed (none read), or were not all read and are not accepted
 * as a whole, stays, as nothing shows them known.
 */
export function newFindingsOnly(
  entries: readonly ComplianceEntry[],
  unreadNotAccepted: ReadonlySet<string> = new Set()
): ComplianceEntry[] {
  return entries.map((pack) => {
    if (!pack.rules) return pack
    const rules = pack.rules.map((rule) => {
      if (rule.compliance !== 'NON_COMPLIANT' || rule.nonCompliantResources.length === 0)
        return rule
      if (unreadNotAccepted.has(ruleKey({ region: pack.region, pack: pack.name, rule: rule.name })))
        return rule
      const fresh = rule.nonCompliantResources.filter((r) => r.baseline !== 'known')
      return fresh.length
        ? { ...rule, nonCompliantResources: fresh }
        : { ...rule, compliance: 'COMPLIANT' as const, nonCompliantResources: [] }
    })
    const nonCompliantRules = rules
      .filter((r) => r.compliance === 'NON_COMPLIANT')
      .map((r) => r.name)
    return {
      ...pack,
      rules,
      nonCompliantRules,
      compliance:
        nonCompliantRules.length > 0
          ? 'NON_COMPLIANT'
          : pack.compliance === 'NON_COMPLIANT'
            ? 'COMPLIANT'
            : pack.compliance
    }
  })
}

/** Under `report`: a warning per new finding, the first few, then a count. */
export function newFindingWarnings(result: BaselineResult): string[] {
  const fresh = result.judgement.findings.flatMap((j) => (j.status === 'new' ? [j] : []))
  const named = fresh.slice(0, NEW_FINDINGS_WARNED).map(newFindingText)
  const more = fresh.length - named.length
  return more > 0 ? [...named, `and ${more} more new finding(s)`] : named
}
