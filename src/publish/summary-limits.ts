import { CHECK_SUMMARY_LIMIT } from './check-view.js'
import { byAttention, outcomeOf, type Outcome, type PackStatus } from '../packs/pack-state.js'

/**
 * GitHub's limit for one step's job summary: 1 MiB, counted in bytes. A larger summary is
 * refused whole (the upload fails and nothing is shown), so the summary is shortened to fit.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/**
 * What a check run's summary is shortened to: GitHub's limit, less room for the note a summary
 * still cut (by fitCheckSummary) ends with.
 */
export const CHECK_SUMMARY_BUDGET = CHECK_SUMMARY_LIMIT - 512

/** How many packs each region's table shows at most; undefined: all of them. */
export type RowBudget = number | undefined

const WHAT: Record<Outcome, string> = {
  failed: 'failed',
  'in-progress': 'pending',
  unknown: 'pending',
  missing: 'not found',
  completed: 'completed'
}

/**
 * The packs a table shows within the budget, the ones that matter most first, and a line
 * counting the rest and saying where they are.
 */
export function shownPacks(
  packs: readonly PackStatus[],
  budget: RowBudget
): { packs: readonly PackStatus[]; left?: string } {
  if (budget === undefined || packs.length <= budget) return { packs }
  const ranked = byAttention(packs, (pack) => pack.state)
  const shown = ranked.slice(0, Math.max(0, budget))
  const rest = ranked.slice(shown.length)
  const counts = new Map<string, number>()
  for (const pack of rest) {
    const what = WHAT[outcomeOf(pack.state)]
    counts.set(what, (counts.get(what) ?? 0) + 1)
  }
  const by = [...counts].map(([what, n]) => `${n} ${what}`).join(', ')
  return {
    packs: shown,
    left: `${rest.length} more pack${rest.length === 1 ? '' : 's'} (${by}) not shown: the summary is kept under GitHub's 1 MiB limit. The step's statuses output lists every pack.`
  }
}
