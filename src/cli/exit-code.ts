/** The command's exit codes: what a CI job or a shell script branches on. */
export const EXIT = {
  success: 0,
  failure: 1,
  timeout: 2,
  usage: 64,
  sigint: 130,
  sigterm: 143
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The exit codes with what each means, in order: for --help and docs/cli.md. */
export const EXIT_CODES: readonly { readonly code: ExitCode; readonly meaning: string }[] = [
  {
    code: EXIT.success,
    meaning:
      'every pack deployed (and compliant under --compliance require); also a failed pack under --fail-on-failure false'
  },
  { code: EXIT.failure, meaning: 'a pack failed, is missing, or is NON_COMPLIANT; or AWS refused' },
  { code: EXIT.timeout, meaning: 'the deadline passed with packs still deploying' },
  {
    code: EXIT.usage,
    meaning: 'a bad flag or flag value, or a Node.js older than 22 (nothing was asked of AWS)'
  },
  { code: EXIT.sigint, meaning: 'interrupted by SIGINT (Ctrl-C), after writing the reports' },
  { code: EXIT.sigterm, meaning: 'stopped by SIGTERM, after writing the reports' }
]

/** The run's result as the verdict states it (src/verdict/verdict.ts). */
export type RunResult = 'success' | 'failure' | 'timeout' | 'cancelled' | 'noncompliant'

/** How the command ended: refused its flags, or ran to a verdict. */
export type CommandEnd =
  | { readonly kind: 'usage' }
  | {
      readonly kind: 'result'
      readonly result: RunResult
      /** The verdict's failStep: false for a failed pack under fail-on-failure false. */
      readonly failStep: boolean
    }

/**
 * The exit code. A signal wins over any result (the run was cut short, whatever it had found);
 * a 'cancelled' result without a known signal is reported as SIGINT's. A verdict that does not
 * fail the step exits 0, as the action's step passes.
 */
export function exitCode(end: CommandEnd, signal?: NodeJS.Signals): ExitCode {
  if (signal === 'SIGTERM') return EXIT.sigterm
  if (signal === 'SIGINT') return EXIT.sigint
  if (end.kind === 'usage') return EXIT.usage
  if (end.result === 'cancelled') return EXIT.sigint
  if (!end.failStep) return EXIT.success
  return end.result === 'timeout' ? EXIT.timeout : EXIT.failure
}
