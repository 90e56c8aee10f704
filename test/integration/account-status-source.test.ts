import { afterEach, expect, it, vi } from 'vitest'
import { createConfigClient } from '../../src/aws/client.js'
import { createStatusSource } from '../../src/aws/account-status-source.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { recordingLog } from '../support/doubles.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

let emulator: ConfigEmulator | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
  await emulator?.stop()
})

it('times each DescribeConformancePackStatus call in the debug log on the clock it is given', async () => {
  for (const [k, v] of Object.entries({ ...TEST_CREDENTIALS, AWS_MAX_ATTEMPTS: '1' }))
    vi.stubEnv(k, v)
  emulator = new ConfigEmulator({
    packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }]
  })
  vi.stubEnv('AWS_ENDPOINT_URL', await emulator.start())
  const client = createConfigClient('eu-west-1', process.env)
  // Each reading of the clock is 1234 ms after the one before.
  let now = 5_000_000
  const clock = { now: () => (now += 1_234) }
  const log = recordingLog()
  try {
    const packs = await createStatusSource(client, log, clock).listAll(
      () => new AbortController().signal
    )
    expect(packs.map((p) => p.name)).toEqual(['alpha'])
  } finally {
    client.destroy()
  }
  expect(log.lines.debug).toHaveLength(1)
  expect(log.lines.debug[0]).toMatch(/^DescribeConformancePackStatus\(all\): 1 packs in 1234 ms, /)
})
