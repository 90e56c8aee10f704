/**
 * Runs the built action (dist/index.js) against the local Config emulator with a scripted
 * scenario, prints the action's log and outputs, and writes the job summary to a file.
 * Exits 0 when the action behaved as the scenario scripts it (a scripted failure included).
 *
 *   npm run demo [-- --scenario NAME] [--node PATH] [--out DIR] [--debug]
 *
 * Scenarios: mixed (the default), all-complete, timeout, deletion, compliance, organization, regions.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { runAction } from '../test/support/run-action.js'
import { SCENARIOS } from './demo-scenarios.js'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'mixed' },
      node: { type: 'string' },
      out: { type: 'string', default: 'demo-output' },
      debug: { type: 'boolean', default: false }
    }
  })
  const name = values.scenario
  const demo = SCENARIOS[name]
  if (!demo) {
    console.error(
      `Unknown scenario ${JSON.stringify(name)}; choose one of: ${Object.keys(SCENARIOS).join(', ')}`
    )
    return 2
  }
  const emulator = new ConfigEmulator(demo.scenario)
  const endpoint = await emulator.start()
  console.log(`Demo scenario '${name}': ${demo.description}`)
  console.log(
    `AWS Config emulator at ${endpoint}; running dist/index.js${values.node ? ` with ${values.node}` : ''}\n`
  )
  try {
    const run = await runAction({
      inputs: demo.inputs,
      endpoint,
      node: values.node,
      env: { AWS_REGION: 'us-east-1' },
      // The runner hides ::debug:: lines unless step debugging is on; so does the demo.
      echo: (chunk) => {
        const shown = values.debug ? chunk : chunk.replace(/^::debug::.*\n?/gm, '')
        if (shown) process.stdout.write(shown)
      }
    })
    if (run.stderr.trim()) console.log(`\n(stderr)\n${run.stderr}`)
    const outDir = resolve(values.out)
    await mkdir(outDir, { recursive: true })
    const summaryFile = join(outDir, `summary-${name}.md`)
    await writeFile(summaryFile, run.summary)
    console.log('\nOutputs:')
    for (const [key, value] of Object.entries(run.outputs)) console.log(`  ${key} = ${value}`)
    console.log(`\nJob summary written to ${summaryFile}`)
    console.log(`AWS Config calls made: ${emulator.describeCalls}`)

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
    for (const text of [
      `conformance packs: ${demo.expect.result}`,
      ...(demo.expect.summary ?? [])
    ]) {
      if (!run.summary.includes(text))
        problems.push(`the job summary lacks ${JSON.stringify(text)}`)
    }
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
