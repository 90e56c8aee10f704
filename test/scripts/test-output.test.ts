import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** Runs vitest on the given test files as `npm test` does, and returns what it printed. */
async function vitestOutput(files: readonly string[]): Promise<{ code: number; output: string }> {
  // The nested run must not think it is one of this run's workers.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name))
  )
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--reporter=default'],
    { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)))
  return { code, output }
}

describe('what the tests print', () => {
  it('holds no third-party source-map warnings and no log of an action run in-process', async () => {
    const { code, output } = await vitestOutput([
      'test/scripts/validate-workflow.test.ts',
      'test/integration/main.test.ts'
    ])
    expect(output).toMatch(/Test Files\s+2 passed/)
    expect(code).toBe(0)
    expect(output).not.toContain('Sourcemap for')
    expect(output).not.toMatch(/^::/m)
    expect(output).not.toContain('Waiting for 1 conformance pack(s)')
  }, 60_000)
})
