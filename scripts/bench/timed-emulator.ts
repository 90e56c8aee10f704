import {
  ConfigEmulator,
  type RecordedRequest,
  type Scenario
} from '../../test/emulator/config-emulator.js'
import type { TimedPack } from './scenarios.js'

export const DESCRIBE = 'StarlingDoveService.DescribeConformancePackStatus'

export interface TimedEmulatorOptions {
  /** Simulated ms per real ms. */
  readonly timeScale: number
  /** Real ms added to every answer. */
  readonly latencyMs?: number
}

/**
 * The project's Config emulator with each pack's timeline counted from the first
 * DescribeConformancePackStatus request instead of from the emulator's start: a process
 * start-up (real time, so worth minutes once scaled) must not eat into the scripted minutes.
 * Until that request, every pack is CREATE_IN_PROGRESS. All times it reports are real ms
 * since the emulator started, the frame of `RecordedRequest.at`.
 */
export class TimedEmulator {
  readonly emulator: ConfigEmulator
  /** Resolves once the first request has arrived and the timelines are set. */
  readonly anchored: Promise<void>
  private startedAt = 0
  private anchorAt: number | undefined
  private watch: NodeJS.Timeout | undefined
  private resolveAnchor: () => void = () => undefined

  constructor(
    readonly packs: readonly TimedPack[],
    private readonly options: TimedEmulatorOptions
  ) {
    this.emulator = new ConfigEmulator(this.scenario(undefined))
    this.anchored = new Promise((resolve) => (this.resolveAnchor = resolve))
  }

  async start(): Promise<string> {
    this.startedAt = Date.now()
    const endpoint = await this.emulator.start()
    this.watch = setInterval(() => this.checkAnchor(), 1)
    return endpoint
  }

  async stop(): Promise<void> {
    clearInterval(this.watch)
    await this.emulator.stop()
  }

  /** Real ms since the emulator started. */
  now(): number {
    return Date.now() - this.startedAt
  }

  /** When the first request arrived (real ms since start). */
  get anchor(): number {
    if (this.anchorAt === undefined) throw new Error('no request has arrived yet')
    return this.anchorAt
  }

  /** When `pack` reaches its terminal state (real ms since start). */
  doneAt(pack: TimedPack): number {
    return this.anchor + (pack.doneAtS * 1000) / this.options.timeScale
  }

  /** The DescribeConformancePackStatus requests, oldest first. */
  describeRequests(): RecordedRequest[] {
    return this.emulator.requests.filter((r) => r.target === DESCRIBE)
  }

  /**
   * The request that saw `pack` terminal: the last one that asked for it (by name, or by
   * listing every pack). Every poller here stops asking for a pack once it is terminal.
   */
  observingRequest(pack: TimedPack): RecordedRequest {
    const asking = this.describeRequests().filter((r) => {
      const names = r.body.ConformancePackNames as string[] | undefined
      return !names?.length || names.includes(pack.name)
    })
    const last = asking.at(-1)
    if (!last) throw new Error(`no request asked for ${pack.name}`)
    return last
  }

  private checkAnchor(): void {
    const first = this.emulator.requests.find((r) => r.target === DESCRIBE)
    if (!first) return
    clearInterval(this.watch)
    this.anchorAt = first.at
    this.emulator.setScenario(this.scenario(first.at))
    this.resolveAnchor()
  }

  private scenario(anchorAt: number | undefined): Scenario {
    const { timeScale, latencyMs } = this.options
    return {
      timeScale,
      latencyMs,
      packs: this.packs.map((pack) => ({
        name: pack.name,
        // Requested at simulated t = 0, the first request, as the simulation assumes.
        requestedAt: 'first-call' as const,
        timeline:
          anchorAt === undefined
            ? [{ state: 'CREATE_IN_PROGRESS' as const }]
            : [
                { state: 'CREATE_IN_PROGRESS' as const },
                {
                  state: 'CREATE_COMPLETE' as const,
                  atMs: anchorAt * timeScale + pack.doneAtS * 1000
                }
              ]
      }))
    }
  }
}
