import { afterEach } from 'vitest'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { runCli, type CliOptions } from '../support/run-cli.js'

export { CLI, runCli } from '../support/run-cli.js'

/** Flags that keep a run of the command short. */
export const FAST_FLAGS = [
  '--min-delay-seconds',
  '0.05',
  '--max-delay-seconds',
  '0.2',
  '--timeout-seconds',
  '10'
]

let emulator: ConfigEmulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** Runs dist/cli.js against a fresh emulator, the region from AWS_REGION as the AWS CLI reads it. */
export async function runCliWith(scenario: Scenario, options: Omit<CliOptions, 'endpoint'>) {
  emulator = new ConfigEmulator(scenario)
  const endpoint = await emulator.start()
  const run = await runCli({
    ...options,
    endpoint,
    env: { AWS_REGION: 'eu-west-1', ...options.env }
  })
  return { ...run, emulator }
}

// eslint-disable-next-line no-control-regex -- an SGR sequence starts with ESC
export const ANSI = /\u001b\[/
