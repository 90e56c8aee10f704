/** The demo's command line and its verdict on a run, apart from the run itself so they can be tested. */
import { parseArgs } from 'node:util'
import type { ActionRun } from '../test/support/run-action.js'
import { SCENARIOS, type DemoScenario } from './demo-scenarios.js'

export interface DemoOptions {
  readonly scenario: string
  readonly demo: DemoScenario
  readonly node?: string
  readonly out: string
  readonly debug: boolean
  /** Run the command, dist/cli.js, instead of the action. */
  readonly cli: boolean
}

export type DemoArgs =
  | { readonly kind: 'run'; readonly options: DemoOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string }

/** The scenarios, one a line, each with what it shows. */
export function scenarioList(indent = '  '): string {
  const width = Math.max(...Object.keys(SCENARIOS).map((name) => name.length))
  return Object.entries(SCENARIOS)
    .map(([name, demo]) => `${indent}${name.padEnd(width)}  ${demo.description}`)
    .join('\n')
}

export function demoUsage(): string {
  return `Usage: npm run demo -- [--scenario NAME] [--node PATH] [--out DIR] [--debug] [--cli]

Runs the built action (dist/index.js) against a local AWS Config emulator that plays a
scripted scenario, prints the action's log, outputs and AWS calls, writes the job summary to
a file, and checks that the action behaved as the scenario scripts it.

Options:
  --scenario NAME  the scenario to play (default: mixed)
  --node PATH      the Node.js binary that runs dist/index.js (default: the one running the demo)
  --out DIR        the folder for the job summary, summary-NAME.md (default: demo-output)
  --debug          also show the action's debug lines
  --cli            run the command (dist/cli.js) with the scenario's inputs as flags instead
                   of the action; writes summary-NAME.md, junit-NAME.xml and outputs-NAME.json
  --help           show this help

Scenarios:
${scenarioList()}
`
}

export function unknownScenario(name: string): string {
  return `Unknown scenario ${JSON.stringify(name)}; choose one of:\n${scenarioList()}`
}

export function parseDemoArgs(args: readonly string[]): DemoArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        scenario: { type: 'string', default: 'mixed' },
        node: { type: 'string' },
        out: { type: 'string', default: 'demo-output' },
        debug: { type: 'boolean', default: false },
        cli: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'error', message: `${message}\nRun 'npm run demo -- --help' for the options.` }
  }
  if (values.help) return { kind: 'help', text: demoUsage() }
  const demo = Object.hasOwn(SCENARIOS, values.scenario) ? SCENARIOS[values.scenario] : undefined
  if (!demo) return { kind: 'error', message: unknownScenario(values.scenario) }
  return {
    kind: 'run',
    options: {
      scenario: values.scenario,
      demo,
      node: values.node,
      out: values.out,
      debug: values.debug,
      cli: values.cli
    }
  }
}

/** "AWS calls made: 7 (DescribeConformancePackStatus 6, CloudFormation.DescribeStackEvents 1)". */
export function callsReport(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0)
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  const detail = entries.map(([operation, n]) => `${operation} ${n}`).join(', ')
  return `AWS calls made: ${total}${detail ? ` (${detail})` : ''}`
}

/** What differs between the run and what the scenario scripts; empty when nothing does. */
export function demoProblems(demo: DemoScenario, run: ActionRun): string[] {
  const problems: string[] = []
  if (run.outputs.result !== demo.expect.result)
    problems.push(`result ${run.outputs.result}, expected ${demo.expect.result}`)
  if (run.code !== demo.expect.exitCode)
    problems.push(`exit code ${run.code}, expected ${demo.expect.exitCode}`)
  for (const [key, expected] of Object.entries(demo.expect.outputs)) {
    const actual = run.outputs[key]
    if (actual !== JSON.stringify(expected))
      problems.push(`${key} ${actual}, expected ${JSON.stringify(expected)}`)
  }
  for (const text of [`conformance packs: ${demo.expect.result}`, ...(demo.expect.summary ?? [])]) {
    if (!run.summary.includes(text)) problems.push(`the job summary lacks ${JSON.stringify(text)}`)
  }
  for (const pattern of demo.expect.log ?? []) {
    if (!pattern.test(run.stdout)) problems.push(`the log does not match ${String(pattern)}`)
  }
  return problems
}

/**
 * The scenario's inputs as the command's flags: `--name value`, in order. A value on several
 * lines (a list, as a workflow writes it) is the flag repeated, a line each, as a person types
 * it in a shell.
 */
export function scenarioFlags(inputs: Readonly<Record<string, string>>): string[] {
  return Object.entries(inputs).flatMap(([name, value]) =>
    value
      .split('\n')
      .map((line) => line.trim())
      .filter((line, _i, lines) => line !== '' || lines.length === 1)
      .flatMap((line) => [`--${name}`, line])
  )
}

/** A word for a POSIX shell: as it is when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}

/** A command line to paste into a shell: the variables, then the words, each quoted as needed. */
export function shellCommand(
  env: Readonly<Record<string, string>>,
  words: readonly string[]
): string {
  return [
    ...Object.entries(env).map(([name, value]) => `${name}=${shellWord(value)}`),
    ...words.map(shellWord)
  ].join(' ')
}

/** The command's exit code for what the scenario scripts: timeout is 2, cancellation 130. */
export function cliExitCode(expect: DemoScenario['expect']): number {
  if (expect.exitCode === 0) return 0
  if (expect.result === 'timeout') return 2
  if (expect.result === 'cancelled') return 130
  return 1
}

/**
 * demoProblems for a run of the command: its --json object read back into the outputs the
 * action would have set. The scenarios' log patterns are the action's workflow-command lines,
 * which the command never writes, so they are not checked.
 */
export function cliDemoProblems(
  demo: DemoScenario,
  run: { readonly code: number | null; readonly stdout: string; readonly summary: string }
): string[] {
  let outputs: Record<string, string>
  try {
    const document = JSON.parse(run.stdout) as Record<string, unknown>
    outputs = Object.fromEntries(
      Object.entries(document).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
    )
  } catch {
    return [`stdout is not one JSON object: ${JSON.stringify(run.stdout.slice(0, 200))}`]
  }
  const scripted = {
    ...demo,
    expect: { ...demo.expect, exitCode: cliExitCode(demo.expect), log: [] }
  }
  return demoProblems(scripted, {
    code: run.code,
    signal: null,
    stdout: '',
    stderr: '',
    outputs,
    summary: run.summary
  })
}
