import { afterEach, beforeEach, vi } from 'vitest'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from './run-action.js'

/**
 * One emulator per test, for tests of the real SDK in this process: test credentials and one
 * SDK attempt a request in the environment before each test (a count of calls is the wait's
 * own), the emulator stopped and the environment restored after it.
 */
export function emulatorSession(): {
  /** Starts the test's emulator and points the SDK at it (AWS_ENDPOINT_URL). */
  start(scenario: Scenario): Promise<ConfigEmulator>
  /** The running emulator, if the test started one. */
  readonly current: ConfigEmulator | undefined
} {
  let emulator: ConfigEmulator | undefined
  beforeEach(() => {
    for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
      vi.stubEnv(k, v)
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await emulator?.stop()
    emulator = undefined
  })
  return {
    async start(scenario) {
      emulator = new ConfigEmulator(scenario)
      vi.stubEnv('AWS_ENDPOINT_URL', await emulator.start())
      return emulator
    },
    get current() {
      return emulator
    }
  }
}
