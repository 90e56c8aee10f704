import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readBody, sleep } from '../support/http.js'
import { regionOf, send } from './wire.js'
import {
  describeConformancePackStatus,
  packRequestedAt,
  stackArn,
  stackName
} from './account-packs.js'
import {
  describeConformancePackCompliance,
  getConformancePackComplianceSummary
} from './compliance.js'
import type { JsonOperation } from './operation.js'
import {
  describeOrganizationConformancePackStatuses,
  getOrganizationConformancePackDetailedStatus
} from './organization-packs.js'
import { getConformancePackComplianceDetails } from './compliance-details.js'
import {
  describeConfigRuleEvaluationStatus,
  startConfigRulesEvaluation
} from './rule-evaluations.js'
import { describeStackEvents } from './stack-events.js'
import { shiftTimes } from './aws-clock.js'
import type { RecordedRequest, Scenario } from './scenario.js'

export type { EmulatedStack } from './stack-events.js'
export type { EmulatedOrganizationPack } from './organization-packs.js'
export type { EmulatedResult, EmulatedRule } from './rule-evaluations.js'
export type {
  EmulatedPack,
  FaultResponse,
  FaultRule,
  RecordedRequest,
  Scenario,
  TimelineStep
} from './scenario.js'

/**
 * A local AWS Config endpoint for tests, the demo and the benchmark. It speaks awsJson1_1
 * (POST /, X-Amz-Target StarlingDoveService.<Operation>) for the Config operations in
 * OPERATIONS, and awsQuery for CloudFormation's DescribeStackEvents. Packs move through
 * scripted timelines; faults are injected by operation, call number and region.
 */

const OPERATIONS: Record<string, JsonOperation> = {
  DescribeConformancePackStatus: describeConformancePackStatus,
  GetConformancePackComplianceSummary: getConformancePackComplianceSummary,
  DescribeConformancePackCompliance: describeConformancePackCompliance,
  DescribeConfigRuleEvaluationStatus: describeConfigRuleEvaluationStatus,
  GetConformancePackComplianceDetails: getConformancePackComplianceDetails,
  StartConfigRulesEvaluation: startConfigRulesEvaluation,
  DescribeOrganizationConformancePackStatuses: describeOrganizationConformancePackStatuses,
  GetOrganizationConformancePackDetailedStatus: getOrganizationConformancePackDetailedStatus
}

const TARGET_PREFIX = 'StarlingDoveService.'
/** The NextToken of a `repeat-token` fault unless it names its own. */
export const REPEATED_TOKEN = 'c2FtZS10b2tlbg=='

export class ConfigEmulator {
  readonly requests: RecordedRequest[] = []
  private server: Server | undefined
  private startedAt = 0
  private firstCallAt: number | undefined
  private readonly counts = new Map<string, number>()
  private readonly regionCounts = new Map<string, number>()
  private readonly seen = new Map<string, { state: string; at: number }>()
  private readonly inFlight = new Map<string, number>()
  private readonly peaks = new Map<string, number>()

  constructor(private scenario: Scenario) {}

  /** Replaces the scenario (keeps the call counts and clock). */
  setScenario(scenario: Scenario): void {
    this.scenario = scenario
  }

  /** Calls of one operation so far (`DescribeConformancePackStatus`, `CloudFormation.DescribeStackEvents`, …). */
  callsOf(operation: string): number {
    return this.counts.get(operation) ?? 0
  }

  /** Calls so far of every operation called at least once, by operation. */
  callCounts(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }

  /** The most requests of one operation that were being answered at the same time. */
  maxInFlight(operation: string): number {
    return this.peaks.get(operation) ?? 0
  }

  /** Counts a request in flight from its arrival until its answer is sent or dropped. */
  private track(operation: string, res: ServerResponse): void {
    const now = (this.inFlight.get(operation) ?? 0) + 1
    this.inFlight.set(operation, now)
    this.peaks.set(operation, Math.max(now, this.peaks.get(operation) ?? 0))
    res.once('close', () => this.inFlight.set(operation, (this.inFlight.get(operation) ?? 1) - 1))
  }

  /** DescribeConformancePackStatus calls so far. */
  get describeCalls(): number {
    return this.callsOf('DescribeConformancePackStatus')
  }

