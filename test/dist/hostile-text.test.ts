import { describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { htmlProblems, visibleText } from '../support/html-check.js'
import { workflowCommands } from '../support/workflow-commands.js'
import { FAST, json, runWith } from './dist-harness.js'

/** The built action, dist/index.js, against an endpoint whose text tries to be workflow commands. */

const STATUS_REASON = 'Stack failed\n::notice title=x::y'
const EVENT_REASON = 'Rule failed\n::error::from a stack event\n##[warning]legacy form'
const HTML = '<script>alert(1)</script></td></tr></table> | a | b |\n\n# Heading'
const HOSTILE_NAME = 'evil|<b>pack</b>'

/** The commands the action itself writes; anything else on stdout came from AWS text. */
const OWN_COMMAND =
  /^::(?:error title=Conformance pack [^:]*|error|warning title=[^:]*|warning|notice|debug)::/

function injected(stdout: string): string[] {
  return workflowCommands(stdout)
    .filter((c) => !OWN_COMMAND.test(c.line))
    .map((c) => c.line)
}

describe('dist/index.js with hostile text from AWS', () => {
  it('writes reasons from statuses and stack events as data: no line of stdout starts a command of theirs', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [
            { state: 'CREATE_IN_PROGRESS' },
            { state: 'CREATE_FAILED', atCall: 2, reason: STATUS_REASON }
          ],
          stack: {
            events: failedDeployment({ logicalId: 'AccessKeysRotated', reason: EVENT_REASON })
          }
        }
      ]
    }
    const run = await runWith(scenario, { inputs: { 'conformance-pack-names': 'alpha', ...FAST } })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    // The runner would have read these: the test can tell.
    expect(workflowCommands(STATUS_REASON).map((c) => c.line)).toEqual(['::notice title=x::y'])
    expect(injected(run.stdout)).toEqual([])
    expect(run.stdout).not.toMatch(/^\s*::notice title=x/m)
    expect(run.stdout).not.toMatch(/^\s*::error::from a stack event/m)
    // The reason is still there to read, on the state change's line and in the annotation.
    expect(run.stdout).toMatch(
      /^alpha: CREATE_IN_PROGRESS → CREATE_FAILED after 1m0\ds: Stack failed ⏎ ::notice title=x::y$/m
    )
    expect(run.stdout).toMatch(
      /^::error title=Conformance pack alpha%3A CREATE_FAILED::alpha is CREATE_FAILED in eu-west-1: Stack failed%0A::notice title=x::y\. First failed resource: AccessKeysRotated .*: Rule failed%0A::error::from a stack event%0A##\[warning\]legacy form$/m
    )
    // The outputs keep the text as AWS sent it.
    const statuses = json(run.outputs.statuses) as {
      reason?: string
      failedResources?: { reason?: string }[]
    }[]
    expect(statuses[0].reason).toBe(STATUS_REASON)
    expect(statuses[0].failedResources?.[0].reason).toBe(EVENT_REASON)
  })

  it('an organization pack’s error message is data too', async () => {
    const run = await runWith(
      {
        packs: [],
        organization: {
          packs: [
            {
              name: 'org-pack',
              timeline: [{ state: 'CREATE_FAILED', errorCode: 'X', errorMessage: STATUS_REASON }]
            }
          ]
        }
      },
      { inputs: { scope: 'organization', 'conformance-pack-names': 'org-pack', ...FAST } }
    )
    expect(run.outputs.result).toBe('failure')
    expect(injected(run.stdout)).toEqual([])
    expect(run.stdout).toContain('Stack failed ⏎ ::notice title=x::y')
  })

  it('keeps the job summary a well-formed table, with HTML, | and line breaks in names and reasons escaped', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: HOSTILE_NAME,
          timeline: [{ state: 'CREATE_FAILED', reason: HTML }],
          stack: { events: failedDeployment({ logicalId: 'AccessKeysRotated', reason: HTML }) }
        },
        { name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }
      ]
    }
    // No names: the hostile name comes from the listing.
    const run = await runWith(scenario, { inputs: FAST })
    expect(run.outputs.result).toBe('failure')
    expect(htmlProblems(run.summary)).toEqual([])
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).not.toMatch(/^#/m)
    // Header, the failed pack, its failed resources, the complete pack.
    expect(run.summary.match(/<tr>/g)).toHaveLength(4)
    const text = visibleText(run.summary)
    expect(text).toContain(HTML)
    expect(text).toContain(HOSTILE_NAME)
    expect(injected(run.stdout)).toEqual([])
  })

  it('ends a listing whose NextToken never changes with a clear timeout, after few calls', async () => {
    const run = await runWith(
      {
        packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }],
        faults: [{ calls: 'all', response: { kind: 'repeat-token' } }]
      },
      { inputs: { ...FAST, 'min-delay-seconds': '0.1', 'timeout-seconds': '1.5' } }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(run.stdout).toMatch(
      /^::error::Timed out after \ds before AWS Config listed the packs \(last error: PagingError: DescribeConformancePackStatus returned a NextToken it had already returned \(after 2 page\(s\)\): stopped following it\)$/m
    )
    expect(run.stdout).toMatch(
      /^::warning::AWS Config call failed, retrying at the next poll: PagingError: /m
    )
    // Two calls a poll (the first page, then the repeated token), polls at least 0.1 s apart:
    // at most 2 × (1.5 s / 0.1 s + 1), where following the token would make hundreds.
    expect(run.emulator.describeCalls).toBeGreaterThanOrEqual(4)
    expect(run.emulator.describeCalls).toBeLessThanOrEqual(32)
    expect(run.emulator.describeCalls % 2).toBe(0)
    expect(run.summary).toContain(
      'PagingError: DescribeConformancePackStatus returned a NextToken it had already returned'
    )
  })
})
