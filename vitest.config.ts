import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: {
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1'
    },
    testTimeout: 20_000,
    // Its schema is a JSON import without an import attribute, which Node refuses unless Vite
    // transforms the package.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'json-summary']
    }
  }
})
