import { describe, expect, it } from 'vitest'
import { MIN_NODE_MAJOR, unsupportedNode } from '../../../src/cli/node-version.js'

describe('unsupportedNode', () => {
  it('refuses a Node.js older than 22 in one sentence naming both versions', () => {
    expect(MIN_NODE_MAJOR).toBe(22)
    expect(unsupportedNode('v20.19.4')).toBe('Node.js 22 or later is required; this is v20.19.4')
    expect(unsupportedNode('v18.0.0')).toBe('Node.js 22 or later is required; this is v18.0.0')
    expect(unsupportedNode('v21.7.3')).toBeDefined()
  })

  it('takes 22 and every later major, however the minor compares', () => {
    for (const version of ['v22.0.0', 'v22.12.1', 'v24.9.0', 'v100.1.2'])
      expect(unsupportedNode(version)).toBeUndefined()
  })

  it('refuses what it cannot read as a version', () => {
    expect(unsupportedNode('')).toBeDefined()
  })
})
