import type { Inputs } from '../inputs.js'
import { packLabel } from '../packs/label.js'
import type { PackStatus } from '../packs/pack-state.js'
import type { Clock } from '../shared/clock.js'
import type { ConsoleLinks } from '../report/console-links.js'
import { mergeLists, packLists } from '../verdict/verdict.js'
import { checkTitle, packCounts, type CheckConclusion } from './check-view.js'
import { escapeHtml } from './html.js'
import type { PackEvaluation } from '../compliance/evaluation-wait.js'
import { fitSummary } from './summary.js'
import { CHECK_SUMMARY_BUDGET } from './summary-limits.js'
import type { StackProgress } from '../wait/stack-progress.js'

/**
 * A check run on the commit under test, as the run reports to it (the GitHub implementation
 * is in src/github). None of the methods throws or rejects, and each is bounded in time.
 * start and update run one at a time, in order, and resolve when their call is answered (or
 * given up): the wait need not await them, as complete supersedes whatever is in flight.
 */
export interface CheckRunReporter {
  /** Creates the check run, in progress. */
  start(title: string, summary: string): Promise<void>
  /**
   * Replaces the title and summary (creating the run if start failed). Call at most once per
   * poll round in which some state changed or a progress line was logged; while a call is in flight only the newest update
   * is kept.
   */
  update(title: string, summary: string): Promise<void>
  /**
   * Completes the run with `conclusion` and the job summary's markdown (cut to fit). Bounded
   * by `timeoutMs` in all, waiting on a call in flight included (default
   * FINAL_UPDATE_BUDGET_MS; about a second on cancellation). When the completion does not
   * land, one warning says the run may stay in progress and links it. Later calls do nothing.
   */
  complete(
    conclusion: CheckConclusion,
    title: string,
    summary: string,
    options?: { timeoutMs?: number }
  ): Promise<void>
}

/** What the check run shows while the wait goes on: each region's packs as last seen. */
export interface LiveSnapshot {
  readonly scope: Inputs['scope']
  readonly regions: readonly {
    readonly region: string
    readonly links: ConsoleLinks
    readonly packs: readonly PackStatus[]
  }[]
  readonly startedAt: number
  readonly now: number
  /** The compliance gate's evaluation so far, per region: each pack's rules by verdict. */
  readonly evaluation?: readonly {
    readonly region: string
    readonly packs: readonly PackEvaluation[]
  }[]
  /** How far the packs' stacks have got, by region, where they could be read. */
  readonly stackProgress?: ReadonlyMap<string, ReadonlyMap<string, StackProgress>>
}

/** The check run's title and summary for a snapshot: no result yet, the packs by list. */
export function progressView(
  snapshot: LiveSnapshot,
  missingPack: Inputs['missingPack']
): { title: string; summary: string } {
  const all = mergeLists(
    snapshot.regions.map((r) => ({ region: r.region, lists: packLists(r.packs, missingPack) }))
  )
  return {
    title: checkTitle(packCounts(all), false),
    summary:
      fitSummary(
        {
          inProgress: true,
          scope: snapshot.scope,
          regions: snapshot.regions.map((r) => ({
            ...r,
            stackProgress: snapshot.stackProgress?.get(r.region)
          })),
          lists: all,
          elapsedMs: snapshot.now - snapshot.startedAt,
          now: snapshot.now
        },
        CHECK_SUMMARY_BUDGET
      ) + evaluationProgress(snapshot)
  }
}

/** The evaluation's progress under the packs' table: how many rules are settled, per pack. */
export function evaluationProgress(snapshot: LiveSnapshot): string {
  const regions = snapshot.evaluation ?? []
  const several = regions.length > 1
  const lines = regions.flatMap(({ region, packs }) =>
    packs.map((p) => {
      const c = p.judgement.counts
      const name = escapeHtml(packLabel(region, p.name, several))
      return `- ${name}: ${c.compliant} compliant, ${c.nonCompliant} non-compliant, ${c.nothingInScope} with nothing in scope, ${c.failed} failed, ${c.unevaluated} not evaluated yet`
    })
  )
  return lines.length ? `\n\n### Waiting for the rules' evaluation\n\n${lines.join('\n')}\n` : ''
}

/**
 * The check run while the wait goes on: created at once, updated after a round in which some
 * pack changed state or the wait logged its progress (with the stacks' counts, once a minute).
 * Nothing here is awaited: a slow GitHub API never slows the wait.
 */
export function liveCheck(
  checks: CheckRunReporter,
  inputs: Pick<Inputs, 'scope' | 'regions' | 'missingPack'>,
  clock: Clock,
  startedAt: number,
  linksOf: (region: string) => ConsoleLinks
): {
  onRound: (
    region: string
  ) => (
    packs: readonly PackStatus[],
    changed: boolean,
    stacks?: ReadonlyMap<string, StackProgress>
  ) => void
  onEvaluation: (region: string) => (packs: readonly PackEvaluation[]) => void
} {
  const latest = new Map<string, readonly PackStatus[]>(inputs.regions.map((r) => [r, []]))
  const stackProgress = new Map<string, ReadonlyMap<string, StackProgress>>()
  const evaluation = new Map<string, readonly PackEvaluation[]>()
  const view = (): [string, string] => {
    const { title, summary } = progressView(
      {
        scope: inputs.scope,
        regions: inputs.regions.map((region) => ({
          region,
          links: linksOf(region),
          packs: latest.get(region) ?? []
        })),
        startedAt,
        now: clock.now(),
        stackProgress,
        ...(evaluation.size
          ? {
              evaluation: inputs.regions.flatMap((region) => {
                const packs = evaluation.get(region)
                return packs ? [{ region, packs }] : []
              })
            }
          : {})
      },
      inputs.missingPack
    )
    return [title, summary]
  }
  void checks.start(...view())
  return {
    onRound: (region) => (packs, changed, stacks) => {
      latest.set(region, packs)
      // A copy: the reads go on filling the original while an update waits.
      if (stacks) stackProgress.set(region, new Map(stacks))
      if (changed) void checks.update(...view())
    },
    onEvaluation: (region) => (packs) => {
      const before = JSON.stringify(countsOf(evaluation.get(region)))
      evaluation.set(region, packs)
      // Only when a rule settled: the same counts again would be a call for nothing.
      if (JSON.stringify(countsOf(packs)) !== before) void checks.update(...view())
    }
  }
}

function countsOf(packs: readonly PackEvaluation[] | undefined): unknown {
  return packs?.map((p) => [p.name, p.judgement.counts])
}
