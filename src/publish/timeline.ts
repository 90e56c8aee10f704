import { detailOf, outcomeOf, type PackStatus } from '../packs/pack-state.js'
import { packDuration } from '../packs/pack-text.js'

/** Above this many packs a chart of them is too tall to read: none is drawn. */
export const TIMELINE_MAX_PACKS = 50

/**
 * A name as Mermaid may read it in a gantt task: Mermaid's own syntax characters (`:` ends a
 * task's name, `#` and `;` start entities and statements, `%%` a comment, backticks could close
 * the code fence) and line breaks become spaces, and a very long name is cut.
 */
export function mermaidSafe(name: string, max = 60): string {
  const safe = name
    .replace(/[^A-Za-z0-9 _\-.()/+=@]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = safe.length > max ? `${safe.slice(0, max - 1)}…` : safe
  return cut || 'pack'
}

/**
 * The deployments of several packs as a Mermaid gantt chart (GitHub draws ```mermaid blocks
 * in job summaries): each bar from the pack's requested update to its completion, or to `now`
 * for one not done; failed ones marked `crit`, ones still going `active`. Undefined for fewer
 * than two packs with a request time, or more than TIMELINE_MAX_PACKS.
 */
export function renderTimeline(
  regions: readonly { readonly region: string; readonly packs: readonly PackStatus[] }[],
  now: number
): string | undefined {
  const total = regions.reduce((n, r) => n + r.packs.length, 0)
  if (total > TIMELINE_MAX_PACKS) return undefined
  const sections = regions.map((r) => ({ region: r.region, bars: r.packs.flatMap(bar(now)) }))
  if (sections.reduce((n, s) => n + s.bars.length, 0) < 2) return undefined
  const lines = ['gantt', '  title Deployments', '  dateFormat x', '  axisFormat %H:%M:%S']
  for (const { region, bars } of sections) {
    if (!bars.length) continue
    if (regions.length > 1) lines.push(`  section ${mermaidSafe(region)}`)
    lines.push(...bars.map((b) => `  ${b}`))
  }
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`
}

function bar(now: number): (pack: PackStatus) => string[] {
  return (pack) => {
    // An earlier deployment's times are not the awaited one's.
    if (pack.state === 'PREVIOUS_DEPLOYMENT') return []
    const start = detailOf(pack)?.requestedAt?.getTime()
    const duration = packDuration(pack, now)
    if (start === undefined || duration === undefined) return []
    const outcome = outcomeOf(pack.state)
    const end = start + duration
    const tag = outcome === 'failed' ? 'crit' : outcome === 'in-progress' ? 'active' : 'done'
    // A bar needs some length to be seen.
    return [`${mermaidSafe(pack.name)} :${tag}, ${start}, ${Math.max(end, start + 1000)}`]
  }
}
