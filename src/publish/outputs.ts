import type { ComplianceEntry } from '../compliance/gate.js'
import type { Result } from '../verdict/verdict.js'
import type { StatusEntry } from './report.js'

/**
 * The action's outputs, in the order they are written. action.yml declares exactly these
 * (scripts/validate-action.ts checks it against this list).
 */
export const OUTPUT_NAMES = [
  'result',
  'statuses',
  'completed-packs',
  'failed-packs',
  'pending-packs',
  'missing-packs',
  'compliance',
  'noncompliant-packs'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]

/** What the outputs hold; every list is written as JSON. */
export interface ActionOutputs {
  readonly result: Result
  readonly statuses: readonly StatusEntry[]
  readonly 'completed-packs': readonly string[]
  readonly 'failed-packs': readonly string[]
  readonly 'pending-packs': readonly string[]
  readonly 'missing-packs': readonly string[]
  readonly compliance: readonly ComplianceEntry[]
  readonly 'noncompliant-packs': readonly string[]
}

/** The outputs of a run that stopped before any wait: a failure with empty lists. */
export const FAILED_BEFORE_WAIT: ActionOutputs = {
  result: 'failure',
  statuses: [],
  'completed-packs': [],
  'failed-packs': [],
  'pending-packs': [],
  'missing-packs': [],
  compliance: [],
  'noncompliant-packs': []
}

/** Each output as the runner stores it: `result` as text, the lists as JSON. */
export function outputValues(outputs: ActionOutputs): [OutputName, string][] {
  return OUTPUT_NAMES.map((name) => {
    const value = outputs[name]
    return [name, typeof value === 'string' ? value : JSON.stringify(value)]
  })
}
