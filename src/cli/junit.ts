import { describeResource } from '../publish/report.js'
import {
  packOutcome,
  type PackReport,
  type RegionReport,
  type RuleReport,
  type RunReport
} from './report-model.js'
import { xmlChars } from './safe-text.js'

/** The name of the report as a whole, as CI test widgets show it. */
export const JUNIT_NAME = 'AWS Config conformance packs'

/** How a test case ended: passed, or one of JUnit's three other verdicts. */
type Verdict =
  | { readonly kind: 'passed' }
  | {
      readonly kind: 'failure' | 'error' | 'skipped'
      readonly type?: string
      readonly message: string
      readonly body?: string
    }

interface TestCase {
  readonly classname: string
  readonly name: string
  readonly seconds?: number
  readonly verdict: Verdict
}

/**
 * A JUnit XML report: a <testsuite> per region, a <testcase> per pack and, when compliance
 * was read, per rule (`pack / rule`). A failed, missing or timed-out pack fails with its reason
 * and what failed in its body; a NON_COMPLIANT, failed or never evaluated rule fails too.
 * GitLab's merge request widget and CodeBuild's report groups read this shape.
 */
export function renderJunit(report: RunReport): string {
  const suites = report.regions.map((region) => ({
    region: region.region,
    cases: [...waitCases(region, report), ...region.packs.flatMap((p) => ruleCases(region, p))]
  }))
  const all = suites.flatMap((s) => s.cases)
  const time = seconds(report.elapsedMs)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: JUNIT_NAME, ...counts(all), time })}>`,
    ...suites.flatMap((suite) => [
      `  <testsuite ${attributes({ name: suite.region, ...counts(suite.cases), time })}>`,
      ...suite.cases.flatMap(testCase),
      '  </testsuite>'
    ]),
    '</testsuites>'
  ]
  return `${lines.join('\n')}\n`
}

function waitCases(region: RegionReport, report: RunReport): TestCase[] {
  const cases = region.packs.map((pack) => ({
    classname: region.region,
    name: pack.name,
    seconds: pack.durationMs === undefined ? undefined : seconds(pack.durationMs),
    verdict: packVerdict(region, pack, report)
  }))
  if (region.problem) {
    // Without it, a region whose packs could never be read would show an empty, green suite.
    cases.push({
      classname: region.region,
      name: 'wait',
      seconds: undefined,
      verdict: { kind: 'error', message: region.problem }
    })
  }
  return cases
}

function packVerdict(region: RegionReport, pack: PackReport, report: RunReport): Verdict {
  switch (packOutcome(region.verdict, pack.name)) {
    case 'failed':
      return {
        kind: 'failure',
        type: pack.state,
        message: `${pack.state}: ${pack.reason ?? 'AWS Config gave no reason'}`,
        body: failureBody(pack)
      }
    case 'missing':
      return report.missingPack === 'ignore'
        ? { kind: 'skipped', message: `No conformance pack of that name in ${region.region}` }
        : {
            kind: 'failure',
            type: 'NOT_FOUND',
            message: `No conformance pack of that name in ${region.region}`
          }
    case 'pending':
      return region.verdict.result === 'cancelled'
        ? { kind: 'skipped', message: `Cancelled while ${pack.state}` }
        : {
            kind: 'failure',
            type: 'TIMEOUT',
            message: `Still ${pack.state} when the wait ended${pack.reason ? `: ${pack.reason}` : ''}`
          }
    case 'passed':
    case 'other':
      return { kind: 'passed' }
  }
}

function failureBody(pack: PackReport): string {
  const lines = [pack.reason ?? 'AWS Config gave no reason.']
  if (pack.errorCode) lines.push(`Error code: ${pack.errorCode}`)
  const resources = pack.failedResources ?? []
  if (resources.length) {
    lines.push('', 'Failed resources (first failure first):')
    for (const resource of resources) lines.push(`- ${describeResource(resource)}`)
  }
  const accounts = pack.failedAccounts ?? []
  if (accounts.length) {
    lines.push('', 'Failed member accounts:')
    for (const a of accounts) {
      const code = a.errorCode ? ` (${a.errorCode})` : ''
      lines.push(
        `- ${a.accountId}${a.status ? ` ${a.status}` : ''}${code}${a.message ? `: ${a.message}` : ''}`
      )
    }
  }
  return lines.join('\n')
}

function ruleCases(region: RegionReport, pack: PackReport): TestCase[] {
  const compliance = pack.compliance
  if (!compliance) return []
  const classname = region.region
  if (compliance.rules.length === 0) {
    const verdict: Verdict =
      compliance.compliance === 'NON_COMPLIANT'
        ? {
            kind: 'failure',
            type: 'NON_COMPLIANT',
            message: 'NON_COMPLIANT (AWS Config listed no rule)'
          }
        : compliance.compliance === 'INSUFFICIENT_DATA'
          ? { kind: 'skipped', message: 'INSUFFICIENT_DATA: no evaluation results yet' }
          : { kind: 'passed' }
    return [{ classname, name: `${pack.name} / compliance`, verdict }]
  }
  return compliance.rules.map((rule) => ({
    classname,
    name: `${pack.name} / ${rule.name}`,
    verdict: ruleVerdict(rule)
  }))
}

function ruleVerdict(rule: RuleReport): Verdict {
  if (rule.compliance === 'NON_COMPLIANT') {
    const resources = rule.nonCompliantResources ?? []
    return {
      kind: 'failure',
      type: 'NON_COMPLIANT',
      message: `NON_COMPLIANT: ${resources.length} resource(s) not compliant`,
      body: resources.length
        ? ['Non-compliant resources:', ...resources.map((r) => `- ${r.type} ${r.id}`)].join('\n')
        : undefined
    }
  }
  if (rule.error)
    return {
      kind: 'failure',
      type: 'EVALUATION_FAILED',
      message: `Evaluation failed: ${rule.error}`
    }
  if (rule.compliance === 'INSUFFICIENT_DATA') {
    return rule.evaluatedAt
      ? {
          kind: 'skipped',
          message: `INSUFFICIENT_DATA: no resources in scope (evaluated ${rule.evaluatedAt})`
        }
      : { kind: 'failure', type: 'NOT_EVALUATED', message: 'Never evaluated' }
  }
  return { kind: 'passed' }
}

function testCase(c: TestCase): string[] {
  const open = `    <testcase ${attributes({ classname: c.classname, name: c.name, time: c.seconds })}`
  if (c.verdict.kind === 'passed') return [`${open}/>`]
  const { kind, type, message, body } = c.verdict
  const attrs = attributes({ message, type })
  const inner =
    body === undefined ? `<${kind} ${attrs}/>` : `<${kind} ${attrs}>${text(body)}</${kind}>`
  return [`${open}>`, `      ${inner}`, '    </testcase>']
}

function counts(cases: readonly TestCase[]) {
  const count = (kind: Verdict['kind']): number =>
    cases.filter((c) => c.verdict.kind === kind).length
  return {
    tests: cases.length,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped')
  }
}

const seconds = (ms: number): number => Math.round(ms) / 1000

/** Attributes in order, absent ones left out; values escaped, line breaks kept as references. */
function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => {
      const escaped = text(String(value))
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
      return `${key}="${escaped}"`
    })
    .join(' ')
}

/** Character data: only characters XML 1.0 allows, markup escaped. */
function text(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
