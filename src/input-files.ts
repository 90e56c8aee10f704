import type { ComplianceMode, InputSource } from './inputs.js'

/** The inputs that name files. */
export const FILE_INPUTS = ['compliance-baseline', 'write-baseline'] as const

/** The files a run reads and writes besides its outputs: the compliance baseline. */
export interface FileInputs {
  /** `compliance-baseline`: a baseline of known findings to read before any call. */
  readonly complianceBaseline?: string
  /** `write-baseline`: where to write a baseline of the findings seen. */
  readonly writeBaseline?: string
}

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
  for (const [input, key] of [
    ['compliance-baseline', 'complianceBaseline'],
    ['write-baseline', 'writeBaseline']
  ] as const) {
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
