/**
 * Runs the built action (dist/index.js) against the local Config emulator with a scripted
 * scenario, prints the action's log and outputs, and writes the job summary to a file.
 * Exits 0 when the action behaved as the scenario scripts it (a scripted failure included).
 *
 *   npm run demo [-- --scenario mixed|all-complete|timeout|deletion] [--node PATH] [--out DIR] [--debug]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigEmulator, type Scenario } from '../test/emulator/config-emulator.js'
import { failedDeployment } from '../test/emulator/stack-histories.js'
import { runAction } from '../test/support/run-action.js'

interface DemoScenario {
  readonly description: string
  readonly scenario: Scenario
  readonly inputs: Record<string, string>
  readonly expect: {
    readonly result: string
    readonly exitCode: number
    readonly outputs: Record<string, unknown>
    /** Text the job summary must show. */
    readonly summary?: readonly string[]
  }
}

const FAST = { 'min-delay-seconds': '0.25', 'max-delay-seconds': '1', 'timeout-seconds': '20' }

const SCENARIOS: Record<string, DemoScenario> = {
  mixed: {
    description: 'three packs deploying: two complete, one fails with a reason',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 1500 }]
        },
        {
          name: 'operational-best-practices',
          timeline: [
            { state: 'CREATE_IN_PROGRESS' },
            {
              state: 'CREATE_FAILED',
              atMs: 2200,
              reason: 'Conformance pack creation failed: the CloudFormation stack rolled back.'
            }
          ],
          stack: {
            events: failedDeployment({
              logicalId: 'AccessKeysRotated',
              reason:
                'Config rule access-keys-rotated already exists in this account (Service: Config, Status Code: 400). Delete it or rename the rule in the template.'
            })
          }
        },
        {
          name: 's3-security',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 3000 }]
        }
      ]
    },
    inputs: {
      'conformance-pack-names': 'iam-baseline\noperational-best-practices, s3-security',
      ...FAST
    },
    expect: {
      result: 'failure',
      exitCode: 1,
      summary: [
        '<strong>Cause:</strong> AccessKeysRotated (AWS::Config::ConfigRule) CREATE_FAILED'
      ],
      outputs: {
        'completed-packs': ['iam-baseline', 's3-security'],
        'failed-packs': ['operational-best-practices'],
        'pending-packs': []
      }
    }
  },
  'all-complete': {
    description: 'every pack in the region (no names given) finishes deploying',
    scenario: {
      packs: ['iam-baseline', 's3-security', 'network-controls'].map((name, i) => ({
        name,
        timeline: [
          { state: 'CREATE_IN_PROGRESS' as const },
          { state: 'CREATE_COMPLETE' as const, atMs: 1000 + i * 700 }
        ]
      }))
    },
    inputs: { ...FAST },
    expect: {
      result: 'success',
      exitCode: 0,
      outputs: {
        'completed-packs': ['iam-baseline', 's3-security', 'network-controls'],
        'failed-packs': []
      }
    }
  },
  timeout: {
    description: 'one pack completes, one is still creating when the 3 s deadline passes',
    scenario: {
      packs: [
        {
          name: 'iam-baseline',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atMs: 800 }]
        },
        { name: 'slow-pack', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }
      ]
    },
    inputs: { 'conformance-pack-names': 'iam-baseline,slow-pack', ...FAST, 'timeout-seconds': '3' },
    expect: {
      result: 'timeout',
      exitCode: 1,
      outputs: { 'completed-packs': ['iam-baseline'], 'pending-packs': ['slow-pack'] }
    }
  },
  deletion: {
    description: 'two packs being deleted: both finish and disappear',
    scenario: {
      packs: [
        {
          name: 'legacy-pack',
          timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atMs: 1200 }]
        },
        {
          name: 'old-s3-pack',
          timeline: [{ state: 'DELETE_IN_PROGRESS' }, { state: 'ABSENT', atMs: 2000 }]
        }
      ]
    },
    inputs: { 'conformance-pack-names': 'legacy-pack,old-s3-pack', ...FAST },
    expect: {
      result: 'success',
      exitCode: 0,
      outputs: { 'completed-packs': ['legacy-pack', 'old-s3-pack'], 'missing-packs': [] }
    }
  }
}

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
