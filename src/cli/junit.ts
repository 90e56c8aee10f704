import { describeResource } from '../publish/report.js'
import {
  packOutcome,
  type PackReport,
  type RegionReport,
  type CommandReport
} from './report-model.js'
import { ruleErrorText } from '../compliance/annotations.js'
import type { RuleEntry } from '../compliance/evaluation-compliance.js'
import { xmlChars } from './safe-text.js'

/** The name of the report as a whole, as CI test widgets show it. */
export const JUNIT_NAME = 'AWS Config conformance packs'

/** How a test case ended: passed, or one of JUnit's three other verdicts. */
type Verdict =
  /** `output`: what a passing case still tells (a baseline's known findings). */
  | { readonly kind: 'passed'; readonly output?: string }
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
export function renderJunit(report: CommandReport): string {
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

function waitCases(region: RegionReport, report: CommandReport): TestCase[] {
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

function packVerdict(region: RegionReport, pack: PackReport, report: CommandReport): Verdict {
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

/** Non-compliant resources named in a failed rule's message and body; the rest are counted. */
export const RESOURCES_NAMED = 10

/**
 * A rule's test case: compliant passes; non-compliant fails naming its resources (and their
 * annotations); a failed evaluation errors with AWS's error; a rule not evaluated by the end
 * of the wait fails; one with nothing in scope is skipped.
 */
function ruleVerdict(rule: RuleEntry): Verdict {
  switch (rule.compliance) {
    case 'COMPLIANT':
      return { kind: 'passed' }
    case 'NOT_APPLICABLE':
      return {
        kind: 'skipped',
        message: `Nothing in scope${rule.evaluatedAt ? ` (evaluated ${rule.evaluatedAt})` : ''}`
      }
    case 'EVALUATION_FAILED':
      return {
        kind: 'error',
        type: 'EVALUATION_FAILED',
        message: `Evaluation failed: ${rule.error ? ruleErrorText(rule) : 'AWS Config gave no reason'}`
      }
    case 'NOT_EVALUATED':
      return {
        kind: 'failure',
        type: 'NOT_EVALUATED',
        message: 'Not evaluated since the deployment by the end of the wait'
      }
    case 'NON_COMPLIANT':
      return nonCompliant(rule)
  }
}

/**
 * A non-compliant rule fails naming its new resources (all of them without a baseline); one
 * whose resources a baseline all accepts passes, its known findings and their reasons told.
 */
function nonCompliant(rule: RuleEntry): Verdict {
  const all = rule.nonCompliantResources
  const known = all.filter((r) => r.baseline === 'known')
  const fresh = all.filter((r) => r.baseline !== 'known')
  const knownLines = known.map(
    (r) => `- ${r.resourceType} ${r.resourceId}${r.reason ? `: ${r.reason}` : ''}`
  )
  const knownPart = known.length ? ['Known findings (baseline):', ...knownLines] : []
  if (all.length && !fresh.length) return { kind: 'passed', output: knownPart.join('\n') }
  const named = fresh.slice(0, RESOURCES_NAMED)
  const more = fresh.length - named.length
  const counted = rule.resourcesTruncated ? `${fresh.length}+` : String(fresh.length)
  const names = named.map((r) => `${r.resourceType} ${r.resourceId}`).join(', ')
  const what = known.length ? 'new resource(s)' : 'resource(s)'
  const body = [
    ...(fresh.length ? ['Non-compliant resources:'] : []),
    ...named.map(
      (r) => `- ${r.resourceType} ${r.resourceId}${r.annotation ? `: ${r.annotation}` : ''}`
    ),
    ...(more ? [`- and ${more} more`] : []),
    ...(rule.resourcesTruncated ? ['- and more that were not read'] : []),
    ...(knownPart.length && fresh.length ? [''] : []),
    ...knownPart
  ]
  return {
    kind: 'failure',
    type: 'NON_COMPLIANT',
    message: fresh.length
      ? `NON_COMPLIANT: ${counted} ${what} not compliant: ${names}${more ? ` and ${more} more` : ''}`
      : 'NON_COMPLIANT (AWS Config listed no resource)',
    body: body.length ? body.join('\n') : undefined
  }
}

function testCase(c: TestCase): string[] {
  const open = `    <testcase ${attributes({ classname: c.classname, name: c.name, time: c.seconds })}`
  if (c.verdict.kind === 'passed')
    return c.verdict.output === undefined
      ? [`${open}/>`]
      : [`${open}>`, `      <system-out>${text(c.verdict.output)}</system-out>`, '    </testcase>']
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
