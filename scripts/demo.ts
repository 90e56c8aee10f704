/**
 * Runs the built action (dist/index.js) against the local Config emulator with a scripted
 * scenario, prints the action's log and outputs, and writes the job summary to a file.
 * Exits 0 when the action behaved as the scenario scripts it (a scripted failure included).
 *
 *   npm run demo [-- --scenario NAME] [--node PATH] [--out DIR] [--debug]
 *   npm run demo -- --help    (the scenarios and options)
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { runAction } from '../test/support/run-action.js'
import { callsReport, demoProblems, parseDemoArgs } from './demo-cli.js'

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

process.exitCode = await main()
