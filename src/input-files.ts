import type { ComplianceMode, InputSource } from './inputs.js'

/** The files a run reads and writes besides its outputs: the compliance baseline. */
export interface FileInputs {
  /** `compliance-baseline`: a baseline of known findings to read before any call. */
  readonly complianceBaseline?: string
  /** `write-baseline`: where to write a baseline of the findings seen. */
  readonly writeBaseline?: string
}

/** The inputs that name files, and where each goes in FileInputs. */
const FILE_INPUT_KEYS = {
  'compliance-baseline': 'complianceBaseline',
  'write-baseline': 'writeBaseline'
} as const satisfies Record<string, keyof FileInputs>

export const FILE_INPUTS = Object.keys(FILE_INPUT_KEYS) as (keyof typeof FILE_INPUT_KEYS)[]

/**
 * The baseline's two paths, as given (the file port resolves them in the workspace). Both
 * need the rules' compliance read: under `compliance: ignore` there are no findings.
 */
export function parseFileInputs(
  source: InputSource,
  compliance: ComplianceMode | undefined,
  invalid: (input: string, value: string, problem: string) => Error
): FileInputs {
  const paths: { -readonly [K in keyof FileInputs]: string } = {}
  for (const [input, key] of Object.entries(FILE_INPUT_KEYS)) {
    const value = source.getInput(input)
    if (value === '') continue
    if (compliance === 'ignore')
      throw invalid(
        input,
        value,
        'needs compliance report or require: with compliance ignore no finding is read'
      )
    paths[key] = value
  }
  return paths
}
