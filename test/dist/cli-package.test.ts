import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { TEST_CREDENTIALS } from '../support/run-action.js'

/**
 * What `npx github:OWNER/REPO` runs: npm packs the repository (the committed dist/ included)
 * and installs the tarball. Here the tarball is installed offline, with an empty cache, into
 * an empty folder: it must need nothing from a registry.
 */
const ROOT = resolve(import.meta.dirname, '../..')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

let dir: string
let tarball: string

function npm(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(NPM, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      NODE_NO_WARNINGS: '1',
      npm_config_cache: join(dir, 'cache'),
      npm_config_update_notifier: 'false',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr }))
  )
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wait-packs-pack-'))
  const pack = await npm(['pack', '--json', '--pack-destination', dir], ROOT)
  expect(pack.code, pack.stderr).toBe(0)
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
  tarball = join(dir, packed.filename)
  expect(packed.files.map((f) => f.path)).toEqual(
    expect.arrayContaining(['dist/cli.js', 'dist/cli/index.js', 'dist/index.js', 'action.yml'])
  )
  expect(packed.files.filter((f) => /^(src|test|scripts)\//.test(f.path))).toEqual([])
}, 60_000)
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the packed command, installed in an empty folder', () => {
  it('declares no runtime dependency: the bundle holds them', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: unknown
      bin?: Record<string, string>
    }
    expect(pkg.dependencies).toBeUndefined()
    expect(pkg.bin).toEqual({ 'wait-for-conformance-packs': 'dist/cli.js' })
  })

  it('runs --help and a wait from the tarball, offline with an empty cache', async () => {
    const empty = join(dir, 'empty')
    await mkdir(empty)
    const exec = (args: string[], env?: Record<string, string>) =>
      npm(['exec', '--offline', '--yes', `--package=${tarball}`, '--', ...args], empty, env)
    const help = await exec(['wait-for-conformance-packs', '--help'])
    expect(help.code, help.stderr).toBe(0)
    expect(help.stdout).toMatch(/^Usage: wait-for-conformance-packs \[flags\]$/m)

    const emulator = new ConfigEmulator({
      packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }]
    })
    try {
      const endpoint = await emulator.start()
      const run = await exec(
        [
          'wait-for-conformance-packs',
          '--conformance-pack-names',
          'alpha',
          '--region',
          'eu-west-1'
        ],
        {
          ...TEST_CREDENTIALS,
          AWS_ENDPOINT_URL: endpoint,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: join(dir, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials')
        }
      )
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/^│ eu-west-1 │ alpha +│ ✓ CREATE_COMPLETE │/m)
    } finally {
      await emulator.stop()
    }
  }, 60_000)
})
