import { describe, expect, it } from 'vitest'
import {
  ConfigEmulator,
  type EmulatedPack,
  type EmulatedResult,
  type Scenario
} from '../emulator/config-emulator.js'
import { failedDeployment } from '../emulator/stack-histories.js'
import { runAction } from '../support/run-action.js'
import { parseXml, type XmlElement } from '../support/xml.js'
import { OUTPUT_NAMES } from '../../src/publish/outputs.js'
import { FAST_FLAGS, runCliWith } from './cli-harness.js'

/** The command's reports for machines (--json, --summary-file, --junit-file), on dist/cli.js. */

const FAILING: Scenario = {
  packs: [
    {
      name: 'alpha',
      timeline: [{ state: 'CREATE_IN_PROGRESS' }, { state: 'CREATE_COMPLETE', atCall: 3 }]
    },
    {
      name: 'beta',
      timeline: [
        { state: 'CREATE_IN_PROGRESS' },
        { state: 'CREATE_FAILED', atCall: 2, reason: 'Conformance pack creation failed' }
      ],
      stack: {
        events: failedDeployment({ logicalId: 'AccessKeysRotated', reason: 'Rule <x> & more' })
      }
    }
  ]
}
const NAMES = ['--conformance-pack-names', 'alpha,beta']
const FILES = ['--summary-file', '{dir}/summary.md', '--junit-file', '{dir}/junit.xml']
const FILE_NAMES = ['summary.md', 'junit.xml']

const children = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c) => c.name === name)

/** testsuites > testsuite > testcase, each with what it holds. */
function junitCases(xml: string | undefined) {
  const root = parseXml(xml ?? '')
  expect(root.name).toBe('testsuites')
  expect(root.children.every((c) => c.name === 'testsuite')).toBe(true)
  return {
    root,
    suites: children(root, 'testsuite').map((suite) => ({
      attributes: suite.attributes,
      cases: children(suite, 'testcase').map((c) => ({
        name: c.attributes.name,
        classname: c.attributes.classname,
        verdict: c.children[0]?.name ?? 'passed',
        type: c.children[0]?.attributes.type,
        message: c.children[0]?.attributes.message,
        body: c.children[0]?.text
      }))
    }))
  }
}

describe('dist/cli.js --json', () => {
  it('prints one JSON object with what the action’s outputs hold; the log goes to stderr', async () => {
    const cli = await runCliWith(FAILING, { args: [...NAMES, '--json', ...FAST_FLAGS] })
    const action = await actionRun(FAILING, {
      'conformance-pack-names': 'alpha,beta',
      'min-delay-seconds': '0.05',
      'max-delay-seconds': '0.2',
      'timeout-seconds': '10'
    })
    expect(cli.code).toBe(1)
    const document = JSON.parse(cli.stdout) as Record<string, unknown>
    expect(Object.keys(document)).toEqual([...OUTPUT_NAMES])
    for (const name of OUTPUT_NAMES) {
      const value = action.outputs[name]
      const expected = name === 'result' ? value : (JSON.parse(value) as unknown)
      // Times are the emulator's, which differs between the two runs.
      if (name === 'statuses')
        expect(withoutTimes(document.statuses)).toEqual(withoutTimes(expected))
      else expect(document[name], name).toEqual(expected)
    }
    expect(document['failed-packs']).toEqual(['beta'])
    expect(cli.stderr).toMatch(/^Waiting for 2 conformance pack\(s\)/)
    expect(cli.stderr).toMatch(/^│ eu-west-1 │ beta /m)
    expect(cli.stderr.trimEnd().split('\n').at(-1)).toBe(
      'error: 1 conformance pack(s) failed: beta'
    )
  })
})

/** The action on the same scenario, against an emulator of its own. */
async function actionRun(scenario: Scenario, inputs: Record<string, string>) {
  const emulator = new ConfigEmulator(scenario)
  try {
    const endpoint = await emulator.start()
    return await runAction({ inputs, endpoint, env: { AWS_REGION: 'eu-west-1' } })
  } finally {
    await emulator.stop()
  }
}

function withoutTimes(statuses: unknown): unknown {
  return (statuses as Record<string, unknown>[]).map((s) =>
    Object.fromEntries(Object.entries(s).filter(([key]) => !key.endsWith('Time')))
  )
}

