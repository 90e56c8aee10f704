import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServiceState } from '../../src/pack-state.js'
import { describeStackEvents, type EmulatedStack } from './stack-events.js'

export type { EmulatedStack, EmulatedStackEvent } from './stack-events.js'

/**
 * A local AWS Config endpoint for tests, the demo and the benchmark: the awsJson1_1 protocol
 * (POST /, X-Amz-Target StarlingDoveService.<Operation>) for DescribeConformancePackStatus,
 * with packs that move through scripted timelines and faults injected by call number.
 */

/** ABSENT: the pack does not exist at that point (not yet created, or deleted). */
export type EmulatedState = ServiceState | 'ABSENT'

export interface TimelineStep {
  readonly state: EmulatedState
  readonly reason?: string
  /** Applies from this DescribeConformancePackStatus call on (1-based, counting every call). */
  readonly atCall?: number
  /** Applies once this much (scaled) time has passed since the emulator started. */
  readonly atMs?: number
}

export interface EmulatedPack {
  readonly name: string
  /** The first step is the initial state; later steps need atCall or atMs. */
  readonly timeline: readonly TimelineStep[]
  /** LastUpdateRequestedTime as epoch ms; default one minute before the emulator started. */
  readonly requestedAt?: number
  /** The pack's CloudFormation stack, for DescribeStackEvents. */
  readonly stack?: EmulatedStack
}

export type FaultResponse =
  | {
      readonly kind: 'error'
      readonly status: number
      readonly type: string
      readonly message?: string
      readonly viaHeader?: boolean
    }
  /** Never answers (until the emulator stops). */
  | { readonly kind: 'stall' }
  /** Answers normally, late. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Closes the connection without an answer. */
  | { readonly kind: 'reset' }

export interface FaultRule {
  /** DescribeConformancePackStatus call numbers (1-based) this fault answers, or every call. */
  readonly calls: readonly number[] | 'all'
  readonly response: FaultResponse
}

export interface Scenario {
  readonly packs: readonly EmulatedPack[]
  /** How a request naming an unknown pack is answered: left out of the result, or rejected whole. */
  readonly unknownNames?: 'omit' | 'reject'
  readonly faults?: readonly FaultRule[]
  /** Added to every answer, in ms of real time. */
  readonly latencyMs?: number
  /** Simulated ms per real ms for atMs steps (the benchmark runs minutes of timeline in seconds). */
  readonly timeScale?: number
  /** Events per DescribeStackEvents page (default 100). */
  readonly stackEventsPageSize?: number
}

export interface RecordedRequest {
  readonly call: number
  readonly target: string
  readonly body: Record<string, unknown>
  /** Real ms since the emulator started. */
  readonly at: number
  readonly region: string | undefined
  readonly authorization: string | undefined
}

const ACCOUNT = '123456789012'
const PAGE_SIZE = 20
const MAX_NAMES = 25
const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/

export class ConfigEmulator {
  readonly requests: RecordedRequest[] = []
  private server: Server | undefined
  private startedAt = 0
  private calls = 0
  private readonly reached = new Map<string, { state: EmulatedState; at: number }>()

  constructor(private scenario: Scenario) {}

  /** Replaces the scenario (keeps the call count and clock). */
  setScenario(scenario: Scenario): void {
    this.scenario = scenario
  }

  /** DescribeConformancePackStatus calls so far. */
  get describeCalls(): number {
    return this.calls
  }

  async start(): Promise<string> {
    this.startedAt = Date.now()
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private elapsedSimulated(): number {
    return (Date.now() - this.startedAt) * (this.scenario.timeScale ?? 1)
  }

  /** DescribeStackEvents calls so far. */
  get stackEventCalls(): number {
    return this.requests.filter((r) => r.target === 'CloudFormation.DescribeStackEvents').length
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return this.handleQuery(req, res, new URLSearchParams(raw))
    }
    const target = String(req.headers['x-amz-target'] ?? '')
    let body: Record<string, unknown> = {}
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return send(res, 400, { __type: 'SerializationException', message: 'Malformed JSON' })
    }
    const authorization = req.headers.authorization
    const region = regionOf(authorization)
    const isDescribe = target === 'StarlingDoveService.DescribeConformancePackStatus'
    const call = isDescribe ? ++this.calls : this.calls
    this.requests.push({
      call,
      target,
      body,
      at: Date.now() - this.startedAt,
      region,
      authorization
    })

