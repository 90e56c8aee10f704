import { describe, expect, it } from 'vitest'
import { commandWords, helpWords } from '../../../src/cli/command-words.js'
import { helpText } from '../../../src/cli/help.js'
import { classifyError, expiredDuringWait } from '../../../src/aws/errors.js'
import { INPUT_SPECS } from '../../../src/input-spec.js'

/** The action's words that the command never says. */
const ACTION_WORDS = /\binput\b|\bstep\b|aws-actions|configure-aws-credentials|job's/i

function awsError(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, ...fields })
}

describe('commandWords', () => {
  it('says the pipeline’s AWS errors in flags, never inputs, steps or actions', () => {
    const messages = [
      classifyError(
        awsError('Error', { code: 'ENOTFOUND', hostname: 'config.us-esat-1.amazonaws.com' }),
        'config:DescribeConformancePackStatus',
        'us-esat-1'
      ).message,
      classifyError(awsError('CredentialsProviderError'), 'config:X', 'us-east-1').message,
      classifyError(
        awsError('UnrecognizedClientException', { $metadata: { httpStatusCode: 400 } }),
        'config:X',
        'us-east-1'
      ).message,
      classifyError(awsError('OrganizationAccessDeniedException'), 'config:X', 'us-east-1').message,
      expiredDuringWait(awsError('ExpiredTokenException'), '5m00s')
    ]
    for (const message of messages) {
      expect(message).toMatch(ACTION_WORDS)
      expect(commandWords(message)).not.toMatch(ACTION_WORDS)
    }
    expect(commandWords(messages[0])).toContain('Check --region ("us-esat-1") for a typo')
    expect(commandWords(messages[4])).toContain('set a shorter --timeout-seconds')
  })

  it('speaks of --region for a region the SDK does not know', () => {
    expect(
      commandWords(
        'The region input names "us-esat-1", which the AWS SDK\'s list of regions does not know. Check it for a typo; a region newer than this SDK works all the same.'
      )
    ).toBe(
      '--region names "us-esat-1", which the AWS SDK\'s list of regions does not know. Check it for a typo; a region newer than this SDK works all the same.'
    )
  })

  it('shows Node’s and the SDK’s plain errors once, without a second Error:', () => {
    expect(
      commandWords('Still failing (2 polls in a row): Error: connect ECONNREFUSED 127.0.0.1:9')
    ).toBe('Still failing (2 polls in a row): connect ECONNREFUSED 127.0.0.1:9')
    expect(
      commandWords('Timed out after 4s (last error: Error: connect ECONNREFUSED 127.0.0.1:9)')
    ).toBe('Timed out after 4s (last error: connect ECONNREFUSED 127.0.0.1:9)')
    // A named error keeps its name: it says something.
    expect(commandWords('retrying: TimeoutError: socket hang up')).toBe(
      'retrying: TimeoutError: socket hang up'
    )
  })

  it('leaves AWS’s text alone: a pack named like an input stays as it is', () => {
    const line =
      'region-input: CREATE_COMPLETE; timeout-seconds: CREATE_FAILED (step 2 of the input)'
    expect(commandWords(line)).toBe(line)
  })
})

describe('helpWords and --help', () => {
  it('speaks of exit codes and flags, never of the step or an input', () => {
    expect(helpWords('false: a failed pack, but the step passes.')).toBe(
      'false: a failed pack, but the command exits 0.'
    )
    const help = helpText(INPUT_SPECS).replace(/\s+/g, ' ')
    expect(help).not.toMatch(/\bstep passes\b|fail the step|the step fails/)
    expect(help).toContain('but the command exits 0')
    expect(help).toContain('Must be less than --timeout-seconds.')
  })
})
