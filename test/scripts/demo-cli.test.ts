import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  callsReport,
  cliDemoProblems,
  cliExitCode,
  demoProblems,
  parseDemoArgs,
  scenarioFlags,
  shellCommand,
  shellWord
} from '../../scripts/demo-cli.js'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'
import type { ActionRun } from '../support/run-action.js'

describe('parseDemoArgs', () => {
  it('runs the mixed scenario by default', () => {
    const args = parseDemoArgs([])
    expect(args.kind === 'run' && args.options).toMatchObject({
      scenario: 'mixed',
      out: 'demo-output',
      debug: false
    })
  })

  it('--help lists every scenario with its description, and every option', () => {
    for (const flag of ['--help', '-h']) {
      const args = parseDemoArgs(['--scenario', 'nope', flag])
      expect(args.kind).toBe('help')
      const text = args.kind === 'help' ? args.text : ''
      for (const [name, demo] of Object.entries(SCENARIOS))
        expect(text).toMatch(new RegExp(`^  ${name} +${escape(demo.description)}$`, 'm'))
      for (const option of ['--scenario NAME', '--node PATH', '--out DIR', '--debug', '--help'])
        expect(text).toContain(option)
    }
  })

  it('an unknown scenario names the known ones', () => {
    const args = parseDemoArgs(['--scenario', 'toString'])
    expect(args.kind).toBe('error')
    const message = args.kind === 'error' ? args.message : ''
    expect(message).toMatch(/^Unknown scenario "toString"; choose one of:/)
    for (const name of Object.keys(SCENARIOS))
      expect(message).toMatch(new RegExp(`^  ${name} `, 'm'))
  })

  it('an unknown option points to --help instead of a stack trace', () => {
    expect(parseDemoArgs(['--scenrio', 'mixed'])).toEqual({
      kind: 'error',
      message: expect.stringMatching(
        /^Unknown option '--scenrio'[\s\S]*\nRun 'npm run demo -- --help' for the options\.$/
      ) as string
    })
  })
})

describe('callsReport', () => {
  it('totals the calls and names each operation', () => {
    expect(
      callsReport({
        DescribeOrganizationConformancePackStatuses: 3,
        GetOrganizationConformancePackDetailedStatus: 2
      })
    ).toBe(
      'AWS calls made: 5 (DescribeOrganizationConformancePackStatuses 3, GetOrganizationConformancePackDetailedStatus 2)'
    )
  })

  it('says 0 when nothing was called', () => {
    expect(callsReport({})).toBe('AWS calls made: 0')
  })
})

describe('demoProblems', () => {
  const regions = SCENARIOS.regions
  const run = (stdout: string): ActionRun => ({
    code: 0,
    signal: null,
    stdout,
    stderr: '',
    outputs: {
      result: 'success',
      'completed-packs': JSON.stringify(['us-east-1/iam-baseline', 'eu-west-1/iam-baseline'])
    },
    summary:
      'conformance packs: success <h3>✅ us-east-1: success</h3><h3>✅ eu-west-1: success</h3>'
  })
  const throttled =
    '::warning::[eu-west-1] AWS Config call failed, retrying at the next poll: throttled (ThrottlingException): Rate exceeded\n'
  const east = '[us-east-1] iam-baseline: CREATE_IN_PROGRESS → CREATE_COMPLETE after 1m01s\n'
  const west = '[eu-west-1] iam-baseline: CREATE_IN_PROGRESS → CREATE_COMPLETE after 1m03s\n'

  it('accepts a regions run that shows the throttling, us-east-1 finishing first', () => {
    expect(demoProblems(regions, run(throttled + east + west))).toEqual([])
  })

  it('fails a regions run without the throttling warning', () => {
    expect(demoProblems(regions, run(east + west))).toEqual([
      `the log does not match ${String(regions.expect.log?.[0])}`
    ])
  })

  it('fails a regions run in which eu-west-1 finished first', () => {
    expect(demoProblems(regions, run(throttled + west + east))).toHaveLength(1)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('the demo through the command', () => {
  const demo = SCENARIOS.timeout
  const document = {
    result: 'timeout',
    'completed-packs': ['iam-baseline'],
    'pending-packs': ['slow-pack']
  }
  const summary = '<h2>⏱️ AWS Config conformance packs: timeout</h2>'

  it('passes flags for the inputs and expects the command’s exit codes', () => {
    expect(scenarioFlags({ 'conformance-pack-names': 'a,b', 'timeout-seconds': '3' })).toEqual([
      '--conformance-pack-names',
      'a,b',
      '--timeout-seconds',
      '3'
    ])
    expect(scenarioFlags({ 'conformance-pack-names': 'a\nb, c\n', 'check-name': '' })).toEqual([
      '--conformance-pack-names',
      'a',
      '--conformance-pack-names',
      'b, c',
      '--check-name',
      ''
    ])
    expect(cliExitCode(demo.expect)).toBe(2)
    expect(cliExitCode(SCENARIOS['all-complete'].expect)).toBe(0)
    expect(cliExitCode(SCENARIOS.mixed.expect)).toBe(1)
    expect(cliDemoProblems(demo, { code: 2, stdout: JSON.stringify(document), summary })).toEqual(
      []
    )
  })

  it('names what differs: the exit code, an output, stdout that is not JSON', () => {
    expect(
      cliDemoProblems(demo, {
        code: 1,
        stdout: JSON.stringify({ ...document, 'pending-packs': [] }),
        summary
      })
    ).toEqual(['exit code 1, expected 2', 'pending-packs [], expected ["slow-pack"]'])
    expect(cliDemoProblems(demo, { code: 2, stdout: 'Waiting…', summary })).toEqual([
      'stdout is not one JSON object: "Waiting…"'
    ])
  })
})

describe('shellCommand', () => {
  it('prints every scenario’s command on one line that a shell reads back word for word', () => {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const args = [...scenarioFlags(scenario.inputs), '--summary-file', "/tmp/it's here/s.md"]
      const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4599', AWS_REGION: 'us-east-1' }
      const echo = `console.log(JSON.stringify([process.env.AWS_ENDPOINT_URL, process.env.AWS_REGION, ...process.argv.slice(1)]))`
      const line = shellCommand(env, [process.execPath, '-e', echo, '--', ...args])
      expect(line, name).not.toContain('\n')
      expect(line, name).not.toContain('{dir}')
      const read = spawnSync('sh', ['-c', line], { encoding: 'utf8' })
      expect(read.stderr, name).toBe('')
      expect(JSON.parse(read.stdout), name).toEqual([env.AWS_ENDPOINT_URL, env.AWS_REGION, ...args])
    }
  })

  it('quotes only what a shell would split or expand', () => {
    expect(shellWord('--region')).toBe('--region')
    expect(shellWord('a, b')).toBe("'a, b'")
    expect(shellWord("it's")).toBe(`'it'\\''s'`)
    expect(shellWord('$HOME')).toBe("'$HOME'")
    expect(shellWord('')).toBe("''")
  })
})
