import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { runAction, TEST_CREDENTIALS } from '../support/run-action.js'
import { ANSI, CLI, FAST_FLAGS, runCli, runCliWith } from './cli-harness.js'

/** The command's front end, on the built dist/cli.js; the pipeline behind it has its own tests. */

const MIXED: Scenario = {
  packs: [
    {
      name: 'alpha',
      timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 3 }]
    },
    {
      name: 'beta',
      timeline: [
        { state: 'CREATE_IN_PROGRESS' },
        { state: 'CREATE_FAILED', atCall: 2, reason: 'Rule <quota> exceeded' }
      ]
    }
  ]
}
const COMPLETE: Scenario = { packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] }] }
const STUCK: Scenario = {
  packs: [{ name: 'alpha', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }]
}

describe('dist/cli.js: flags and help', () => {
  it('--help is the help text of the spec action.yml is made from, as docs/cli.md shows it', async () => {
    const run = await runCli({ args: ['--help'] })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const doc = await readFile(new URL('../../docs/cli.md', import.meta.url), 'utf8')
    const shown = /<!-- help:start -->\s*```text\n([\s\S]*?)```/.exec(doc)?.[1]
    expect(shown).toBeDefined()
    expect(run.stdout).toBe(shown)
    const action = await readFile(new URL('../../action.yml', import.meta.url), 'utf8')
    for (const name of ['conformance-pack-names', 'region', 'timeout-seconds', 'compliance']) {
      expect(action).toMatch(new RegExp(`^  ${name}:$`, 'm'))
      expect(run.stdout).toMatch(new RegExp(`^  --${name} `, 'm'))
    }
  })

  it('an unknown flag exits 64 naming it, before any call to AWS', async () => {
    const run = await runCliWith(COMPLETE, {
      args: ['--conformance-pack-names', 'alpha', '--timeout', '5']
    })
    expect(run.code).toBe(64)
    expect(run.stderr).toBe('wait-for-conformance-packs: unknown flag --timeout (see --help)\n')
    expect(run.stdout).toBe('')
    expect(run.emulator.requests).toEqual([])
  })

  it('a bad value exits 64 with the action’s own message, naming the flag', async () => {
    const cli = await runCliWith(COMPLETE, { args: ['--timeout-seconds', 'soon'] })
    const action = await runAction({
      inputs: { 'timeout-seconds': 'soon' },
      env: { AWS_REGION: 'eu-west-1' }
    })
    const actionMessage = /^::error::(.*)$/m.exec(action.stdout)?.[1]
    expect(actionMessage).toBe(
      `Input 'timeout-seconds' must be a number of seconds greater than 0 (decimals allowed), got "soon"`
    )
    expect(cli.code).toBe(64)
    expect(cli.stderr).toBe(
      `wait-for-conformance-packs: ${actionMessage?.replace("Input 'timeout-seconds'", '--timeout-seconds')}\n`
    )
    expect(cli.emulator.requests).toEqual([])
  })

  it('names every bad flag at once, boolean ones included', async () => {
    const run = await runCli({
      args: ['--scope', 'galaxy', '--fail-on-failure', 'maybe', '--min-delay-seconds', '0'],
      env: { AWS_REGION: 'eu-west-1' }
    })
    expect(run.code).toBe(64)
    expect(run.stderr.split('\n').slice(0, 4)).toEqual([
      'wait-for-conformance-packs: 3 flag values are invalid:',
      '  --scope must be one of account, organization, got "galaxy"',
      expect.stringMatching(/^ {2}--min-delay-seconds must be .*, got "0"$/),
      '  --fail-on-failure must be a boolean (true or false), got "maybe"'
    ])
    expect(run.stderr).toContain('"galaxy"')
    expect(run.stderr).not.toMatch(/Input '/)
  })

  it('with no --region, AWS_REGION and then AWS_DEFAULT_REGION are the region, as for the AWS CLI', async () => {
    const fromDefault = await runCliWith(COMPLETE, {
      args: ['--conformance-pack-names', 'alpha', ...FAST_FLAGS],
      env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: 'ap-southeast-2' }
    })
    expect(fromDefault.code).toBe(0)
    expect(fromDefault.emulator.requests.map((r) => r.region)).toContain('ap-southeast-2')
    const none = await runCli({ args: ['--conformance-pack-names', 'alpha'] })
    expect(none.code).toBe(64)
    expect(none.stderr).toContain('--region')
  })

  it('the flags keep the action’s defaults: a bare boolean is true, a list flag repeats', async () => {
    const run = await runCliWith(MIXED, {
      args: [
        '--conformance-pack-names',
        'alpha',
        '--conformance-pack-names',
        'beta',
        '--fail-on-failure',
        ...FAST_FLAGS
      ]
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^Waiting for 2 conformance pack\(s\) in eu-west-1: alpha, beta \(timeout 10s/m
    )
    const lenient = await runCliWith(MIXED, {
      args: ['--conformance-pack-names', 'alpha,beta', '--fail-on-failure', 'false', ...FAST_FLAGS]
    })
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toMatch(
      /^warning: .*1 conformance pack\(s\) failed: beta \(fail-on-failure is false\)$/m
    )
  })
})

describe('dist/cli.js: exit codes and the terminal output', () => {
  it('0 when every pack deployed: the log, the table, then the closing line', async () => {
    const run = await runCliWith(COMPLETE, {
      args: ['--conformance-pack-names', 'alpha', ...FAST_FLAGS]
    })
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Waiting for 1 conformance pack\(s\) in eu-west-1: alpha/)
    const top = lines.findIndex((l) => l.startsWith('┌'))
    expect(lines[top + 1]).toMatch(/^│ Region +│ Pack +│ State +│ Reason +│ Elapsed +│$/)
    expect(lines[top + 3]).toMatch(/^│ eu-west-1 │ alpha +│ ✓ CREATE_COMPLETE │/)
    expect(lines.at(-2)).toMatch(/^└/)
    expect(lines.at(-1)).toMatch(/^All 1 conformance pack\(s\) completed after \d+s$/)
  })

  it('1 on a failed pack: its row, and the failure line last', async () => {
    const run = await runCliWith(MIXED, {
      args: ['--conformance-pack-names', 'alpha,beta', ...FAST_FLAGS]
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^│ eu-west-1 │ beta +│ ✗ CREATE_FAILED +│ Rule <quota> exceeded +│/m
    )
    expect(run.stdout).toMatch(
      /^error: beta is CREATE_FAILED in eu-west-1: Rule <quota> exceeded$/m
    )
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'error: 1 conformance pack(s) failed: beta'
    )
  })

  it('1 on a missing pack, 2 on a timeout', async () => {
    const missing = await runCliWith(COMPLETE, {
      args: ['--conformance-pack-names', 'alpha,ghost', ...FAST_FLAGS]
    })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/^│ eu-west-1 │ ghost +│ \? NOT_FOUND/m)
    const timeout = await runCliWith(STUCK, {
      args: [
        '--conformance-pack-names',
        'alpha',
        ...FAST_FLAGS.slice(0, 4),
        '--timeout-seconds',
        '1'
      ]
    })
    expect(timeout.code).toBe(2)
    expect(timeout.stdout).toMatch(/^│ eu-west-1 │ alpha +│ … CREATE_IN_PROGRESS/m)
    expect(timeout.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^error: Timed out after 1s waiting for 1 conformance pack\(s\): alpha$/
    )
  })

  it('no colour when stdout is not a terminal; colour on a terminal; none there with NO_COLOR or --no-color', async () => {
    const args = ['--conformance-pack-names', 'alpha,beta', ...FAST_FLAGS]
    const piped = await runCliWith(MIXED, { args })
    expect(piped.stdout).toContain('✗ CREATE_FAILED')
    expect(piped.stdout).not.toMatch(ANSI)
    // `script` gives the command a pseudo-terminal; its own stdout is what the terminal shows.
    const onTerminal = (env: Record<string, string | undefined>, extra: string[] = []) =>
      runCliWith(MIXED, {
        args: [...args, ...extra],
        env: { TERM: 'xterm', ...env },
        spawnAs: (node, cli, argv) => [
          'script',
          ['-q', '-e', '-c', [node, cli, ...argv].map((a) => `'${a}'`).join(' '), '/dev/null']
        ]
      })
    const tty = await onTerminal({})
    expect(tty.code).toBe(1)
    expect(tty.stdout).toContain('\u001b[31m✗ CREATE_FAILED')
    expect(tty.stdout).toContain('\u001b[31merror: \u001b[39m1 conformance pack(s) failed: beta')
    for (const run of [await onTerminal({ NO_COLOR: '1' }), await onTerminal({}, ['--no-color'])]) {
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('✗ CREATE_FAILED')
      expect(run.stdout).not.toMatch(ANSI)
    }
  })

  it('writes no workflow command, even when AWS’s text holds one, and never the credentials', async () => {
    const scenario: Scenario = {
      packs: [
        {
          name: 'alpha',
          timeline: [
            { state: 'CREATE_IN_PROGRESS' },
            { state: 'CREATE_FAILED', atCall: 2, reason: 'Stack failed\n::error::injected' }
          ],
          stack: {
            events: failedDeployment({ logicalId: 'Rule', reason: 'x\n::set-env name=A::b' })
          }
        }
      ]
    }
    const run = await runCliWith(scenario, {
      args: ['--conformance-pack-names', 'alpha', '--debug', ...FAST_FLAGS]
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('debug: ')
    expect(run.stdout).toContain('injected')
    expect(run.stdout).not.toMatch(/^\s*::/m)
    for (const secret of Object.values(TEST_CREDENTIALS)) {
      expect(run.stdout).not.toContain(secret)
      expect(run.stderr).not.toContain(secret)
    }
  })

  it('is a file node runs from a clone: dist/cli.js starts with a #! line', async () => {
    const text = await readFile(CLI, 'utf8')
    expect(text.split('\n')[0]).toBe('#!/usr/bin/env node')
  })
})
