import { createConfigClient } from '../../src/aws/client.js'
import { systemClock } from '../../src/shared/clock.js'
import type { ConfigServiceClient } from '@aws-sdk/client-config-service'
import { createStatusSource } from '../../src/aws/account-status-source.js'
import type { StatusSource } from '../../src/wait/status-source.js'
import { waitForPacks, type WaitPlan, type WaitResult } from '../../src/wait/wait-for-packs.js'
import { ConfigEmulator, type Scenario } from '../emulator/config-emulator.js'
import { recordingLog, type RecordingLog } from '../support/doubles.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

export interface WireRun {
  readonly result: WaitResult
  readonly emulator: ConfigEmulator
  readonly logs: RecordingLog['entries']
  readonly elapsedMs: number
}

export interface WireOptions {
  /** The plan, and the run's deadline (default 5 s from the start). */
  readonly plan?: Partial<WaitPlan> & { readonly deadline?: number }
  /** Environment for the SDK client, on top of the emulator endpoint and test keys. */
  readonly env?: Record<string, string>
  readonly signal?: AbortSignal
  /** The source over the SDK client; default the account scope's. */
  readonly source?: (client: ConfigServiceClient) => StatusSource
  /** Where AWS_ENDPOINT_URL points; default the emulator. */
  readonly endpointEnv?: (emulatorUrl: string) => Record<string, string>
}

/**
 * The real wire path: the AWS SDK client the action builds, speaking HTTP to the emulator on
 * 127.0.0.1, driven by the real wait loop with small delays.
 */
export async function waitOverWire(
  scenario: Scenario,
  options: WireOptions = {}
): Promise<WireRun> {
  const emulator = new ConfigEmulator(scenario)
  const url = await emulator.start()
  const saved = { ...process.env }
  Object.assign(
    process.env,
    TEST_CREDENTIALS,
    options.endpointEnv?.(url) ?? { AWS_ENDPOINT_URL: url },
    options.env
  )
  const log = recordingLog()
  const client = createConfigClient('us-east-1', process.env)
  try {
    const started = Date.now()
    const { deadline = started + 5_000, ...plan } = options.plan ?? {}
    const result = await waitForPacks(
      {
        names: [...scenario.packs, ...(scenario.organization?.packs ?? [])].map((p) => p.name),
        minDelayMs: 20,
        maxDelayMs: 80,
        missingPack: 'fail',
        ...plan
      },
      {
        source: options.source?.(client) ?? createStatusSource(client),
        clock: systemClock,
        deadline,
        signal: options.signal ?? new AbortController().signal,
        log
      }
    )
    return { result, emulator, logs: log.entries, elapsedMs: Date.now() - started }
  } finally {
    client.destroy()
    await emulator.stop()
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}

export function states(run: WireRun): Record<string, string> {
  return Object.fromEntries(run.result.packs.map((p) => [p.name, p.state]))
}

export function describeCalls(run: WireRun): Record<string, unknown>[] {
  return run.emulator.requests
    .filter((r) => r.target === 'StarlingDoveService.DescribeConformancePackStatus')
    .map((r) => r.body)
}
