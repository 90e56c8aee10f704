import { readFile } from 'node:fs/promises'
import { defineConfig, type Plugin } from 'vitest/config'

/**
 * Loads @actions/workflow-parser's files without their `sourceMappingURL`: its source maps name
 * TypeScript sources the package does not ship, and Vite warns about each of them, one line per
 * file, in every run of the tests that validate workflows.
 */
const WORKFLOW_PARSER = '/node_modules/@actions/workflow-parser/'
const withoutMissingSourceMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  async load(id) {
    const file = id.split('?')[0]
    if (!file.includes(WORKFLOW_PARSER) || !file.endsWith('.js')) return null
    const code = await readFile(file, 'utf8')
    return { code: code.replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null }
  }
}

export default defineConfig({
  plugins: [withoutMissingSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    env: {
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1'
    },
    testTimeout: 20_000,
    // Most test files wait on child processes and sockets, not on the CPU: vitest's default (one
    // worker fewer than the cores) runs them one at a time on a 2-core runner. Four files at
    // once keep both cores busy; every test bounds its own time, none asserts speed.
    maxWorkers: 4,
    // Its schema is a JSON import without an import attribute, which Node refuses; Vite's
    // transform loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'json-summary']
    }
  }
})