describe('dist/cli.js --summary-file and --junit-file', () => {
  it('writes the job summary and a JUnit report: a suite per region, a case per pack, the failure’s reason and resources', async () => {
    const run = await runCliWith(FAILING, {
      args: [...NAMES, ...FILES, ...FAST_FLAGS],
      files: FILE_NAMES
    })
    expect(run.code).toBe(1)
    const summary = run.files['summary.md'] ?? ''
    expect(summary).toMatch(/^<h2>❌ AWS Config conformance packs: /)
    expect(summary).toMatch(
      />beta<\/a>.*?<\/td><td>❌&nbsp;CREATE_FAILED<\/td><td>Conformance pack creation failed</
    )
    expect(summary).toContain('Rule &lt;x&gt; &amp; more')

    const { root, suites } = junitCases(run.files['junit.xml'])
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0', skipped: '0' })
    expect(suites).toHaveLength(1)
    expect(suites[0].attributes).toMatchObject({ name: 'eu-west-1', tests: '2', failures: '1' })
    expect(suites[0].cases.map((c) => [c.classname, c.name, c.verdict])).toEqual([
      ['eu-west-1', 'alpha', 'passed'],
      ['eu-west-1', 'beta', 'failure']
    ])
    const beta = suites[0].cases[1]
    expect(beta.type).toBe('CREATE_FAILED')
    expect(beta.message).toBe('CREATE_FAILED: Conformance pack creation failed')
    expect(beta.body).toMatch(
      /^- AccessKeysRotated \(AWS::Config::ConfigRule\) CREATE_FAILED: Rule <x> & more$/m
    )
  })

  it('with --compliance, a case per rule; with several regions, a suite each', async () => {
    const deployed = (name: string, compliance: NonNullable<EmulatedPack['compliance']>) => ({
      name,
      timeline: [{ state: 'CREATE_COMPLETE' as const }],
      compliance
    })
    const scenario: Scenario = {
      packs: [
        deployed('alpha', { status: 'COMPLIANT' }),
        deployed('beta', {
          status: 'NON_COMPLIANT',
          rules: [
            { name: 'root-mfa', compliance: 'NON_COMPLIANT' },
            { name: 'ok-rule', compliance: 'COMPLIANT' }
          ]
        })
      ]
    }
    const run = await runCliWith(scenario, {
      args: [
        ...NAMES,
        '--region',
        'eu-west-1,us-east-1',
        '--compliance',
        'require',
        ...FILES,
        ...FAST_FLAGS
      ],
      files: FILE_NAMES
    })
    expect(run.code).toBe(1)
    const { root, suites } = junitCases(run.files['junit.xml'])
    expect(suites.map((s) => s.attributes.name)).toEqual(['eu-west-1', 'us-east-1'])
    for (const suite of suites) {
      const region = suite.attributes.name
      expect(suite.cases.map((c) => [c.classname, c.name, c.verdict, c.type])).toEqual([
        [region, 'alpha', 'passed', undefined],
        [region, 'beta', 'passed', undefined],
        // A pack that lists no rule checked nothing: INSUFFICIENT_DATA, skipped.
        [region, 'alpha / compliance', 'skipped', undefined],
        [region, 'beta / root-mfa', 'failure', 'NON_COMPLIANT'],
        [region, 'beta / ok-rule', 'passed', undefined]
      ])
    }
    expect(root.attributes).toMatchObject({ tests: '10', failures: '2' })
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^error: .*NON_COMPLIANT/)
  })
})

