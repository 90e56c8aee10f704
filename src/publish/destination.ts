import type { ActionOutputs } from './outputs.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/**
 * Where a run's results go: the GitHub runner (workflow commands, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY), or another front end. The publish stage writes to it and to nothing
 * else, so every front end shows the same results.
 */
export interface ResultDestination {
  /** What later steps read. */
  setOutputs(outputs: ActionOutputs): void
  /** The job summary's HTML. Never rejects: a summary that cannot be written is warned. */
  writeSummary(html: string): Promise<void>
  /** A line for a person's eye on the run's page. */
  annotate(level: AnnotationLevel, message: string, title?: string): void
  /** The step fails with this line. */
  fail(line: string): void
}
