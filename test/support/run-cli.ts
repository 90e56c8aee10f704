import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isolatedAwsEnv } from './run-action.js'

export const CLI = resolve(import.meta.dirname, '../../dist/cli.js')

export interface CliRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** The files the run wrote in its own folder, by name; undefined: not written. */
  readonly files: Readonly<Record<string, string | undefined>>
}

export interface CliOptions {
  /** `{dir}` in an argument is the run's own folder, for --summary-file and --junit-file. */
  readonly args: readonly string[]
  readonly endpoint?: string
  readonly env?: Record<string, string | undefined>
  /** Sends this signal once stdout or stderr contains `afterOutput`. */
  readonly kill?: { readonly signal: NodeJS.Signals; readonly afterOutput: string }
  /** Files to read back from the run's folder afterwards. */
  readonly files?: readonly string[]
  /** The command to spawn instead of node (the pseudo-terminal test runs `script`). */
  readonly spawnAs?: (node: string, cli: string, args: string[]) => [string, string[]]
  /** The Node binary; default ACTION_NODE, else the one running this process. */
  readonly node?: string
  /** Streams stderr here as it runs (the demo prints it). */
  readonly echoStderr?: (chunk: string) => void
}

/**
 * Runs dist/cli.js as a shell in CI runs it: flags as arguments, nothing of the GitHub
 * runner in the environment, the AWS SDK's own chain finding the test credentials. No
 * profile file can interfere: the config and credentials files point into an empty folder.
 */
export async function runCli(options: CliOptions): Promise<CliRun> {
  const dir = await mkdtemp(join(tmpdir(), 'wait-packs-cli-'))
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: dir,
    ...isolatedAwsEnv(dir, options.endpoint),
    ...options.env
  }
  const node = options.node ?? process.env.ACTION_NODE ?? process.execPath
  const args = options.args.map((a) => a.replaceAll('{dir}', dir))
  const [command, argv] = options.spawnAs?.(node, CLI, args) ?? [node, [CLI, ...args]]
  try {
    const child = spawn(command, argv, {
      env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    const watch = (): void => {
      if (options.kill && !killed && (stdout + stderr).includes(options.kill.afterOutput)) {
        killed = true
        child.kill(options.kill.signal)
      }
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      watch()
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      options.echoStderr?.(chunk)
      watch()
    })
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('close', (c, s) => done([c, s]))
    )
    const files: Record<string, string | undefined> = {}
    for (const name of options.files ?? [])
      files[name] = await readFile(join(dir, name), 'utf8').catch(() => undefined)
    return { code, signal, stdout, stderr, files }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
