import type { ServiceState } from '../../src/packs/pack-state.js'
import type { OrganizationScenario } from './organization-packs.js'
import type { EmulatedRule } from './rule-evaluations.js'
import type { EmulatedStack } from './stack-events.js'

/** What the emulator is told to be: its packs, their timelines, faults and pacing. */

/** ABSENT: the pack does not exist at that point (not yet created, or deleted). */
export type EmulatedState = ServiceState | 'ABSENT'

export interface TimelineStep {
  readonly state: EmulatedState
  readonly reason?: string
  /** Applies from this DescribeConformancePackStatus call on (1-based, counting every call). */
  readonly atCall?: number
  /** Applies once this much (scaled) time has passed since the emulator started. */
  readonly atMs?: number
  /**
   * LastUpdateRequestedTime (epoch ms) while this step applies, overriding the pack's: a
   * step can show an earlier deployment, and a later one the redeploy.
   */
  readonly requestedAt?: number
  /** LastUpdateCompletedTime (epoch ms) of a CREATE_COMPLETE step; default when first answered so. */
  readonly completedAt?: number
}

export interface EmulatedPack {
  readonly name: string
  /** The first step is the initial state; later steps need atCall or atMs. */
  readonly timeline: readonly TimelineStep[]
  /**
   * LastUpdateRequestedTime as epoch ms; default one minute before the emulator started.
   * 'first-call': the moment the emulator's first request arrived (a deployment the waiting
   * starts on at once, in a time-scaled run whose clock starts at that request).
   */
  readonly requestedAt?: number | 'first-call'
  /** The pack's CloudFormation stack, for DescribeStackEvents. */
  readonly stack?: EmulatedStack
  /** Only in this region; default every region. */
  readonly region?: string
  /**
   * What GetConformancePackComplianceSummary and DescribeConformancePackCompliance answer
   * once the pack is CREATE_COMPLETE; without it (or before then) the pack is INSUFFICIENT_DATA.
   */
  readonly compliance?: {
    readonly status: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'
    readonly rules?: readonly {
      readonly name: string
      readonly compliance: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA'
    }[]
  }
  /**
   * The pack's rules with evaluation times (rule-evaluations.ts). When given, the rule list
   * and the summary are derived from them and `compliance` is not used.
   */
  readonly rules?: readonly EmulatedRule[]
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
  /**
   * Answers the first page, whatever token was sent, with this NextToken (default
   * `c2FtZS10b2tlbg==`): a listing that follows it gets the same token back forever.
   */
  | { readonly kind: 'repeat-token'; readonly token?: string }

export interface FaultRule {
  /**
   * Call numbers (1-based, of `operation`) this fault answers, every call, or every call from
   * one on. With `region`, the numbers count that region's calls alone, so the fault does not
   * depend on how the regions' calls interleave.
   */
  readonly calls: readonly number[] | 'all' | { readonly from: number }
  readonly response: FaultResponse
  /** Default DescribeConformancePackStatus. */
  readonly operation?: string
  /** Only requests signed for this region; default any. */
  readonly region?: string
}

export interface Scenario {
  readonly packs: readonly EmulatedPack[]
  /** How a request naming an unknown pack is answered: left out of the result, or rejected whole. */
  readonly unknownNames?: 'omit' | 'reject'
  readonly faults?: readonly FaultRule[]
  /** Added to every answer, in ms of real time; per region when a record. */
  readonly latencyMs?: number | Readonly<Record<string, number>>
  /** Simulated ms per real ms for atMs steps (the benchmark runs minutes of timeline in seconds). */
  readonly timeScale?: number
  /** Events per DescribeStackEvents page (default 100). */
  readonly stackEventsPageSize?: number
  /** Most rules in a DescribeConformancePackCompliance page, whatever its Limit (default 100). */
  readonly complianceRulesPageSize?: number
  /** Most statuses in a DescribeConfigRuleEvaluationStatus page, whatever its Limit (default 50). */
  readonly ruleStatusPageSize?: number
  /** Most results in a GetConformancePackComplianceDetails page, whatever its Limit (default 100). */
  readonly complianceDetailsPageSize?: number
  /** Organization conformance packs (the organization scope). */
  readonly organization?: OrganizationScenario
  /**
   * How far AWS's clock is ahead of the runner's, in ms (behind when negative): every time the
   * emulator answers with (evaluation and invocation times, LastUpdateRequestedTime, stack
   * events…) is shifted by it. Scripted times stay the runner's. Default 0.
   */
  readonly awsClockOffsetMs?: number
}

export interface RecordedRequest {
  /** 1-based number among the calls of the same operation. */
  readonly call: number
  /** `StarlingDoveService.<Operation>` or `CloudFormation.<Action>`. */
  readonly target: string
  readonly body: Record<string, unknown>
  /** Real ms since the emulator started. */
  readonly at: number
  readonly region: string | undefined
  readonly authorization: string | undefined
}