describe('dist/cli.js reports every rule as the action does', () => {
  const bucket = (id: string, annotation: string): EmulatedResult => ({
    resourceType: 'AWS::S3::Bucket',
    resourceId: id,
    compliance: 'NON_COMPLIANT',
    annotation
  })
  const ok: EmulatedResult = {
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'fine',
    compliance: 'COMPLIANT'
  }
  const scenario: Scenario = {
    packs: [
      {
        name: 'beta',
        timeline: [{ state: 'CREATE_COMPLETE' }],
        requestedAt: Date.now() - 3_000,
        rules: [
          {
            name: 'r-bad',
            evaluations: [
              { atMs: 2_500, results: [bucket('logs', 'Public read'), bucket('data', 'No ACL')] }
            ]
          },
          { name: 'r-good', evaluations: [{ atMs: 2_500, results: [ok] }] },
          {
            name: 'r-broken',
            evaluations: [
              { atMs: 2_500, error: { code: 'InsufficientPermission', message: 'no s3:List' } }
            ]
          }
        ]
      }
    ]
  }

  it('JUnit: a case per rule, the non-compliant one naming its resources, the failed one an error; --json: every rule', async () => {
    const run = await runCliWith(scenario, {
      args: [
        '--conformance-pack-names',
        'beta',
        '--compliance',
        'require',
        '--json',
        ...FILES,
        ...FAST_FLAGS
      ],
      files: FILE_NAMES
    })
    expect(run.code).toBe(1)
    const { suites } = junitCases(run.files['junit.xml'])
    expect(suites[0].cases.map((c) => [c.name, c.verdict, c.type, c.message])).toEqual([
      ['beta', 'passed', undefined, undefined],
      [
        'beta / r-bad',
        'failure',
        'NON_COMPLIANT',
        'NON_COMPLIANT: 2 resource(s) not compliant: AWS::S3::Bucket logs, AWS::S3::Bucket data'
      ],
      ['beta / r-good', 'passed', undefined, undefined],
      [
        'beta / r-broken',
        'error',
        'EVALUATION_FAILED',
        'Evaluation failed: InsufficientPermission: no s3:List'
      ]
    ])
    expect(suites[0].cases[1].body).toBe(
      'Non-compliant resources:\n- AWS::S3::Bucket logs: Public read\n- AWS::S3::Bucket data: No ACL'
    )
    const document = JSON.parse(run.stdout) as {
      compliance: {
        rules: { name: string; compliance: string; nonCompliantResources: unknown[] }[]
      }[]
    }
    expect(
      document.compliance[0].rules.map((r) => [
        r.name,
        r.compliance,
        r.nonCompliantResources.length
      ])
    ).toEqual([
      ['r-bad', 'NON_COMPLIANT', 2],
      ['r-good', 'COMPLIANT', 0],
      ['r-broken', 'EVALUATION_FAILED', 0]
    ])
    // The same per-rule data as the action's own output.
    const action = await actionRun(scenario, {
      'conformance-pack-names': 'beta',
      compliance: 'require',
      'min-delay-seconds': '0.05',
      'max-delay-seconds': '0.2',
      'timeout-seconds': '10'
    })
    const untimed = (entries: unknown) =>
      JSON.parse(JSON.stringify(entries), (key, value: unknown) =>
        key === 'evaluatedAt' || key === 'durationMs' ? undefined : value
      ) as unknown
    expect(untimed(document.compliance)).toEqual(
      untimed(JSON.parse(action.outputs.compliance ?? ''))
    )
  })
})

describe('dist/cli.js on SIGINT and SIGTERM', () => {
  const STUCK: Scenario = {
    packs: [
      { name: 'alpha', timeline: [{ state: 'CREATE_COMPLETE' }] },
      { name: 'beta', timeline: [{ state: 'CREATE_IN_PROGRESS' }] }
    ]
  }
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const) {
    it(`${signal} stops the wait, writes the files and the JSON with the last known states, exits ${code}`, async () => {
      const run = await runCliWith(STUCK, {
        args: [...NAMES, '--json', ...FILES, '--timeout-seconds', '60'],
        files: FILE_NAMES,
        kill: { signal, afterOutput: 'beta: CREATE_IN_PROGRESS' }
      })
      expect(run.signal).toBeNull()
      expect(run.code).toBe(code)
      expect(run.stderr).toContain(`Received ${signal}: stopping the wait`)
      const document = JSON.parse(run.stdout) as Record<string, unknown>
      expect(document).toMatchObject({
        result: 'cancelled',
        'completed-packs': ['alpha'],
        'pending-packs': ['beta']
      })
      expect(run.files['summary.md']).toMatch(/^<h2>🚫 AWS Config conformance packs: /)
      expect(run.files['summary.md']).toMatch(/>beta<\/a><\/td><td>[^<]*&nbsp;CREATE_IN_PROGRESS</)
      const { suites } = junitCases(run.files['junit.xml'])
      expect(suites[0].cases.map((c) => [c.name, c.verdict, c.message])).toEqual([
        ['alpha', 'passed', undefined],
        ['beta', 'skipped', 'Cancelled while CREATE_IN_PROGRESS']
      ])
    })
  }
})
