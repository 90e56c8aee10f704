import type { EmulatedPack, EmulatedRule, TimelineStep } from './config-emulator.js'
import {
  ACCOUNT,
  jsonError,
  ok,
  pageOf,
  stepAt,
  type JsonOperation,
  type OperationContext
} from './operation.js'

const PAGE_SIZE = 20
const MAX_NAMES = 25
const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/

/** DescribeConformancePackStatus: names (≤25) or the whole region, ≤20 a page. */
export const describeConformancePackStatus: JsonOperation = (body, ctx) => {
  const names = body.ConformancePackNames as string[] | undefined
  const limit = (body.Limit as number | undefined) ?? 0
  if (limit < 0 || limit > PAGE_SIZE)
    return jsonError(400, 'InvalidLimitException', `Limit ${limit} is out of range`)
  if (names && names.length > MAX_NAMES) {
    return jsonError(
      400,
      'ValidationException',
      `1 validation error detected: Value at 'conformancePackNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_NAMES}`
    )
  }
  const badName = names?.find((n) => n.length < 1 || n.length > 256 || !NAME.test(n))
  if (badName !== undefined)
    return jsonError(400, 'ValidationException', `Invalid conformance pack name ${badName}`)

  const existing = ctx.scenario.packs
    .filter((pack) => !pack.region || pack.region === ctx.region)
    .map((pack) => ({ pack, step: stepAt(pack.timeline, ctx.call, ctx.elapsedMs) }))
    .filter(({ step }) => step.state !== 'ABSENT')
  let selected = existing
  if (names?.length) {
    const present = new Set(existing.map(({ pack }) => pack.name))
    const unknown = names.filter((n) => !present.has(n))
    if (unknown.length && ctx.scenario.unknownNames === 'reject') {
      return jsonError(
        400,
        'NoSuchConformancePackException',
        `Conformance pack ${unknown[0]} does not exist.`
      )
    }
    selected = existing.filter(({ pack }) => names.includes(pack.name))
  }
  const paged = pageOf(selected, body.NextToken, limit || PAGE_SIZE)
  if (!paged) return jsonError(400, 'InvalidNextTokenException', 'Invalid NextToken')
  return ok({
    ConformancePackStatusDetails: paged.page.map(({ pack, step }) => detail(pack, step, ctx)),
    ...(paged.next ? { NextToken: paged.next } : {})
  })
}

export function packRequestedAt(
  pack: EmulatedPack,
  startedAt: number,
  firstCallAt?: number
): number {
  if (pack.requestedAt === 'first-call') return firstCallAt ?? Date.now()
  return pack.requestedAt ?? startedAt - 60_000
}

function detail(
  pack: EmulatedPack,
  step: TimelineStep,
  ctx: OperationContext
): Record<string, unknown> {
  const id = `conformance-pack-${hash(pack.name)}`
  const reachedAt = ctx.firstSeen(`${ctx.region}/${pack.name}`, step.state)
  return {
    ConformancePackName: pack.name,
    ConformancePackId: id,
    ConformancePackArn: `arn:aws:config:${ctx.region}:${ACCOUNT}:conformance-pack/${pack.name}/${id}`,
    ConformancePackState: step.state,
    StackArn: stackArn(pack.name, ctx.region),
    LastUpdateRequestedTime:
      (step.requestedAt ?? packRequestedAt(pack, ctx.startedAt, ctx.firstCallAt)) / 1000,
    ...(step.reason ? { ConformancePackStatusReason: step.reason } : {}),
    ...(step.state === 'CREATE_COMPLETE'
      ? { LastUpdateCompletedTime: (step.completedAt ?? reachedAt) / 1000 }
      : {})
  }
}

export function stackName(pack: string): string {
  return `awsconfigconforms-${pack}-${hash(pack)}`
}

export function stackArn(pack: string, region: string): string {
  return `arn:aws:cloudformation:${region}:${ACCOUNT}:stack/${stackName(pack)}/0d1e2f30-${hash(pack).slice(0, 4)}-11ef-8f3a-0a1b2c3d4e5f`
}

function hash(text: string): string {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * The rules a pack's evaluations are modelled for: a pack scripted by its `compliance` alone
 * has its rules evaluated 3 s after its deployment was requested, 1 s after their creation
 * (their compliance is the scripted one; their results are not modelled).
 */
export function rulesOf(pack: EmulatedPack): readonly EmulatedRule[] {
  if (pack.rules) return pack.rules
  return (pack.compliance?.rules ?? []).map((rule) => ({
    name: rule.name,
    evaluations: [{ atMs: 3_000, results: [] }]
  }))
}
