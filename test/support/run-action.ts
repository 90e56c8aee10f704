import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const DIST = resolve(import.meta.dirname, '../../dist/index.js')

/** Fake keys: the emulator checks that requests are signed, not by whom. */
export const TEST_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE1',
  AWS_SECRET_ACCESS_KEY: 'emulator-secret-key-never-logged-0123456789'
}

/**
 * The AWS part of a spawned run's environment: the test keys, no instance metadata, no config
 * or credentials file of the machine's (both named inside `dir`, where none exists), and the
 * endpoint when given.
 */
export function isolatedAwsEnv(dir: string, endpoint?: string): Record<string, string> {
  return {
    NODE_NO_WARNINGS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    ...TEST_CREDENTIALS,
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {})
  }
}

export interface ActionRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

export interface ActionOptions {
  /** Action inputs by their action.yml names. */
  readonly inputs: Record<string, string>
  /** The emulator's address (AWS_ENDPOINT_URL); omit to leave the endpoint to the rest of env. */
  readonly endpoint?: string
  readonly env?: Record<string, string | undefined>
  /** The Node binary; default ACTION_NODE, else the one running this process. */
  readonly node?: string
  /** Sends this signal once stdout contains `afterOutput`. */
  readonly kill?: { readonly signal: NodeJS.Signals; readonly afterOutput: string }
  /** Streams the action's stdout here as it runs (the demo prints it). */
  readonly echo?: (chunk: string) => void
}

/**
 * Runs dist/index.js as the runner does: inputs as INPUT_* variables, outputs and the job
 * summary through the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Asynchronous on purpose:
 * the emulator may live in this same process.
 */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'wait-packs-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...isolatedAwsEnv(dir, options.endpoint),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo-org/infra',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    ...Object.fromEntries(
      Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    ),
    ...options.env
  }
  try {
    const child = spawn(options.node ?? process.env.ACTION_NODE ?? process.execPath, [DIST], {
      env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      options.echo?.(chunk)
      if (options.kill && !killed && stdout.includes(options.kill.afterOutput)) {
        killed = true
        child.kill(options.kill.signal)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('close', (c, s) => done([c, s]))
    )
    return {
      code,
      signal,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Reads the `name<<delimiter … delimiter` blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}
