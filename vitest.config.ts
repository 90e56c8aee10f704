import { defineConfig } from 'vitest/config'

export default defineConfig({
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
    // Its schema is a JSON import without an import attribute, which Node 20 refuses; Vite's
    // transform loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'json-summary']
    }
  }
})
