import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../test/support/run-action.js'
import { groupRounds, roundsAsDesigned, type Round } from './rounds.js'
import { SCALE_RUN, scalePacks, type ScaleCase } from './scenarios.js'
import { TimedEmulator } from './timed-emulator.js'

export interface ScaleResult {
  readonly case: ScaleCase
  readonly rounds: readonly Round[]
  readonly calls: number
  /** Real ms of each round: first request to last answer (last arrival + the latency). */
  readonly roundMs: readonly number[]
  readonly roundsOk: boolean
  /** Peak resident set size of the action's process (getrusage ru_maxrss), bytes. */
  readonly peakRssBytes: number
  /** Real seconds from spawn to exit. */
  readonly wallS: number
}

/**
 * Loaded into the action's process with --require: at exit, writes the process's peak
 * resident set size as the kernel counted it (getrusage ru_maxrss, KiB) in bytes.
 */
const PEAK_RSS_PRELOAD = `process.on('exit', () => {
  require('node:fs').writeFileSync(
    process.env.BENCH_PEAK_RSS_FILE,
    String(process.resourceUsage().maxRSS * 1024)
  )
})
`

async function runCase(scaleCase: ScaleCase, preload: string, dir: string): Promise<ScaleResult> {
  const packs = scalePacks(scaleCase.packs)
  // Real time: the 20 ms latency and the rounds are what they would be.
  const timed = new TimedEmulator(packs, { timeScale: 1, latencyMs: SCALE_RUN.latencyMs })
  const endpoint = await timed.start()
  const rssFile = join(dir, 'peak-rss')
  try {
    const spawnedAt = Date.now()
    const run = await runAction({
      inputs: {
        'conformance-pack-names': scaleCase.named ? packs.map((p) => p.name).join('\n') : '',
        region: 'us-east-1',
        'min-delay-seconds': String(SCALE_RUN.minDelayS),
        'max-delay-seconds': String(SCALE_RUN.maxDelayS),
        'timeout-seconds': String(SCALE_RUN.timeoutS)
      },
      endpoint,
      env: { NODE_OPTIONS: `--require "${preload}"`, BENCH_PEAK_RSS_FILE: rssFile }
    })
    const wallS = (Date.now() - spawnedAt) / 1000
    if (run.code !== 0 || run.outputs.result !== 'success') {
      throw new Error(
        `the action ended with code ${run.code}, result ${run.outputs.result} on ${scaleCase.title}:\n${run.stderr}`
      )
    }
    const requests = timed.describeRequests()
    const rounds = groupRounds(requests, (SCALE_RUN.minDelayS * 1000) / 2, packs.length)
    return {
      case: scaleCase,
      rounds,
      calls: requests.length,
      roundMs: rounds.map((r) => r.lastAt - r.firstAt + SCALE_RUN.latencyMs),
      roundsOk: roundsAsDesigned(rounds),
      peakRssBytes: Number(await readFile(rssFile, 'utf8')),
      wallS
    }
  } finally {
    await timed.stop()
  }
}

/** The action alone, one case after another (nothing else runs meanwhile). */
export async function runScale(
  cases: readonly ScaleCase[],
  progress: (line: string) => void
): Promise<ScaleResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'))
  const preload = join(dir, 'peak-rss.cjs')
  await writeFile(preload, PEAK_RSS_PRELOAD)
  try {
    const results: ScaleResult[] = []
    for (const scaleCase of cases) {
      const result = await runCase(scaleCase, preload, dir)
      progress(`scale: ${scaleCase.title} in ${result.wallS} s`)
      results.push(result)
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
