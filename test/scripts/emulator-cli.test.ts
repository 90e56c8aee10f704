import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import {
  ConfigServiceClient,
  DescribeConformancePackStatusCommand
} from '@aws-sdk/client-config-service'
import { describe, expect, it } from 'vitest'
import {
  cliCommand,
  DEFAULT_PORT,
  emulatorEnvironment,
  inputLines,
  parseEmulatorArgs
} from '../../scripts/emulator-cli.js'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'

describe('parseEmulatorArgs', () => {
  it('plays mixed on the port .env.example names by default', () => {
    expect(parseEmulatorArgs([])).toMatchObject({ kind: 'run', name: 'mixed', port: DEFAULT_PORT })
  })

  it('--help lists the scenarios', () => {
    const args = parseEmulatorArgs(['--help'])
    // The names are padded to the longest one.
    const lines = (args.kind === 'help' ? args.text : '').split('\n')
    expect(
      lines.some(
        (line) => /^ {2}regions {2,}/.test(line) && line.endsWith(SCENARIOS.regions.description)
      )
    ).toBe(true)
  })

  it('names the known scenarios for an unknown one, and refuses a bad port', () => {
    const unknown = parseEmulatorArgs(['--scenario', 'nope'])
    expect(unknown.kind === 'error' && unknown.message).toMatch(
      /^Unknown scenario "nope"; choose one of:\n {2}mixed/
    )
    expect(parseEmulatorArgs(['--port', '80a'])).toEqual({
      kind: 'error',
      message: '--port must be a port number (0-65535), got "80a"'
    })
  })
})

describe('what the emulator prints', () => {
  const endpoint = 'http://127.0.0.1:4599'

  it('points the SDK and CLI at the endpoint, in the first region the scenario awaits', () => {
    expect(emulatorEnvironment(endpoint, SCENARIOS.regions)).toMatchObject({
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1'
    })
    expect(cliCommand(endpoint, SCENARIOS.mixed)).toBe(
      'aws configservice describe-conformance-pack-status --endpoint-url http://127.0.0.1:4599 --region us-east-1'
    )
    expect(cliCommand(endpoint, SCENARIOS.organization)).toBe(
      'aws configservice describe-organization-conformance-pack-statuses --endpoint-url http://127.0.0.1:4599 --region us-east-1'
    )
  })

  it('gives the inputs as .env lines, the same as .env.example for the mixed scenario', async () => {
    const lines = inputLines(SCENARIOS.mixed)
    expect(lines).toContain(
      'INPUT_CONFORMANCE-PACK-NAMES="iam-baseline\\noperational-best-practices, s3-security"'
    )
    const example = (await readFile('.env.example', 'utf8')).split('\n')
    for (const line of lines) expect(example).toContain(line)
    const env = emulatorEnvironment(`http://127.0.0.1:${DEFAULT_PORT}`, SCENARIOS.mixed)
    for (const [key, value] of Object.entries(env)) expect(example).toContain(`${key}=${value}`)
  })
})

describe('npm run emulator', () => {
  it('serves the scenario, shows each request, and stops on Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/emulator.ts', '--port', '0', '--scenario', 'mixed'],
      {
        stdio: ['pipe', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    const seen = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve) => {
        const check = () => {
          const match = pattern.exec(stdout)
          if (match) resolve(match)
        }
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          check()
        })
        check()
      })
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    const [, endpoint] = await seen(/ {2}export AWS_ENDPOINT_URL=(\S+)/)

    const client = new ConfigServiceClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'AKIAEMULATOREXAMPLE1', secretAccessKey: 'dummy' }
    })
    const answer = await client.send(
      new DescribeConformancePackStatusCommand({ ConformancePackNames: ['iam-baseline'] })
    )
    expect(answer.ConformancePackStatusDetails?.[0]?.ConformancePackName).toBe('iam-baseline')
    await seen(/StarlingDoveService\.DescribeConformancePackStatus #1 \(us-east-1\)/)

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stdout).toContain('Emulator stopped.')
  }, 20_000)
})
