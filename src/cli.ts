import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { partitionOf } from './aws/partition.js'
import { profileRegion } from './aws/profile-region.js'
import { localFiles } from './files/local-files.js'
import { awsRegions } from './aws/region-ports.js'
import { runCommand } from './cli/command.js'
import { runPipeline } from './pipeline.js'
import { systemClock } from './shared/clock.js'
import { cancelOnSignals, type Cancellation } from './shared/cancellation.js'
import { proxyNotices } from './shared/proxy.js'

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
let cancellation: Cancellation | undefined

process.exitCode = await runCommand({
  args: process.argv.slice(2),
  env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: version(),
  now: () => systemClock.now(),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  signalled: () => cancellation?.received(),
  profileRegion,
  pipeline: (front) => {
    cancellation = cancelOnSignals(front.log)
    return runPipeline({
      ...front,
      env,
      clock: systemClock,
      signal: cancellation.signal,
      waitsOver: cancellation.dispose,
      aws: awsRegions(env, proxyNotices(front.log)),
      partitionOf,
      files: localFiles(process.cwd())
    })
  }
})
cancellation?.dispose()

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
