import { afterEach } from 'vitest'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { runAction, type ActionOptions } from '../support/run-action.js'

/** Inputs that keep a run of the bundle short. */
export const FAST = {
  'min-delay-seconds': '0.05',
  'max-delay-seconds': '0.2',
  'timeout-seconds': '10'
}
const REGION = { AWS_REGION: 'eu-west-1' }

let emulator: ConfigEmulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** Runs the committed bundle, dist/index.js, as the runner runs it, against a fresh emulator. */
export async function runWith(scenario: Scenario, options: Omit<ActionOptions, 'endpoint'>) {
  emulator = new ConfigEmulator(scenario)
  const endpoint = await emulator.start()
  const run = await runAction({ ...options, endpoint, env: { ...REGION, ...options.env } })
  return { ...run, emulator }
}

export const json = (text: string | undefined): unknown => JSON.parse(text ?? 'null')
