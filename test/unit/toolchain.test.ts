import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/** One supported Node.js everywhere: the runtime, the command and the toolchain. */

const read = (path: string): string =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const major = (version: string): number => Number(/(\d+)/.exec(version)?.[1])

describe('the Node.js the project names', () => {
  it('is one major in .node-version, action.yml, the devDependency node and @types/node', () => {
    const runtime = major((parse(read('action.yml')) as { runs: { using: string } }).runs.using)
    const pkg = JSON.parse(read('package.json')) as {
      engines: { node: string }
      devDependencies: Record<string, string>
    }
    expect(runtime).toBe(24)
    expect(major(read('.node-version'))).toBe(runtime)
    expect(major(pkg.devDependencies.node)).toBe(runtime)
    expect(major(pkg.devDependencies['@types/node'])).toBe(runtime)
    // The command runs on older majors than the action's own runtime, down to the SDK's floor.
    expect(pkg.engines.node).toBe('>=22')
  })

  it('runs the tests: npm scripts and npx put the devDependency node first on PATH', () => {
    expect(major(process.versions.node)).toBe(24)
  })
})
