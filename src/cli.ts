import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { awsRegions } from './aws/region-ports.js'
import { runCommand } from './cli/command.js'
import { runPipeline } from './pipeline.js'
import { systemClock } from './shared/clock.js'
import type { Log } from './shared/log.js'

/**
 * The command's composition root: argv, the process environment (credentials, region and
 * endpoints as the AWS CLI reads them, through the SDK's default chain), the terminal, the
 * system clock and the AWS SDK clients; then the same pipeline as the action.
 */
const env = process.env
// Piped into `head`, the reader may go away first: the run still ends with its own exit code.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
let received: NodeJS.Signals | undefined
let dispose = (): void => undefined

process.exitCode = await runCommand({
  args: process.argv.slice(2),
  env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: version(),
  now: () => systemClock.now(),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  signalled: () => received,
  pipeline: (front) => {
    const cancellation = cancelOnSignals(front.log)
    dispose = cancellation.dispose
    return runPipeline({
      ...front,
      env,
      clock: systemClock,
      signal: cancellation.signal,
      waitsOver: cancellation.dispose,
      aws: awsRegions(env)
    })
  }
})
dispose()

/**
 * Ctrl-C (SIGINT) or a CI job's cancellation (SIGTERM): stop waiting, report the last known
 * states. Once the waits are over the handlers are gone, so a second signal ends the process.
 */
function cancelOnSignals(log: Log): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal
    log.info(`Received ${signal}: stopping the wait and reporting the last known states.`)
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

/** From package.json beside the bundle (dist/cli/index.js) or the sources (src/cli.ts). */
function version(): string {
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === 'wait-for-conformance-packs' && pkg.version) return pkg.version
    } catch {
      // Not there: try the next place.
    }
  }
  return 'unknown'
}
