/**
 * Runs the built action (dist/index.js) against the local Config emulator with a scripted
 * scenario, prints the action's log and outputs, and writes the job summary to a file.
 * Exits 0 when the action behaved as the scenario scripts it (a scripted failure included).
 *
 *   npm run demo [-- --scenario NAME] [--node PATH] [--out DIR] [--debug] [--cli]
 *
 * With --cli the command, dist/cli.js, runs the scenario instead, its inputs as flags.
 *   npm run demo -- --help    (the scenarios and options)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { runAction } from '../test/support/run-action.js'
import { runCli } from '../test/support/run-cli.js'
import {
  callsReport,
  cliDemoProblems,
  demoProblems,
  parseDemoArgs,
  scenarioFlags,
  shellCommand,
  type DemoOptions
} from './demo-cli.js'
import { emulatorEnvironment } from './emulator-cli.js'

async function main(): Promise<number> {
  const args = parseDemoArgs(process.argv.slice(2))
  if (args.kind === 'help') {
    process.stdout.write(args.text)
    return 0
  }
  if (args.kind === 'error') {
    console.error(args.message)
    return 2
  }
  const { scenario: name, demo, node, out, debug } = args.options
  const emulator = new ConfigEmulator(demo.scenario)
  const endpoint = await emulator.start()
  if (args.options.cli) {
    try {
      return await cliDemo(args.options, emulator, endpoint)
    } finally {
      await emulator.stop()
    }
  }
  console.log(`Demo scenario '${name}': ${demo.description}`)
  console.log(
    `AWS Config emulator at ${endpoint}; running dist/index.js${node ? ` with ${node}` : ''}\n`
  )
  try {
    const run = await runAction({
      inputs: demo.inputs,
      endpoint,
      node,
      env: { AWS_REGION: 'us-east-1' },
      // The runner hides ::debug:: lines unless step debugging is on; so does the demo.
      echo: (chunk) => {
        const shown = debug ? chunk : chunk.replace(/^::debug::.*\n?/gm, '')
        if (shown) process.stdout.write(shown)
      }
    })
    if (run.stderr.trim()) console.log(`\n(stderr)\n${run.stderr}`)
    const outDir = resolve(out)
    await mkdir(outDir, { recursive: true })
    const summaryFile = join(outDir, `summary-${name}.md`)
    await writeFile(summaryFile, run.summary)
    console.log('\nOutputs:')
    for (const [key, value] of Object.entries(run.outputs)) console.log(`  ${key} = ${value}`)
    console.log(`\nJob summary written to ${summaryFile}`)
    console.log(callsReport(emulator.callCounts()))

    const problems = demoProblems(demo, run)
    if (problems.length) {
      console.error(`\nDemo FAILED: ${problems.join('; ')}`)
      return 1
    }
    console.log(
      `\nDemo OK: the action behaved as scripted (result ${run.outputs.result}, exit code ${run.code}).`
    )
    return 0
  } finally {
    await emulator.stop()
  }
}

/** The scenario through the command: the log and table as a person sees them, then the files. */
async function cliDemo(
  options: DemoOptions,
  emulator: ConfigEmulator,
  endpoint: string
): Promise<number> {
  const { scenario: name, demo, out, debug } = options
  const outDir = resolve(out)
  await mkdir(outDir, { recursive: true })
  const files = { summary: `summary-${name}.md`, junit: `junit-${name}.xml` }
  const args = [
    ...scenarioFlags(demo.inputs),
    '--json',
    '--summary-file',
    join(outDir, files.summary),
    '--junit-file',
    join(outDir, files.junit),
    ...(debug ? ['--debug'] : [])
  ]
  // The emulator's environment: its endpoint, the region and the dummy keys it accepts.
  const env = { ...emulatorEnvironment(endpoint, demo), AWS_REGION: 'us-east-1' }
  console.log(`Demo scenario '${name}': ${demo.description}`)
  console.log(`AWS Config emulator at ${endpoint}; running, as a shell would:`)
  console.log(`${shellCommand(env, [options.node ?? 'node', 'dist/cli.js', ...args])}\n`)
  const run = await runCli({
    args,
    endpoint,
    env,
    node: options.node,
    // The log and the table are on stderr beside --json.
    echoStderr: (chunk) => process.stderr.write(chunk)
  })
  const summary = await readFile(join(outDir, files.summary), 'utf8').catch(() => '')
  await writeFile(join(outDir, `outputs-${name}.json`), run.stdout)
  console.log(`\n--json:\n${run.stdout}`)
  console.log(`Files written to ${outDir}: ${files.summary}, ${files.junit}, outputs-${name}.json`)
  console.log(callsReport(emulator.callCounts()))
  const problems = cliDemoProblems(demo, { ...run, summary })
  if (problems.length) {
    console.error(`\nDemo FAILED: ${problems.join('; ')}`)
    return 1
  }
  console.log(`\nDemo OK: the command behaved as scripted (exit code ${run.code}).`)
  return 0
}

process.exitCode = await main()
