import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'
import { FAST_FLAGS, runCli, runCliWith } from './cli-harness.js'

/** The command speaks of flags, the terminal and exit codes: never of inputs, steps or actions. */
const ACTION_WORDS = /\binput\b|\bstep\b|aws-actions|configure-aws-credentials|got ""/i

const COMPLETE: Scenario = { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] }

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

/** A TCP server that accepts connections and never answers. */
async function silentEndpoint(): Promise<string> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => sockets.delete(socket))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  cleanup.push(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((done) => server.close(done))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

describe('dist/cli.js speaks as a terminal tool', () => {
  it('with no region anywhere: names --region, AWS_REGION, AWS_DEFAULT_REGION and the profile; 64', async () => {
    const run = await runCli({ args: ['--conformance-pack-names', 'alpha'] })
    expect(run.code).toBe(64)
    expect(run.stderr).toBe(
      'wait-for-conformance-packs: no region: give --region (for example --region us-east-1), or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile of ~/.aws/config that AWS_PROFILE names (default: [default])\n'
    )
    expect(run.stdout).toBe('')
  })

  it('takes the region of the profile in the AWS config file, as the AWS CLI does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-profile-'))
    cleanup.push(() => rm(dir, { recursive: true, force: true }))
    const [config, credentials] = [join(dir, 'config'), join(dir, 'credentials')]
    await writeFile(
      credentials,
      `[audit]\naws_access_key_id = ${TEST_CREDENTIALS.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY}\n`
    )
    await writeFile(
      config,
      '[default]\nregion = us-east-1\n\n[profile audit]\nregion = eu-central-1\n'
    )
    const run = await runCliWith(COMPLETE, {
      args: ['--conformance-pack-names', 'alpha', ...FAST_FLAGS],
      env: {
        AWS_REGION: undefined,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: credentials,
        AWS_PROFILE: 'audit'
      }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Waiting for 1 conformance pack(s) in eu-central-1: alpha')
  })

  it('a misspelt --region: the warning and the error speak of --region', async () => {
    const run = await runCli({
      args: ['--conformance-pack-names', 'alpha', '--region', 'us-esat-1', ...FAST_FLAGS]
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^warning: --region names "us-esat-1", which the AWS SDK's list/m)
    expect(run.stdout).toMatch(
      /^error: The host name config\.us-esat-1\.amazonaws\.com does not resolve \(ENOTFOUND\)\. Check --region \("us-esat-1"\) for a typo/m
    )
    expect(run.stdout + run.stderr).not.toMatch(ACTION_WORDS)
  })

  it('--help speaks of exit codes, never of the step', async () => {
    const run = await runCli({ args: ['--help'] })
    expect(run.code).toBe(0)
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('but the command exits 0')
    expect(run.stdout).not.toMatch(/\bstep (passes|fails)\b|fail the step/)
  })

  it('an endpoint that never answers: no pack list, and the line names the deadline given', async () => {
    const run = await runCli({
      args: ['--region', 'us-east-1', '--timeout-seconds', '3', '--min-delay-seconds', '1'],
      endpoint: await silentEndpoint()
    })
    expect(run.code).toBe(2)
    expect(run.stdout).not.toContain('No conformance packs')
    expect(run.stdout).not.toContain('┌')
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^error: Timed out after 3s before AWS Config listed the packs \(last error: /
    )
  })

  it('a refused connection: Node’s error shown without a second Error:', async () => {
    const run = await runCli({
      args: ['--region', 'us-east-1', '--timeout-seconds', '2', '--min-delay-seconds', '0.5'],
      endpoint: 'http://127.0.0.1:9'
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('connect ECONNREFUSED 127.0.0.1:9')
    expect(run.stdout).not.toMatch(/Error: connect/)
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'error: Timed out after 2s before AWS Config listed the packs (last error: connect ECONNREFUSED 127.0.0.1:9)'
    )
  })
})
