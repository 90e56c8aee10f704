import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'

let emulator: ConfigEmulator | undefined
afterEach(() => emulator?.stop())

describe('npm run local-action with .env.example', () => {
  it('runs src/main.ts against the emulator and writes the job summary to the file the .env names', async () => {
    emulator = new ConfigEmulator(SCENARIOS.mixed.scenario)
    const endpoint = await emulator.start()
    const dir = await mkdtemp(join(tmpdir(), 'local-action-'))
    const summary = join(dir, 'out', 'summary.md')
    const env = (await readFile('.env.example', 'utf8'))
      .replace(/^AWS_ENDPOINT_URL=.*$/m, `AWS_ENDPOINT_URL=${endpoint}`)
      .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${summary}`)
      .replace(/^GITHUB_OUTPUT=.*$/m, `GITHUB_OUTPUT=${join(dir, 'out', 'outputs.txt')}`)
    const envFile = join(dir, '.env')
    await writeFile(envFile, env)

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/local-action.ts', envFile], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.resume()
    const code = await new Promise<number | null>((done) => child.on('close', done))

    // local-action reports the outputs and the exit code in one of two ways, depending on
    // whether its stub of @actions/core takes over the action's own: a table of the outputs
    // and exit code 0, or the outputs file and the action's exit code 1 (the mixed scenario
    // fails one pack on purpose).
    expect([0, 1]).toContain(code)
    expect(stdout).toMatch(
      /failed-packs = \["operational-best-practices"\]|'failed-packs'\s*│\s*'\["operational-best-practices"\]'/
    )
    expect(stdout).toContain(`Job summary written to ${summary}`)
    expect(await readFile(summary, 'utf8')).toContain('AWS Config conformance packs: failure')
    expect(emulator.callsOf('DescribeConformancePackStatus')).toBeGreaterThan(0)
  }, 90_000)

  it('says what to do when the .env file is missing', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/local-action.ts', 'no-such.env'],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(code).toBe(2)
    expect(stderr).toContain('No no-such.env: copy .env.example to .env')
  })
})
