import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliDemoProblems, scenarioFlags } from '../../scripts/demo-cli.js'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { runCli } from '../support/run-cli.js'

/** Every demo scenario through the built command, as `npm run demo -- --cli` plays it. */
describe('the demo scenarios through dist/cli.js', () => {
  it.concurrent.each(Object.keys(SCENARIOS))(
    '%s behaves as scripted',
    async (name) => {
      const demo = SCENARIOS[name]
      const emulator = new ConfigEmulator(demo.scenario)
      const endpoint = await emulator.start()
      try {
        const run = await runCli({
          args: [...scenarioFlags(demo.inputs), '--json', '--summary-file', '{dir}/s.md'],
          endpoint,
          env: { AWS_REGION: 'us-east-1' },
          files: ['s.md']
        })
        expect(cliDemoProblems(demo, { ...run, summary: run.files['s.md'] ?? '' })).toEqual([])
      } finally {
        await emulator.stop()
      }
    },
    30_000
  )

  it('npm run demo -- --cli plays one and writes its files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'demo-cli-'))
    try {
      const root = resolve(import.meta.dirname, '../..')
      const tsx = join(root, 'node_modules/.bin/tsx')
      const child = spawn(
        tsx,
        ['scripts/demo.ts', '--cli', '--scenario', 'timeout', '--out', out],
        {
          cwd: root,
          env: { ...process.env, NODE_NO_WARNINGS: '1' },
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
      const code = await new Promise<number | null>((done) => child.on('close', done))
      expect(code, stderr).toBe(0)
      expect(stdout).toContain('Demo OK: the command behaved as scripted (exit code 2).')
      expect(stderr).toMatch(/^│ us-east-1 │ slow-pack +│ … CREATE_IN_PROGRESS/m)
      const outputs = JSON.parse(await readFile(join(out, 'outputs-timeout.json'), 'utf8')) as {
        result: string
      }
      expect(outputs.result).toBe('timeout')
      expect(await readFile(join(out, 'junit-timeout.xml'), 'utf8')).toContain('type="TIMEOUT"')
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  }, 30_000)
})
