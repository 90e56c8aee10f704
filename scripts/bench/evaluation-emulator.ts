import {
  ConfigEmulator,
  type EmulatedPack,
  type Scenario
} from '../../test/emulator/config-emulator.js'

export const STATUS_OPERATION = 'DescribeConfigRuleEvaluationStatus'
const STATUS_READ = `StarlingDoveService.${STATUS_OPERATION}`

export const EVALUATED_PACK = 'bench-evaluated-pack'
const RULE = `${EVALUATED_PACK}-rule`

/**
 * The emulator with one pack, CREATE_COMPLETE from the first request on (its
 * LastUpdateCompletedTime is that first answer: the wait's reference, as simulated), whose one
 * managed rule was created by the deployment and is evaluated `evaluationS` simulated seconds
 * after the first request. Until that request arrives the rule has no evaluation; the
 * evaluation time is set once it has, so the process's start-up (real time) does not eat into
 * the scripted minutes.
 */
export class EvaluationEmulator {
  readonly emulator: ConfigEmulator
  readonly anchored: Promise<void>
  private startedAt = 0
  private anchor: number | undefined
  private watch: NodeJS.Timeout | undefined
  private resolveAnchor: () => void = () => undefined
  /** LastUpdateRequestedTime: ten minutes before the run. */
  private readonly requestedAt = Date.now() - 600_000

  constructor(
    readonly evaluationS: number,
    readonly scale: number
  ) {
    this.emulator = new ConfigEmulator(this.scenario())
    this.anchored = new Promise((resolve) => (this.resolveAnchor = resolve))
  }

  async start(): Promise<string> {
    // ConfigEmulator.start reads the same clock first thing, in the same tick.
    this.startedAt = Date.now()
    const endpoint = await this.emulator.start()
    this.watch = setInterval(() => this.checkAnchor(), 5)
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

  /** When the first request arrived, real ms since the emulator started. */
  get anchorAt(): number {
    if (this.anchor === undefined) throw new Error('no request has arrived yet')
    return this.anchor
  }

  /** When the evaluation becomes visible, real ms since the emulator started. */
  get evaluationAt(): number {
    return this.anchorAt + (this.evaluationS * 1000) / this.scale
  }

  statusReadsAt(): number[] {
    return this.emulator.requests.filter((r) => r.target === STATUS_READ).map((r) => r.at)
  }

  private checkAnchor(): void {
    const first = this.emulator.requests[0]
    if (!first) return
    clearInterval(this.watch)
    this.anchor = first.at
    this.emulator.setScenario(this.scenario())
    this.resolveAnchor()
  }

  private scenario(): Scenario {
    // The emulator shows an evaluation once startedAt + real elapsed × scale reaches
    // requestedAt + atMs: this atMs makes that the real moment `evaluationAt`.
    const evaluations =
      this.anchor === undefined
        ? []
        : [
            {
              atMs: this.startedAt - this.requestedAt + this.evaluationAt * this.scale,
              results: [
                {
                  resourceType: 'AWS::S3::Bucket',
                  resourceId: 'bench-bucket',
                  compliance: 'COMPLIANT' as const
                }
              ]
            }
          ]
    const pack: EmulatedPack = {
      name: EVALUATED_PACK,
      timeline: [{ state: 'CREATE_COMPLETE' }],
      requestedAt: this.requestedAt,
      // Created by this deployment (after its request, before its completion).
      rules: [{ name: RULE, activatedAtMs: 300_000, evaluations }]
    }
    return { timeScale: this.scale, packs: [pack] }
  }
}
