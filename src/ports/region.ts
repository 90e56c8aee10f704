import type { RuleEvaluationPort } from '../compliance/evaluation-requests.js'
import type { Log } from '../shared/log.js'
import type { MemberAccountSource } from '../wait/failed-accounts.js'
import type { StatusSource } from '../wait/status-source.js'
import type { StackEventReader } from './stack-events.js'

/** The AWS side of one region, as the stages use it; closed once the region's work is done. */
export interface RegionPorts {
  /** Whether the SDK's own list of regions knows the region (new regions appear). */
  readonly known: boolean
  accountStatuses(): StatusSource
  /** Organization packs' statuses, and their member accounts' (the management account's view). */
  organizationStatuses(): StatusSource & MemberAccountSource
  /** The rules of packs and their evaluations (the compliance gate's wait). */
  ruleEvaluations(): RuleEvaluationPort
  /** Loaded only when asked for: most runs never read a stack. */
  stackEvents(): Promise<StackEventReader & { close(): void }>
  close(): void
}

/** Opens one region's AWS side; the log gets the requests' debug lines. */
export type OpenRegion = (region: string, log: Log) => RegionPorts
