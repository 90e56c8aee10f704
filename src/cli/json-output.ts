import type { ActionOutputs } from '../publish/outputs.js'

/**
 * --json: the action's outputs as one JSON object on stdout, rendered from the same values the
 * action sets (`"failed-packs": ["beta"]`, the `compliance` output with every rule), in the
 * order the action sets them.
 */
export function renderJson(outputs: ActionOutputs): string {
  return `${JSON.stringify(outputs, null, 2)}\n`
}