    if (this.scenario.latencyMs) await sleep(this.scenario.latencyMs)
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      return send(res, 400, {
        __type: 'SerializationException',
        message: 'Expected an awsJson1_1 POST'
      })
    }
    if (!authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
      return send(res, 400, {
        __type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token'
      })
    }
    if (!isDescribe) {
      return send(res, 400, {
        __type: 'UnknownOperationException',
        message: `Unknown operation ${target}`
      })
    }

    const fault = this.scenario.faults?.find(
      (f) => f.calls === 'all' || f.calls.includes(call)
    )?.response
    if (fault?.kind === 'stall') return // held open until stop()
    if (fault?.kind === 'reset') return void req.socket.destroy()
    if (fault?.kind === 'error') {
      const headers: Record<string, string> = fault.viaHeader
        ? { 'x-amzn-ErrorType': `${fault.type}:http://internal.amazon.com/` }
        : {}
      return send(
        res,
        fault.status,
        { __type: fault.type, message: fault.message ?? fault.type },
        headers
      )
    }
    if (fault?.kind === 'delay') await sleep(fault.ms)

    const answer = this.describe(body, call, region ?? 'us-east-1')
    send(res, answer.status, answer.body)
  }

  /** CloudFormation (awsQuery): DescribeStackEvents for the packs' stacks. */
  private async handleQuery(
    req: IncomingMessage,
    res: ServerResponse,
    params: URLSearchParams
  ): Promise<void> {
    const action = params.get('Action') ?? ''
    const authorization = req.headers.authorization
    this.requests.push({
      call: this.calls,
      target: `CloudFormation.${action}`,
      body: Object.fromEntries(params),
      at: Date.now() - this.startedAt,
      region: regionOf(authorization),
      authorization
    })
    if (this.scenario.latencyMs) await sleep(this.scenario.latencyMs)
    const answer =
      action === 'DescribeStackEvents'
        ? describeStackEvents(
            params,
            (name) => {
              const pack = this.scenario.packs.find(
                (p) =>
                  p.stack &&
                  (stackArn(p.name, regionOf(authorization) ?? 'us-east-1') === name ||
                    stackName(p.name) === name)
              )
              return (
                pack?.stack && {
                  stackId: stackArn(pack.name, regionOf(authorization) ?? 'us-east-1'),
                  stackName: stackName(pack.name),
                  requestedAt: this.requestedAt(pack),
                  stack: pack.stack
                }
              )
            },
            this.scenario.stackEventsPageSize ?? 100
          )
        : {
            status: 400,
            xml: `<ErrorResponse><Error><Code>InvalidAction</Code><Message>${action}</Message></Error></ErrorResponse>`
          }
    res.writeHead(answer.status, {
      'content-type': 'text/xml',
      'content-length': Buffer.byteLength(answer.xml)
    })
    res.end(answer.xml)
  }

  private requestedAt(pack: EmulatedPack): number {
    return pack.requestedAt ?? this.startedAt - 60_000
  }

  private describe(
    body: Record<string, unknown>,
    call: number,
    region: string
  ): { status: number; body: unknown } {
    const names = body.ConformancePackNames as string[] | undefined
    const limit = (body.Limit as number | undefined) ?? 0
    if (limit < 0 || limit > PAGE_SIZE) {
      return {
        status: 400,
        body: { __type: 'InvalidLimitException', message: `Limit ${limit} is out of range` }
      }
    }
    if (names && names.length > MAX_NAMES) {
      return {
        status: 400,
        body: {
          __type: 'ValidationException',
          message: `1 validation error detected: Value at 'conformancePackNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_NAMES}`
        }
      }
    }
    const badName = names?.find((n) => n.length < 1 || n.length > 256 || !NAME.test(n))
    if (badName !== undefined) {
      return {
        status: 400,
        body: { __type: 'ValidationException', message: `Invalid conformance pack name ${badName}` }
      }
    }

    const existing = this.scenario.packs
      .map((pack) => ({ pack, step: this.stepAt(pack, call) }))
      .filter(({ step }) => step.state !== 'ABSENT')
    let selected = existing
    if (names?.length) {
      const present = new Set(existing.map(({ pack }) => pack.name))
      const unknown = names.filter((n) => !present.has(n))
      if (unknown.length && this.scenario.unknownNames === 'reject') {
        return {
          status: 400,
          body: {
            __type: 'NoSuchConformancePackException',
            message: `Conformance pack ${unknown[0]} does not exist.`
          }
        }
      }
      selected = existing.filter(({ pack }) => names.includes(pack.name))
    }

    const token = typeof body.NextToken === 'string' ? body.NextToken : undefined
    const offset = token ? Number(Buffer.from(token, 'base64').toString()) : 0
    if (!Number.isInteger(offset) || offset < 0 || offset > selected.length) {
      return {
        status: 400,
        body: { __type: 'InvalidNextTokenException', message: 'Invalid NextToken' }
      }
    }
    const size = limit || PAGE_SIZE
    const page = selected.slice(offset, offset + size)
    const next =
      offset + size < selected.length
        ? Buffer.from(String(offset + size)).toString('base64')
        : undefined
    return {
      status: 200,
      body: {
        ConformancePackStatusDetails: page.map(({ pack, step }) => this.detail(pack, step, region)),
        ...(next ? { NextToken: next } : {})
      }
    }
  }

  private stepAt(pack: EmulatedPack, call: number): TimelineStep {
    const elapsed = this.elapsedSimulated()
    let current = pack.timeline[0]
    for (const step of pack.timeline.slice(1)) {
      const due =
        (step.atCall !== undefined && call >= step.atCall) ||
        (step.atMs !== undefined && elapsed >= step.atMs)
      if (due) current = step
    }
    const seen = this.reached.get(pack.name)
    if (seen?.state !== current.state)
      this.reached.set(pack.name, { state: current.state, at: Date.now() })
    return current
  }

  private detail(pack: EmulatedPack, step: TimelineStep, region: string): Record<string, unknown> {
    const id = `conformance-pack-${hash(pack.name)}`
    const requestedAt = this.requestedAt(pack)
    const reachedAt = this.reached.get(pack.name)?.at ?? Date.now()
    return {
      ConformancePackName: pack.name,
      ConformancePackId: id,
      ConformancePackArn: `arn:aws:config:${region}:${ACCOUNT}:conformance-pack/${pack.name}/${id}`,
      ConformancePackState: step.state,
      StackArn: stackArn(pack.name, region),
      LastUpdateRequestedTime: requestedAt / 1000,
      ...(step.reason ? { ConformancePackStatusReason: step.reason } : {}),
      ...(step.state === 'CREATE_COMPLETE' ? { LastUpdateCompletedTime: reachedAt / 1000 } : {})
    }
  }
}

function stackName(pack: string): string {
  return `awsconfigconforms-${pack}-${hash(pack)}`
}

function stackArn(pack: string, region: string): string {
  return `arn:aws:cloudformation:${region}:${ACCOUNT}:stack/${stackName(pack)}/0d1e2f30-${hash(pack).slice(0, 4)}-11ef-8f3a-0a1b2c3d4e5f`
}

/** The region of a SigV4 credential scope (any service). */
function regionOf(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/[^/]+\//.exec(authorization ?? '')?.[1]
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': crypto.randomUUID(),
    ...headers
  })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function hash(text: string): string {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return (h >>> 0).toString(16).padStart(8, '0')
}
