import { describe, expect, it } from 'vitest'
import type { EmulatedPack, EmulatedResult } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { FAST, runWith } from './dist-harness.js'

/** The built action's console links open in the partition the pack lives in. */

const bucket: EmulatedResult = {
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'logs',
  compliance: 'NON_COMPLIANT',
  annotation: 'Public'
}
const deployed = (): EmulatedPack => ({
  name: 'alpha',
  timeline: [{ state: 'CREATE_COMPLETE' }],
  requestedAt: Date.now() - 3_000,
  rules: [{ name: 'public-read', evaluations: [{ atMs: 2_500, results: [bucket] }] }]
})
const failed: EmulatedPack = {
  name: 'beta',
  timeline: [{ state: 'CREATE_FAILED', reason: 'Rule failed' }],
  stack: { events: failedDeployment({ logicalId: 'Rule', reason: 'denied' }) }
}

/** Every href of the summary, unescaped. */
const links = (summary: string): string[] =>
  [...summary.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))

describe('console links by partition, on dist/index.js', () => {
  for (const [region, host] of [
    ['us-gov-west-1', 'console.amazonaws-us-gov.com'],
    ['cn-north-1', 'console.amazonaws.cn'],
    ['eu-west-1', 'eu-west-1.console.aws.amazon.com']
  ] as const) {
    it(`${region}: the pack, the resource and the stack links open on ${host}`, async () => {
      const gate = await runWith(
        { packs: [deployed()] },
        {
          inputs: { 'conformance-pack-names': 'alpha', compliance: 'require', ...FAST },
          env: { AWS_REGION: region }
        }
      )
      expect(gate.outputs.result).toBe('noncompliant')
      const failure = await runWith(
        { packs: [failed] },
        { inputs: { 'conformance-pack-names': 'beta', ...FAST }, env: { AWS_REGION: region } }
      )
      expect(failure.outputs.result).toBe('failure')
      const all = [...links(gate.summary), ...links(failure.summary)].map((href) => new URL(href))
      const paths = all.map((url) => `${url.pathname}${url.hash.split('?')[0]}`)
      expect(paths).toEqual(
        expect.arrayContaining([
          '/config/home#/conformance-packs/details',
          '/config/home#/resources/details',
          '/cloudformation/home#/stacks/stackinfo'
        ])
      )
      for (const url of all) {
        expect(url.host).toBe(host)
        expect(url.searchParams.get('region')).toBe(region)
      }
    })
  }
})
