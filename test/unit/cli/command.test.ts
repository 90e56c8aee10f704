import { describe, expect, it } from 'vitest'
import { runCommand, type CommandDeps, type FrontEnd } from '../../../src/cli/command.js'
import type { PipelineOutcome } from '../../../src/pipeline.js'
import { outputsOf } from '../../../src/publish/publish.js'
import type { RunReport } from '../../../src/report/run-report.js'
import { inputs, packStatus, runReport } from '../../support/builders.js'

/** A stream that keeps what is written. */
function stream(isTTY = false) {
  const chunks: string[] = []
  return { isTTY, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') }
}

const PASSED = runReport([{ region: 'eu-west-1', packs: [packStatus('alpha', 'CREATE_COMPLETE')] }])
const FAILED = runReport([
  {
    region: 'eu-west-1',
    packs: [packStatus('beta', 'CREATE_FAILED', { reason: 'rolled back' })]
  }
])

/** Plays the publish stage's calls on the command's front end, as the pipeline makes them. */
function pipelineThat(report: RunReport, end: { failLine?: string; closing?: string }) {
  return async (front: FrontEnd): Promise<PipelineOutcome> => {
    front.log.info('Waiting for 1 conformance pack(s) in eu-west-1: alpha')
    front.destination.setOutputs(outputsOf(report))
    await front.destination.writeSummary('<h2>summary</h2>')
    if (report.verdict.result === 'failure')
      front.destination.annotate('error', 'beta is CREATE_FAILED')
    if (end.failLine) front.destination.fail(end.failLine)
    if (end.closing) front.log.info(end.closing)
    return { kind: 'report', report }
  }
}

function deps(overrides: Partial<CommandDeps>) {
  const stdout = stream()
  const stderr = stream()
  const files = new Map<string, string>()
  const all: CommandDeps = {
    args: ['--conformance-pack-names', 'alpha', '--region', 'eu-west-1'],
    env: {},
    stdout,
    stderr,
    version: '1.2.3',
    now: () => 0,
    writeFile: (path, text) => {
      files.set(path, text)
      return Promise.resolve()
    },
    pipeline: pipelineThat(PASSED, { closing: 'All 1 conformance pack(s) completed after 0s' }),
    signalled: () => undefined,
    profileRegion: () => Promise.resolve(undefined),
    ...overrides
  }
  return { all, stdout, stderr, files }
}

describe('runCommand', () => {
  it('a passing run: the log, the table, then the closing line; exit 0', async () => {
    const { all, stdout, stderr } = deps({})
    expect(await runCommand(all)).toBe(0)
    const lines = stdout.text().trimEnd().split('\n')
    expect(lines[0]).toBe('Waiting for 1 conformance pack(s) in eu-west-1: alpha')
    expect(lines[1]).toMatch(/^┌/)
    expect(lines.at(-2)).toMatch(/^└/)
    expect(lines.at(-1)).toBe('All 1 conformance pack(s) completed after 0s')
    expect(stderr.text()).toBe('')
  })

  it('a failing run: annotations as log lines, the failure line last; exit 1', async () => {
    const { all, stdout } = deps({
      pipeline: pipelineThat(FAILED, { failLine: '1 conformance pack(s) failed: beta' })
    })
    expect(await runCommand(all)).toBe(1)
    const text = stdout.text()
    expect(text).toMatch(/^error: beta is CREATE_FAILED\n┌/m)
    expect(text.trimEnd().split('\n').at(-1)).toBe('error: 1 conformance pack(s) failed: beta')
  })

  it('--json: stdout holds the JSON alone; the log and the table go to stderr', async () => {
    const { all, stdout, stderr } = deps({ args: [...deps({}).all.args, '--json'] })
    expect(await runCommand(all)).toBe(0)
    expect(JSON.parse(stdout.text())).toMatchObject({
      result: 'success',
      'completed-packs': ['alpha']
    })
    expect(stderr.text()).toMatch(/^Waiting for/)
    expect(stderr.text()).toContain('│ eu-west-1 │ alpha')
  })

  it('writes the summary and the JUnit report; one that cannot be written fails a passing run', async () => {
    const args = [...deps({}).all.args, '--summary-file', 's.md', '--junit-file', 'j.xml']
    const written = deps({ args })
    expect(await runCommand(written.all)).toBe(0)
    expect(written.files.get('s.md')).toContain('AWS Config conformance packs: success')
    expect(written.files.get('j.xml')).toMatch(/<testcase classname="eu-west-1" name="alpha"\/>/)

    const refused = deps({
      args,
      writeFile: (path) =>
        path === 'j.xml'
          ? Promise.reject(new Error('EACCES: permission denied'))
          : Promise.resolve()
    })
    expect(await runCommand(refused.all)).toBe(1)
    expect(refused.stdout.text()).toContain(
      'error: Could not write --junit-file j.xml: EACCES: permission denied'
    )
  })

  it('a signal decides the exit code, after the reports', async () => {
    const { all, files } = deps({
      args: [...deps({}).all.args, '--junit-file', 'j.xml'],
      signalled: () => 'SIGTERM'
    })
    expect(await runCommand(all)).toBe(143)
    expect(files.has('j.xml')).toBe(true)
  })

  it('refuses a bad flag or value with 64 before the pipeline runs', async () => {
    let ran = false
    const pipeline = (): Promise<PipelineOutcome> => {
      ran = true
      return Promise.reject(new Error('not to be called'))
    }
    for (const args of [['--nope'], ['--region', 'eu-west-1', '--scope', 'galaxy']]) {
      const { all, stderr, stdout } = deps({ args, pipeline })
      expect(await runCommand(all)).toBe(64)
      expect(stderr.text()).toMatch(/^wait-for-conformance-packs: .*(--nope|--scope)/)
      expect(stdout.text()).toBe('')
    }
    expect(ran).toBe(false)
  })

  it('--help and --version print and exit 0', async () => {
    const help = deps({ args: ['--help'] })
    expect(await runCommand(help.all)).toBe(0)
    expect(help.stdout.text()).toMatch(/^Usage: wait-for-conformance-packs/)
    const version = deps({ args: ['--version'] })
    expect(await runCommand(version.all)).toBe(0)
    expect(version.stdout.text()).toBe('1.2.3\n')
  })

  it('with no region anywhere: says where one can come from, in the command’s words; 64', async () => {
    const { all, stderr } = deps({ args: ['--conformance-pack-names', 'alpha'] })
    expect(await runCommand(all)).toBe(64)
    const text = stderr.text()
    expect(text).toBe(
      'wait-for-conformance-packs: no region: give --region (for example --region us-east-1), or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile of ~/.aws/config that AWS_PROFILE names (default: [default])\n'
    )
    expect(text).not.toMatch(/got ""|configure-aws-credentials|input/)
  })

  it('takes the profile’s region when neither --region nor the environment names one', async () => {
    let region: string | undefined
    const pipeline = (front: FrontEnd): Promise<PipelineOutcome> => {
      region = front.inputs.getInput('region')
      return pipelineThat(PASSED, {})(front)
    }
    const asked: string[] = []
    const profileRegion = () => {
      asked.push('profile')
      return Promise.resolve('ap-southeast-2')
    }
    const { all } = deps({ args: ['--conformance-pack-names', 'alpha'], pipeline, profileRegion })
    expect(await runCommand(all)).toBe(0)
    expect(region).toBe('ap-southeast-2')
    // The environment wins, as for the AWS CLI: the profile is not read then.
    const withEnv = deps({
      args: ['--conformance-pack-names', 'alpha'],
      env: { AWS_REGION: 'eu-west-1' },
      pipeline,
      profileRegion
    })
    expect(await runCommand(withEnv.all)).toBe(0)
    expect(region).toBe('')
    expect(asked).toEqual(['profile'])
  })

  it('a timeout names the deadline it was given, whatever time was measured', async () => {
    const report = runReport(
      [
        {
          region: 'us-east-1',
          packs: [],
          end: { kind: 'deadline', lastError: 'connect ECONNREFUSED 127.0.0.1:9' }
        }
      ],
      { inputs: inputs({ 'timeout-seconds': '4', 'min-delay-seconds': '1' }), elapsedMs: 3_400 }
    )
    expect(report.headline).toMatch(/^Timed out after 3s /)
    const { all, stdout } = deps({
      args: ['--region', 'us-east-1', '--timeout-seconds', '4', '--min-delay-seconds', '1'],
      pipeline: pipelineThat(report, { failLine: report.headline })
    })
    expect(await runCommand(all)).toBe(2)
    // AWS never listed the packs: no table, only the line that says so.
    expect(stdout.text()).toBe(
      'Waiting for 1 conformance pack(s) in eu-west-1: alpha\nerror: Timed out after 4s before AWS Config listed the packs (last error: connect ECONNREFUSED 127.0.0.1:9)\n'
    )
  })
})
