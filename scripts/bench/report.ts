import { APPROACHES, APPROACH_LABELS, type RunSample } from './compare.js'
import type { BundleInfo } from './bundle.js'
import type { ProfileBreakdown } from './profile.js'
import type { ScaleResult } from './scale.js'
import type { BenchScenario } from './scenarios.js'
import type { StartupResult } from './startup.js'
import { median, statsOf, type TargetCheck } from './summarize.js'

/** A Markdown table, padded so that it also reads as plain text. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
const s = (seconds: number, digits = 1): string => `${seconds.toFixed(digits)} s`
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a')

export const COMPARISON_HEADERS = [
  'Scenario',
  'Approach',
  'API calls: median (min-max)',
  'Detection: median',
  'Detection: worst',
  'Detection, all ×scale: median / worst',
  'Total wait: median'
] as const

export function comparisonTable(
  samples: readonly RunSample[],
  scenarios: readonly BenchScenario[]
): string {
  const rows = scenarios.flatMap((scenario) =>
    APPROACHES.map((approach) => {
      const st = statsOf(samples, scenario, approach)
      return [
        scenario.title,
        APPROACH_LABELS[approach],
        `${st.callsMedian} (${st.callsMin}-${st.callsMax})`,
        s(st.detectionMedian),
        s(st.detectionWorst),
        `${s(st.detectionScaledMedian)} / ${s(st.detectionScaledWorst)}`,
        s(st.totalMedian)
      ]
    })
  )
  return table(COMPARISON_HEADERS, rows)
}

export function ratioTable(
  samples: readonly RunSample[],
  scenarios: readonly BenchScenario[]
): string {
  const rows = scenarios.map((scenario) => {
    const [action, fixed, sdk] = APPROACHES.map((a) => statsOf(samples, scenario, a))
    return [
      scenario.title,
      ratio(fixed.callsMedian, action.callsMedian),
      ratio(sdk.callsMedian, action.callsMedian),
      ratio(fixed.detectionMedian, action.detectionMedian),
      ratio(sdk.detectionMedian, action.detectionMedian)
    ]
  })
  return table(
    [
      'Scenario',
      'Calls: fixed poller ÷ action',
      'Calls: SDK waiter ÷ action',
      'Detection median: fixed poller ÷ action',
      'Detection median: SDK waiter ÷ action'
    ],
    rows
  )
}

export function scaleTable(results: readonly ScaleResult[]): string {
  return table(
    [
      'Run',
      'Rounds',
      'Calls',
      'Calls per round',
      '= ⌈pending/20⌉ each round',
      'Time per round',
      'Per call (largest round)',
      'Peak RSS',
      'Wall time'
    ],
    results.map((r) => {
      const largest = r.rounds.reduce((a, b, i) => (b.calls > r.rounds[a].calls ? i : a), 0)
      return [
        r.case.title,
        String(r.rounds.length),
        String(r.calls),
        r.rounds.map((round) => `${round.calls}${round.listing ? ' (list)' : ''}`).join(' · '),
        r.roundsOk ? 'yes' : 'no',
        r.roundMs.map((ms) => (ms / 1000).toFixed(2)).join(' · ') + ' s',
        `${(r.roundMs[largest] / r.rounds[largest].calls).toFixed(1)} ms`,
        `${(r.peakRssBytes / 1e6).toFixed(1)} MB`,
        s(r.wallS)
      ]
    })
  )
}

export function roundDetail(result: ScaleResult): string {
  return table(
    ['Round', 'Pending packs', 'Calls', '⌈pending/20⌉', 'Time'],
    result.rounds.map((round, i) => [
      `${i + 1}${round.listing ? ' (list every pack)' : ''}`,
      String(round.pending),
      String(round.calls),
      String(round.expectedCalls),
      `${(result.roundMs[i] / 1000).toFixed(2)} s`
    ])
  )
}

export function startupTable(results: readonly StartupResult[]): string {
  return table(
    [
      'Node',
      'Version',
      'Bare `node -e 0`: median',
      'Action, spawn → first request: median',
      'Over bare Node',
      'Ratio to bare Node'
    ],
    results.map((r) => {
      const bare = median(r.bareMs)
      const action = median(r.actionMs)
      return [
        r.node.label,
        r.node.version,
        `${bare.toFixed(0)} ms`,
        `${action.toFixed(0)} ms`,
        `${(action - bare).toFixed(0)} ms`,
        `${(action / bare).toFixed(2)}×`
      ]
    })
  )
}

export function profileTable(profiles: readonly ProfileBreakdown[]): string {
  const labels = [...new Set(profiles.flatMap((p) => p.parts.map((part) => part.label)))]
  return table(
    ['Start-up spent on', ...profiles.map((p) => `${p.node.version} (ms)`)],
    [
      ...labels.map((label) => [
        label,
        ...profiles.map((p) => (p.parts.find((x) => x.label === label)?.ms ?? 0).toFixed(0))
      ]),
      ['Total (profiled)', ...profiles.map((p) => p.totalMs.toFixed(0))]
    ]
  )
}

export function targetTable(checks: readonly TargetCheck[]): string {
  return table(
    ['Target', 'Measured', 'Met'],
    checks.map((c) => [
      c.target,
      c.measured,
      c.met === undefined ? 'not measured' : c.met ? 'met' : 'MISSED'
    ])
  )
}

export function missReasons(checks: readonly TargetCheck[]): string {
  return checks
    .filter((c) => c.met === false)
    .map((c) => `- **${c.target}: missed.** ${capitalize(c.reason ?? '')}`)
    .join('\n')
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

export function bundleLine(bundle: BundleInfo): string {
  const others = bundle.otherFiles.map((f) => `${f.name} ${kib(f.bytes)}`).join(', ')
  return `dist/index.js: ${bundle.indexBytes.toLocaleString('en-US')} bytes (${kib(bundle.indexBytes)})${others ? `; other JavaScript in dist/: ${others}` : ''}`
}

/** The largest sources of dist/index.js, the action's own code, and the rest. */
export function compositionTable(bundle: BundleInfo, top = 8): string {
  const shown = bundle.composition.filter((c, i) => i < top || c.source.startsWith('src/'))
  const rest = bundle.composition.filter((c) => !shown.includes(c))
  const share = (bytes: number): string => `${((100 * bytes) / bundle.indexBytes).toFixed(1)} %`
  return table(
    ['Part of dist/index.js', 'Size', 'Share'],
    [
      ...shown.map((c) => [c.source, kib(c.bytes), share(c.bytes)]),
      [
        `${rest.length} other sources`,
        kib(rest.reduce((n, c) => n + c.bytes, 0)),
        share(rest.reduce((n, c) => n + c.bytes, 0))
      ]
    ]
  )
}
