import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APPROACH_LABELS } from '../../scripts/bench/compare.js'
import { COMPARISON_HEADERS } from '../../scripts/bench/report.js'
import { CONTENDERS, SIM_SCENARIOS } from '../../scripts/bench/simulate-report.js'

const ROOT = resolve(import.meta.dirname, '../..')

/** Runs a command without blocking this process (the suite may host servers in-process). */
function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => {
      if (code !== 0) console.error(stderr)
      done({ code, stdout })
    })
  })
}

// No timing is checked here: the benchmark's numbers belong in docs/benchmarks.md.
describe('npm run bench -- --quick', () => {
  it('runs and prints its comparison table, one row per approach', async () => {
    const { code, stdout } = await run('npx', ['tsx', 'scripts/bench/index.ts', '--quick'])
    expect(code).toBe(0)
    const header = stdout.split('\n').find((line) => line.startsWith('| Scenario '))
    expect(header).toBeDefined()
    for (const column of COMPARISON_HEADERS) expect(header).toContain(column)
    for (const label of Object.values(APPROACH_LABELS)) {
      expect(stdout.split('\n').filter((line) => line.includes(`| ${label}`))).toHaveLength(1)
    }
  }, 60_000)

  it('prints the simulated comparison with --simulate: one row per schedule, one column per case', async () => {
    const { code, stdout } = await run('npx', [
      'tsx',
      'scripts/bench/index.ts',
      '--simulate',
      '--runs',
      '50'
    ])
    expect(code).toBe(0)
    expect(stdout).toContain('50 runs per cell')
    const header = stdout.split('\n').find((line) => line.startsWith('| schedule |'))
    for (const scenario of SIM_SCENARIOS) expect(header).toContain(scenario.title)
    // The comparison, the stability check, and for some the per-minute sweep.
    for (const contender of CONTENDERS) {
      const rows = stdout.split('\n').filter((line) => line.startsWith(`| ${contender.label} |`))
      expect(rows.length, contender.label).toBeGreaterThanOrEqual(2)
    }
    expect(stdout).not.toContain('Time scale')
  }, 60_000)
})
