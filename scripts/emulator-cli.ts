/** The command line of `npm run emulator` and what it prints, apart from the server itself. */
import { parseArgs } from 'node:util'
import { TEST_CREDENTIALS } from '../test/support/run-action.js'
import { scenarioList, unknownScenario } from './demo-cli.js'
import { SCENARIOS, type DemoScenario } from './demo-scenarios.js'

/** The port .env.example points at. */
export const DEFAULT_PORT = 4599

export type EmulatorArgs =
  | {
      readonly kind: 'run'
      readonly name: string
      readonly demo: DemoScenario
      readonly port: number
    }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string }

export function emulatorUsage(): string {
  return `Usage: npm run emulator -- [--scenario NAME] [--port PORT]

Starts the local AWS Config emulator playing a demo scenario and prints the environment that
points the action (npm run local-action), the AWS CLI or an SDK at it. Runs until Ctrl-C;
Enter replays the scenario from its start.

Options:
  --scenario NAME  the scenario to play (default: mixed)
  --port PORT      the port on 127.0.0.1 (default: ${DEFAULT_PORT}, the one .env.example names; 0: any free one)
  --help           show this help

Scenarios:
${scenarioList()}
`
}

export function parseEmulatorArgs(args: readonly string[]): EmulatorArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        scenario: { type: 'string', default: 'mixed' },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      kind: 'error',
      message: `${message}\nRun 'npm run emulator -- --help' for the options.`
    }
  }
  if (values.help) return { kind: 'help', text: emulatorUsage() }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535)
    return {
      kind: 'error',
      message: `--port must be a port number (0-65535), got "${values.port}"`
    }
  const demo = Object.hasOwn(SCENARIOS, values.scenario) ? SCENARIOS[values.scenario] : undefined
  if (!demo) return { kind: 'error', message: unknownScenario(values.scenario) }
  return { kind: 'run', name: values.scenario, demo, port }
}

/** The variables that point the AWS SDK and CLI at the emulator; the keys are dummies it accepts. */
export function emulatorEnvironment(endpoint: string, demo: DemoScenario): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: firstRegion(demo),
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

/** The scenario's inputs as .env lines (INPUT_<NAME>, hyphens kept, as @actions/core reads them). */
export function inputLines(demo: DemoScenario): string[] {
  return Object.entries(demo.inputs).map(
    ([name, value]) => `INPUT_${name.toUpperCase()}=${JSON.stringify(value)}`
  )
}

/** The AWS CLI command that asks the emulator what the action asks it. */
export function cliCommand(endpoint: string, demo: DemoScenario): string {
  const operation =
    demo.inputs.scope === 'organization'
      ? 'describe-organization-conformance-pack-statuses'
      : 'describe-conformance-pack-status'
  return `aws configservice ${operation} --endpoint-url ${endpoint} --region ${firstRegion(demo)}`
}

export function emulatorInstructions(name: string, endpoint: string, demo: DemoScenario): string {
  const env = emulatorEnvironment(endpoint, demo)
  return `AWS Config emulator playing '${name}' (${demo.description}) at ${endpoint}

Environment for the AWS SDK and CLI (a shell: paste these lines):
${Object.entries(env)
  .map(([key, value]) => `  export ${key}=${value}`)
  .join('\n')}

The action's inputs for this scenario (.env lines):
${inputLines(demo)
  .map((line) => `  ${line}`)
  .join('\n')}

Try it (.env.example holds the mixed scenario's inputs; for another, put the lines above in .env):
  cp .env.example .env && npm run local-action
  ${cliCommand(endpoint, demo)}

Enter replays the scenario from its start; Ctrl-C stops the emulator.
`
}

function firstRegion(demo: DemoScenario): string {
  return demo.inputs.region?.split(/[\s,]+/).find(Boolean) ?? 'us-east-1'
}
