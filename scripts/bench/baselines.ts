import {
  ConfigServiceClient,
  DescribeConformancePackStatusCommand,
  type DescribeConformancePackStatusCommandInput
} from '@aws-sdk/client-config-service'
import { createWaiter, WaiterState } from '@smithy/core/client'
import { TEST_CREDENTIALS } from '../../test/support/run-action.js'

/**
 * The two ways of waiting the action is compared with. Both wait for each pack on its own,
 * as a per-resource waiter does (one call names one pack), all packs at once, and return
 * when the last pack is terminal. They use the real SDK client, so their calls cross the
 * same wire as the action's.
 */

const TERMINAL = new Set(['CREATE_COMPLETE', 'CREATE_FAILED', 'DELETE_FAILED'])

export interface BaselineRun {
  /** Real ms of each DescribeConformancePackStatus call, as the caller saw it. */
  readonly requestMs: number[]
}

export interface BaselineOptions {
  readonly endpoint: string
  readonly names: readonly string[]
  /** Simulated ms per real ms: every delay below is divided by it. */
  readonly timeScale: number
}

function client(endpoint: string): ConfigServiceClient {
  return new ConfigServiceClient({
    region: 'us-east-1',
    endpoint,
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY
    }
  })
}

async function isTerminal(
  config: ConfigServiceClient,
  input: DescribeConformancePackStatusCommandInput,
  requestMs: number[]
): Promise<boolean> {
  const started = performance.now()
  const out = await config.send(new DescribeConformancePackStatusCommand(input))
  requestMs.push(performance.now() - started)
  const state = out.ConformancePackStatusDetails?.[0]?.ConformancePackState
  return state !== undefined && TERMINAL.has(state)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Asks for each pending pack, then sleeps `intervalS` (simulated), until none is pending. */
export async function fixedPoller(
  options: BaselineOptions & { readonly intervalS: number }
): Promise<BaselineRun> {
  const config = client(options.endpoint)
  const requestMs: number[] = []
  const intervalMs = (options.intervalS * 1000) / options.timeScale
  try {
    await Promise.all(
      options.names.map(async (name) => {
        while (!(await isTerminal(config, { ConformancePackNames: [name] }, requestMs))) {
          await sleep(intervalMs)
        }
      })
    )
  } finally {
    config.destroy()
  }
  return { requestMs }
}

/**
 * The SDK's generic waiter (`createWaiter` of @smithy/core, which every `waitUntil…` of the
 * AWS SDK for JavaScript v3 is built on) with its default delays: 2 s doubling, with jitter,
 * up to 120 s. AWS Config has no waiter of its own; this is what one would look like.
 */
export async function sdkWaiter(
  options: BaselineOptions & {
    readonly minDelayS: number
    readonly maxDelayS: number
    readonly maxWaitS: number
  }
): Promise<BaselineRun> {
  const config = client(options.endpoint)
  const requestMs: number[] = []
  const scale = options.timeScale
  try {
    await Promise.all(
      options.names.map(async (name) => {
        const result = await createWaiter(
          {
            client: config,
            minDelay: options.minDelayS / scale,
            maxDelay: options.maxDelayS / scale,
            maxWaitTime: options.maxWaitS / scale
          },
          { ConformancePackNames: [name] },
          async (c, input) => ({
            state: (await isTerminal(c, input, requestMs)) ? WaiterState.SUCCESS : WaiterState.RETRY
          })
        )
        if (result.state !== WaiterState.SUCCESS) {
          throw new Error(`SDK waiter for ${name} ended ${result.state}`)
        }
      })
    )
  } finally {
    config.destroy()
  }
  return { requestMs }
}
