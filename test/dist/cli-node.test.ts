import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'

/** A Node.js that reports an older version, as far as the command can tell. */
const AS_NODE_20 = `data:text/javascript,${encodeURIComponent(
  "Object.defineProperty(process, 'version', { value: 'v20.19.4' });" +
    "Object.defineProperty(process.versions, 'node', { value: '20.19.4' });"
)}`

describe('dist/cli.js on an older Node.js', () => {
  it('says in one line that Node.js 22 or later is required and exits 64, before the AWS SDK', async () => {
    const run = await runCli({
      args: ['--region', 'us-east-1', '--conformance-pack-names', 'alpha'],
      endpoint: 'http://127.0.0.1:9',
      // The SDK's own warning about the version would show: Node's warnings are not silenced.
      env: { NODE_NO_WARNINGS: undefined },
      spawnAs: (node, cli, args) => [node, ['--import', AS_NODE_20, cli, ...args]]
    })
    expect(run.stderr).toBe(
      'wait-for-conformance-packs: Node.js 22 or later is required; this is v20.19.4\n'
    )
    expect(run.stdout).toBe('')
    expect(run.code).toBe(64)
  })

  it('runs on this Node.js, which the check lets through', async () => {
    const run = await runCli({ args: ['--version'] })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('keeps the AWS SDK out of the entry point: it is loaded only once the check passed', async () => {
    const entry = await readFile(new URL('../../dist/cli/index.js', import.meta.url), 'utf8')
    expect(entry).toContain('Node.js')
    expect(entry).not.toMatch(/@aws-sdk|@smithy|ConfigServiceClient/)
  })
})
