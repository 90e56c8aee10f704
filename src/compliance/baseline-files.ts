import { BaselineError, readBaseline, renderBaseline, type Baseline } from '../baseline/index.js'
import type { FileInputs } from '../input-files.js'
import type { FilePort } from '../ports/files.js'
import type { Log } from '../shared/log.js'
import type { ComplianceGate } from './gate.js'
import { findingsOf } from './baseline-gate.js'

/** What wrote a baseline file, in its first line. */
const WRITER = 'wait-for-conformance-packs'

/**
 * The `compliance-baseline` file, read and checked before any AWS call: a missing file, YAML
 * that does not parse or an entry that is wrong is an input error naming the input and path.
 */
export async function loadBaseline(
  files: FileInputs,
  port: FilePort
): Promise<
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly baseline: Baseline }
  | { readonly kind: 'invalid'; readonly message: string }
> {
  if (files.complianceBaseline === undefined) return { kind: 'none' }
  try {
    const baseline = await readBaseline(files.complianceBaseline, 'compliance-baseline', (p) =>
      port.read(p)
    )
    return { kind: 'loaded', baseline }
  } catch (error) {
    if (error instanceof BaselineError) return { kind: 'invalid', message: error.message }
    throw error
  }
}

/**
 * `write-baseline`: every non-compliant resource seen, as a baseline that accepts exactly
 * them. A path that cannot be written is a warning: the run's result stays as it is.
 */
export async function writeBaselineFile(
  path: string,
  compliance: ComplianceGate | undefined,
  deps: { readonly files: FilePort; readonly log: Log; readonly now: number }
): Promise<void> {
  // An empty baseline would make every finding of a later gate new: write none instead.
  if (!compliance) {
    deps.log.warning(
      `Input 'write-baseline': nothing written to ${path}: the rules' compliance is read only after every pack deployed, and this wait did not succeed`
    )
    return
  }
  if (compliance.problems.length)
    deps.log.warning(
      `Input 'write-baseline': ${path} holds only the findings read before the compliance read stopped: ${compliance.problems.join('; ')}`
    )
  const findings = findingsOf(compliance.entries)
  const text = renderBaseline(findings, { writtenBy: WRITER, at: new Date(deps.now) })
  try {
    await deps.files.write(path, text)
    deps.log.info(`Wrote a baseline of ${findings.length} finding(s) to ${path}`)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    deps.log.warning(`Input 'write-baseline': could not write ${path}: ${reason}`)
  }
}
