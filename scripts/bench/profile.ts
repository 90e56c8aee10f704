import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST } from '../../test/support/run-action.js'
import type { NodeBinary } from './startup.js'

/**
 * Where the action's start-up goes: a V8 CPU profile of `node dist/index.js` run with no
 * inputs (it loads the bundle, fails on the missing region before any AWS work, and exits),
 * its samples sorted into what they were doing.
 */

export interface ProfilePart {
  readonly label: string
  /** Mean ms per run, as the profiler counted (profiling slows the run a little). */
  readonly ms: number
}

export interface ProfileBreakdown {
  readonly node: NodeBinary
  readonly runs: number
  readonly totalMs: number
  readonly parts: readonly ProfilePart[]
}

interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number
    readonly callFrame: { readonly functionName: string; readonly url: string }
    readonly children?: readonly number[]
  }[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

const PARTS = {
  compile: 'V8 compiling dist/index.js (a single ES module)',
  source: 'reading and decoding dist/index.js',
  sourceMap: 'source-map support (dist/sourcemap-register.cjs)',
  builtins: 'loading the Node built-in modules the bundle requires',
  bundle: "running the bundle's module code (@actions/*, AWS SDK, the action)",
  gc: 'garbage collection',
  other: "Node's own start-up and exit, the ESM loader, other"
} as const

type Part = keyof typeof PARTS

function classify(stack: readonly { functionName: string; url: string }[]): Part {
  if (stack[0]?.functionName === '(garbage collector)') return 'gc'
  const has = (test: (f: { functionName: string; url: string }) => boolean): boolean =>
    stack.some(test)
  if (has((f) => f.url.endsWith('sourcemap-register.cjs') || f.functionName === 'commonjsStrategy'))
    return 'sourceMap'
  if (has((f) => f.functionName === 'compileSourceTextModule')) return 'compile'
  if (has((f) => f.functionName === 'getSourceSync' || f.functionName === 'stringify'))
    return 'source'
  const inBundle = has((f) => f.url.endsWith('/dist/index.js'))
  if (
    inBundle &&
    has((f) => f.functionName === 'compileForPublicLoader' || f.functionName === 'requireBuiltin')
  )
    return 'builtins'
  if (inBundle) return 'bundle'
  return 'other'
}

function breakdown(profile: CpuProfile): Map<Part, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const cache = new Map<number, Part>()
  const totals = new Map<Part, number>()
  profile.samples.forEach((id, i) => {
    let part = cache.get(id)
    if (!part) {
      const stack: { functionName: string; url: string }[] = []
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame
        if (frame) stack.push(frame)
      }
      part = classify(stack)
      cache.set(id, part)
    }
    totals.set(part, (totals.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return totals
}

async function profileOnce(node: string, dir: string): Promise<Map<Part, number>> {
  const child = spawn(
    node,
    ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${dir}`, DIST],
    {
      env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  child.stdout.resume()
  child.stderr.resume()
  await new Promise((done) => child.on('close', done))
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error(`${node} wrote no CPU profile`)
  const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile
  await rm(join(dir, file))
  return breakdown(profile)
}

export async function profileStartup(node: NodeBinary, runs: number): Promise<ProfileBreakdown> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-profile-'))
  try {
    const sums = new Map<Part, number>()
    for (let i = 0; i < runs; i++) {
      for (const [part, ms] of await profileOnce(node.path, dir))
        sums.set(part, (sums.get(part) ?? 0) + ms)
    }
    const parts = (Object.keys(PARTS) as Part[])
      .map((part) => ({ label: PARTS[part], ms: (sums.get(part) ?? 0) / runs }))
      .filter((p) => p.ms > 0)
      .sort((a, b) => b.ms - a.ms)
    return { node, runs, totalMs: parts.reduce((sum, p) => sum + p.ms, 0), parts }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
