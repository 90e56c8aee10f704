import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { parseOutputFile, TEST_CREDENTIALS } from '../support/run-action.js'

/**
 * The composition root in-process: the real @actions/core reading INPUT_* and writing
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the real clients against the emulator.
 */

let emulator: ConfigEmulator | undefined
const saved = { ...process.env }
const savedExitCode = process.exitCode

afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  process.exitCode = savedExitCode
})

async function runAsTheRunner(inputs: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'main-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary') }
  await writeFile(files.output, '')
  await writeFile(files.summary, '')
  Object.assign(process.env, TEST_CREDENTIALS, {
    AWS_REGION: 'us-east-1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    'INPUT_MIN-DELAY-SECONDS': '0.02',
    'INPUT_MAX-DELAY-SECONDS': '0.05',
    'INPUT_TIMEOUT-SECONDS': '5'
  })
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.toUpperCase()}`] = value
  // What @actions/core writes for the runner (the log, workflow commands) is kept for the test,
  // not printed among the test results.
  const log: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk: string | Uint8Array) => {
    log.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }
  let outcome
  try {
    outcome = await run()
  } finally {
    process.stdout.write = write
  }
  return {
    outcome,
    log: log.join(''),
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    exitCode: process.exitCode
  }
}

describe('the action’s composition root', () => {
  it('waits for the named packs with the real clients and writes outputs and summary', async () => {
    emulator = new ConfigEmulator({
      packs: [
        {
          name: 'alpha',
          timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 2 }]
        }
      ]
    })
    process.env.AWS_ENDPOINT_URL = await emulator.start()
    const result = await runAsTheRunner({ 'conformance-pack-names': 'alpha' })
    expect(result.outcome).toMatchObject({
      kind: 'report',
      report: { verdict: { result: 'success' } }
    })
    expect(result.outputs.result).toBe('success')
    expect(result.outputs['completed-packs']).toBe('["alpha"]')
    expect(result.summary).toContain('✅ AWS Config conformance packs: success')
    expect(result.log).toMatch(/^alpha: CREATE_IN_PROGRESS → CREATE_COMPLETE/m)
    expect(result.exitCode).not.toBe(1)
    expect(emulator.callsOf('DescribeConformancePackStatus')).toBe(2)
  })

  it('loads the GitHub client only with a token, and completes the check run', async () => {
    emulator = new ConfigEmulator({
      packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }]
    })
    process.env.AWS_ENDPOINT_URL = await emulator.start()
    const github = new FakeGitHubApi()
    Object.assign(process.env, {
      GITHUB_API_URL: await github.start(),
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_SHA: 'abc123abc123abc123abc123abc123abc123abcd'
    })
    try {
      const result = await runAsTheRunner({
        'conformance-pack-names': 'alpha',
        'github-token': 'ghs_test'
      })
      expect(result.outputs.result).toBe('success')
      expect([...github.checkRuns.values()][0]).toMatchObject({
        status: 'completed',
        conclusion: 'success'
      })
    } finally {
      await github.stop()
    }
  })

  it('fails the step on a bad input, before any call', async () => {
    emulator = new ConfigEmulator({ packs: [] })
    process.env.AWS_ENDPOINT_URL = await emulator.start()
    const result = await runAsTheRunner({ scope: 'galaxy' })
    expect(result.outcome).toMatchObject({ kind: 'input-error' })
    expect(result.log).toMatch(
      /^::error::Input 'scope' must be one of account, organization, got "galaxy"$/m
    )
    expect(result.outputs.result).toBe('failure')
    expect(result.exitCode).toBe(1)
    expect(emulator.requests).toHaveLength(0)
  })
})
