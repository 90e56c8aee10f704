import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: {
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1'
    },
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'json-summary']
    }
  }
})
