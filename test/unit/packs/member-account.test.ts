import { describe, expect, it } from 'vitest'
import { accountFailed } from '../../../src/packs/member-account.js'

describe('accountFailed', () => {
  it.each([
    ['CREATE_FAILED', true],
    ['UPDATE_FAILED', true],
    ['DELETE_FAILED', true],
    ['CREATE_SUCCESSFUL', false],
    ['UPDATE_IN_PROGRESS', false]
  ])('an account in %s: %s', (status, failed) => {
    expect(accountFailed({ accountId: '111111111111', status })).toBe(failed)
  })
})
