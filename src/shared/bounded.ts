/** What `runBounded` did: each task's value, or its error, in task order; `undefined` if never started. */
export type TaskOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: unknown }
  | undefined

/**
 * Runs the tasks with at most `limit` in flight. After the first failure no further task
 * starts (throttling of one is throttling of all); the ones in flight are awaited. Never
 * throws what a task throws.
 */
export async function runBounded<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number
): Promise<TaskOutcome<T>[]> {
  const outcomes: TaskOutcome<T>[] = tasks.map(() => undefined)
  let next = 0
  let failed = false
  async function worker(): Promise<void> {
    while (!failed && next < tasks.length) {
      const index = next++
      try {
        outcomes[index] = { kind: 'ok', value: await tasks[index]() }
      } catch (error) {
        outcomes[index] = { kind: 'failed', error }
        failed = true
      }
    }
  }
  const workers = Math.max(1, Math.min(limit, tasks.length))
  await Promise.all(Array.from({ length: workers }, () => worker()))
  return outcomes
}