  /** DescribeStackEvents calls so far. */
  get stackEventCalls(): number {
    return this.callsOf('CloudFormation.DescribeStackEvents')
  }

  /** Listens on 127.0.0.1 at `port` (default any free one) and returns the endpoint URL. */
  async start(port = 0): Promise<string> {
    this.startedAt = Date.now()
    this.server = createServer((req, res) => void this.handle(req, res))
    const server = this.server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private record(
    operation: string,
    target: string,
    body: Record<string, unknown>,
    req: IncomingMessage
  ) {
    const call = this.callsOf(operation) + 1
    this.firstCallAt ??= Date.now()
    this.counts.set(operation, call)
    const authorization = req.headers.authorization
    const region = regionOf(authorization)
    const regionKey = `${operation} ${region}`
    const regionCall = (this.regionCounts.get(regionKey) ?? 0) + 1
    this.regionCounts.set(regionKey, regionCall)
    this.requests.push({
      call,
      target,
      body,
      at: Date.now() - this.startedAt,
      region,
      authorization
    })
    return { call, regionCall, region }
  }

  private async delay(region: string | undefined): Promise<void> {
    const latency = this.scenario.latencyMs
    const ms = typeof latency === 'number' ? latency : (latency?.[region ?? ''] ?? 0)
    if (ms) await sleep(ms)
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
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target
    const { call, regionCall, region } = this.record(operation, target, body, req)
    this.track(operation, res)

    await this.delay(region)
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      return send(res, 400, {
        __type: 'SerializationException',
        message: 'Expected an awsJson1_1 POST'
      })
    }
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
      return send(res, 400, {
        __type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token'
      })
    }
    const handler = OPERATIONS[operation]
    if (!handler)
      return send(res, 400, {
        __type: 'UnknownOperationException',
        message: `Unknown operation ${target}`
      })

    const fault = this.scenario.faults?.find(
      (f) =>
        (f.operation ?? 'DescribeConformancePackStatus') === operation &&
        (!f.region || f.region === region) &&
        (f.calls === 'all' ||
          ('from' in f.calls
            ? (f.region ? regionCall : call) >= f.calls.from
            : f.calls.includes(f.region ? regionCall : call)))
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

    const repeat = fault?.kind === 'repeat-token' ? fault.token || REPEATED_TOKEN : undefined
    const answer = handler(repeat ? { ...body, NextToken: undefined } : body, {
      scenario: this.scenario,
      region: region ?? 'us-east-1',
      call,
      elapsedMs: (Date.now() - this.startedAt) * (this.scenario.timeScale ?? 1),
      startedAt: this.startedAt,
      firstCallAt: this.firstCallAt,
      statusCalls: (name) => this.callsOf(name),
      firstSeen: (key, state) => {
        const seen = this.seen.get(key)
        if (seen?.state === state) return seen.at
        this.seen.set(key, { state, at: Date.now() })
        return Date.now()
      }
    })
    const shifted = shiftTimes(answer.body, this.scenario.awsClockOffsetMs ?? 0)
    send(res, answer.status, repeat ? { ...(shifted as object), NextToken: repeat } : shifted)
  }

  /** CloudFormation (awsQuery): DescribeStackEvents for the packs' stacks. */
  private async handleQuery(
    req: IncomingMessage,
    res: ServerResponse,
    params: URLSearchParams
  ): Promise<void> {
    const action = params.get('Action') ?? ''
    const { region = 'us-east-1' } = this.record(
      `CloudFormation.${action}`,
      `CloudFormation.${action}`,
      Object.fromEntries(params),
      req
    )
    await this.delay(region)
    const find = (name: string) => {
      const pack = this.scenario.packs.find(
        (p) => p.stack && (stackArn(p.name, region) === name || stackName(p.name) === name)
      )
      return (
        pack?.stack && {
          stackId: stackArn(pack.name, region),
          stackName: stackName(pack.name),
          // Event times are AWS's: shifted with its clock.
          requestedAt:
            packRequestedAt(pack, this.startedAt, this.firstCallAt) +
            (this.scenario.awsClockOffsetMs ?? 0),
          stack: pack.stack
        }
      )
    }
    const answer =
      action === 'DescribeStackEvents'
        ? describeStackEvents(params, find, this.scenario.stackEventsPageSize ?? 100)
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
}
