import { INPUT_SPECS } from '../input-spec.js'
import { InputError, InputErrors, parseInputs, type InputSource } from '../inputs.js'
import type { PipelineOutcome } from '../pipeline.js'
import type { ResultDestination } from '../publish/destination.js'
import { outputsOf } from '../publish/publish.js'
import type { Env } from '../shared/env.js'
import type { Log } from '../shared/log.js'
import { deadlineWords, NO_REGION } from './command-words.js'
import { EXIT, exitCode, type ExitCode } from './exit-code.js'
import { flagMessage, parseCommandLine, type CommandOptions } from './flags.js'
import { COMMAND, helpText } from './help.js'
import { renderJson } from './json-output.js'
import { REPORT_FILES } from './report-files.js'
import { commandReport } from './report-view.js'
import { terminalDestination } from './terminal-destination.js'
import { renderPackTable } from './terminal-table.js'
import { colorEnabled, debugEnabled, terminalLog, type OutputStream } from './terminal.js'

/** A stream that may say how wide the terminal is. */
export interface Terminal extends OutputStream {
  readonly columns?: number
}

/** What the command's front end gives the pipeline; the composition root adds the rest. */
export interface FrontEnd {
  readonly inputs: InputSource
  readonly log: Log
  readonly destination: ResultDestination
}

export interface CommandDeps {
  /** argv without node and the script. */
  readonly args: readonly string[]
  readonly env: Env
  readonly stdout: Terminal
  readonly stderr: Terminal
  readonly version: string
  /** Epoch ms. */
  readonly now: () => number
  readonly writeFile: (path: string, text: string) => Promise<void>
  readonly pipeline: (front: FrontEnd) => Promise<PipelineOutcome>
  /** The signal that cancelled the run, if one did. */
  readonly signalled: () => NodeJS.Signals | undefined
  /** The region of the AWS profile's config, read only when neither --region nor the environment names one. */
  readonly profileRegion: () => Promise<string | undefined>
}

/**
 * The command: flags → the pipeline → the table, the closing line, the files and --json →
 * the exit code. A bad flag or value is refused before anything is asked of AWS.
 */
export async function runCommand(deps: CommandDeps): Promise<ExitCode> {
  const { stdout, stderr, env } = deps
  const line = parseCommandLine(deps.args, INPUT_SPECS)
  switch (line.kind) {
    case 'help':
      stdout.write(helpText(INPUT_SPECS))
      return EXIT.success
    case 'version':
      stdout.write(`${deps.version}\n`)
      return EXIT.success
    case 'usage-error':
      return usage(stderr, line.message)
  }
  const inputs = await withProfileRegion(line.inputs, deps)
  // Every flag is checked before anything is asked of AWS.
  try {
    parseInputs(inputs, env)
  } catch (error) {
    return usage(stderr, inputErrorMessage(error))
  }
  return run(deps, inputs, line.options)
}

/** Without --region, AWS_REGION or AWS_DEFAULT_REGION: the profile's region, as the AWS CLI takes it. */
async function withProfileRegion(source: InputSource, deps: CommandDeps): Promise<InputSource> {
  if (source.getInput('region') !== '' || deps.env.AWS_REGION || deps.env.AWS_DEFAULT_REGION)
    return source
  const region = await deps.profileRegion()
  if (region === undefined) return source
  return {
    ...source,
    getInput: (name) => (name === 'region' ? region : source.getInput(name)),
    getMultilineInput: (name) => (name === 'region' ? [region] : source.getMultilineInput(name))
  }
}

async function run(
  deps: CommandDeps,
  source: InputSource,
  options: CommandOptions
): Promise<ExitCode> {
  const { stdout, stderr, env } = deps
  // With --json, stdout carries the JSON alone.
  const out = options.json ? stderr : stdout
  const color = colorEnabled(out, env, options.noColor)
  const terminal = terminalLog(out, { color, debug: debugEnabled(env, options.debug) })
  const destination = terminalDestination(terminal)
  const outcome = await deps.pipeline({ inputs: source, log: destination.log, destination })
  if (outcome.kind === 'input-error') return usage(stderr, inputErrorMessage(outcome.message))

  const { report } = outcome
  const results = destination.results()
  let written = true
  const write = async (flag: string, path: string | undefined, text: string): Promise<void> => {
    if (path === undefined) return
    try {
      await deps.writeFile(path, text)
    } catch (error) {
      written = false
      terminal.error(`Could not write --${flag} ${path}: ${String(error)}`)
    }
  }
  for (const file of REPORT_FILES)
    await write(file.flag, options.files.get(file.flag), file.render(report))

  out.write(
    renderPackTable(commandReport(report), {
      color,
      columns: out.isTTY === true ? out.columns : undefined
    })
  )
  for (const closing of results.closing) terminal.info(closing)
  if (results.failLine !== undefined)
    terminal.error(
      report.verdict.result === 'timeout'
        ? deadlineWords(results.failLine, report.inputs.timeoutMs)
        : results.failLine
    )
  if (options.json) stdout.write(renderJson(outputsOf(report)))

  const { verdict } = report
  const code = exitCode(
    { kind: 'result', result: verdict.result, failStep: verdict.failStep },
    deps.signalled()
  )
  // A report asked for and not written is a failure of its own.
  return code === EXIT.success && !written ? EXIT.failure : code
}

function usage(stderr: Terminal, message: string): ExitCode {
  stderr.write(`${COMMAND}: ${message}\n`)
  return EXIT.usage
}

function inputErrorMessage(error: unknown): string {
  // Each bad value on its own line, each in the flag's words.
  if (error instanceof InputErrors)
    return [
      `${error.errors.length} flag values are invalid:`,
      ...error.errors.map((e) => `  ${flagError(e)}`)
    ].join('\n')
  if (error instanceof InputError) return flagError(error)
  return flagMessage(
    typeof error === 'string' ? error : `Invalid input: ${String(error)}`,
    INPUT_SPECS
  )
}

/** One bad value in the flag's words; no region at all says where one can come from. */
function flagError(error: InputError): string {
  if (error.input === 'region' && error.value === '') return NO_REGION
  return flagMessage(error.message, INPUT_SPECS)
}
