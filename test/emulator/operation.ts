import type { Scenario } from './config-emulator.js'

/** What an awsJson1_1 operation of the emulator sees of the request and the emulator. */
export interface OperationContext {
  readonly scenario: Scenario
  /** The region of the request's SigV4 credential scope. */
  readonly region: string
  /** 1-based number of this call among the calls of the same operation. */
  readonly call: number
  /** Simulated ms since the emulator started (real ms × timeScale). */
  readonly elapsedMs: number
  /** Epoch ms when the emulator started. */
  readonly startedAt: number
  /** Epoch ms when the emulator's first request arrived. */
  readonly firstCallAt?: number
  /** Calls so far of another operation (timelines of one operation read by another). */
  readonly statusCalls?: (operation: string) => number
  /** Epoch ms when `key` was first answered in `state` (LastUpdateCompletedTime and the like). */
  readonly firstSeen: (key: string, state: string) => number
}

export interface JsonAnswer {
  readonly status: number
  readonly body: unknown
}

export type JsonOperation = (body: Record<string, unknown>, ctx: OperationContext) => JsonAnswer

export function jsonError(status: number, type: string, message: string): JsonAnswer {
  return { status, body: { __type: type, message } }
}

export const ok = (body: unknown): JsonAnswer => ({ status: 200, body })

/** A step of a timeline applies from `atCall` (calls of its operation) or `atMs` (simulated). */
export interface Timed {
  readonly atCall?: number
  readonly atMs?: number
}

/** The last step whose time has come; the first step is the initial one. */
export function stepAt<T extends Timed>(
  timeline: readonly T[],
  call: number,
  elapsedMs: number
): T {
  let current = timeline[0]
  for (const step of timeline.slice(1)) {
    const due =
      (step.atCall !== undefined && call >= step.atCall) ||
      (step.atMs !== undefined && elapsedMs >= step.atMs)
    if (due) current = step
  }
  return current
}

/** Opaque page tokens: base64 of the offset. */
export function pageOf<T>(
  items: readonly T[],
  token: unknown,
  size: number
): { page: readonly T[]; next?: string } | undefined {
  const offset =
    typeof token === 'string' && token ? Number(Buffer.from(token, 'base64').toString()) : 0
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) return undefined
  const next =
    offset + size < items.length ? Buffer.from(String(offset + size)).toString('base64') : undefined
  return { page: items.slice(offset, offset + size), next }
}

export const ACCOUNT = '123456789012'
