import { describe, expect, it } from 'vitest'
import { renderJson } from '../../../src/cli/json-output.js'

describe('renderJson', () => {
  it("holds the action's outputs, lists as JSON values, in the order set", () => {
    const text = renderJson({
      result: 'failure',
      statuses: JSON.stringify([{ name: 'beta', state: 'CREATE_FAILED', region: 'us-east-1' }]),
      'failed-packs': '["beta"]',
      compliance: '[]'
    })
    expect(text.endsWith('}\n')).toBe(true)
    const document = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(document)).toEqual(['result', 'statuses', 'failed-packs', 'compliance'])
    expect(document).toEqual({
      result: 'failure',
      statuses: [{ name: 'beta', state: 'CREATE_FAILED', region: 'us-east-1' }],
      'failed-packs': ['beta'],
      compliance: []
    })
  })

  it('keeps a value that only looks like JSON as text', () => {
    expect(JSON.parse(renderJson({ note: '[not json' }))).toEqual({ note: '[not json' })
  })
})
