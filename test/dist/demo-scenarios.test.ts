import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'
import { demoProblems } from '../../scripts/demo-cli.js'
import { ConfigEmulator } from '../emulator/config-emulator.js'
import { runAction } from '../support/run-action.js'

/** Every demo scenario, played against the built action as `npm run demo` plays it. */
describe('the demo scenarios', () => {
  it.concurrent.each(Object.keys(SCENARIOS))(
    '%s behaves as scripted and calls what its scope calls',
    async (name) => {
      const demo = SCENARIOS[name]
      const emulator = new ConfigEmulator(demo.scenario)
      const endpoint = await emulator.start()
      try {
        const run = await runAction({
          inputs: demo.inputs,
          endpoint,
          env: { AWS_REGION: 'us-east-1' }
        })
        expect(demoProblems(demo, run)).toEqual([])
        const statusCall =
          demo.inputs.scope === 'organization'
            ? 'DescribeOrganizationConformancePackStatuses'
            : 'DescribeConformancePackStatus'
        expect(emulator.callCounts()[statusCall]).toBeGreaterThan(0)
        // The gate waited for the rule evaluated after the pack completed.
        if (name === 'compliance-evaluation')
          expect(emulator.callCounts().DescribeConfigRuleEvaluationStatus).toBeGreaterThan(1)
      } finally {
        await emulator.stop()
      }
    },
    30_000
  )
})
