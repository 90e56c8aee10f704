import { describe, expect, it } from 'vitest'
import {
  BaselineError,
  parseBaseline,
  PROBLEMS_SHOWN,
  readBaseline
} from '../../../src/baseline/parse.js'

const INPUT = 'compliance-baseline'
const PATH = 'baseline.yml'
const PREFIX = `Input '${INPUT}' (${PATH}): `

/** The error parseBaseline throws for `text`, which must be a BaselineError. */
function errorOf(text: string): BaselineError {
  try {
    parseBaseline(text, PATH, INPUT)
  } catch (e) {
    if (e instanceof BaselineError) return e
    throw e
  }
  throw new Error('parseBaseline accepted the text')
}

function file(...entries: string[]): string {
  return ['version: 1', 'findings:', ...entries].join('\n')
}

describe('parseBaseline', () => {
  it('reads every field of an entry, scalars as text', () => {
    const baseline = parseBaseline(
      file(
        '  - rule: s3-bucket-versioning-enabled  # the template name',
        '    resourceType: AWS::S3::Bucket',
        '    resourceId: acme-logs',
        '    pack: security-baseline',
        '    region: us-east-1',
        '    reason: Log bucket, replicated instead',
        '    expires: 2027-03-31',
        '  - rule: iam-root-access-key-check',
        '    resourceId: 012345678901'
      ),
      PATH,
      INPUT
    )
    expect(baseline).toEqual({
      path: PATH,
      entries: [
        {
          index: 0,
          rule: 's3-bucket-versioning-enabled',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'acme-logs',
          pack: 'security-baseline',
          region: 'us-east-1',
          reason: 'Log bucket, replicated instead',
          expires: '2027-03-31'
        },
        // The leading zero kept: an account id is text, not a number.
        { index: 1, rule: 'iam-root-access-key-check', resourceId: '012345678901' }
      ]
    })
  })

  it('reads JSON, and a list with no entries', () => {
    const json = '{"version": 1, "findings": [{"rule": "r", "resourceId": "*"}]}'
    expect(parseBaseline(json, PATH, INPUT).entries).toEqual([
      { index: 0, rule: 'r', resourceId: '*' }
    ])
    expect(parseBaseline('version: 1\nfindings: []\n', PATH, INPUT).entries).toEqual([])
  })

  it('reads a file saved with a byte order mark and CRLF line ends; an empty reason is left out', () => {
    const text =
      '\uFEFFversion: 1\r\nfindings:\r\n  - rule: r\r\n    resourceId: x\r\n    reason:\r\n'
    expect(parseBaseline(text, PATH, INPUT).entries).toEqual([
      { index: 0, rule: 'r', resourceId: 'x' }
    ])
  })

  it('names the input, the path and the entry without a resourceId', () => {
    const e = errorOf(file('  - rule: a', '    resourceId: x', '  - rule: b', '  - rule: c'))
    expect(e.message).toBe(
      `${PREFIX}findings[1] has no 'resourceId'; findings[2] has no 'resourceId'`
    )
    expect(e.input).toBe(INPUT)
    expect(e.path).toBe(PATH)
    expect(e.problems).toHaveLength(2)
    expect(e.name).toBe('BaselineError')
  })

  it('names the entry without a rule', () => {
    expect(errorOf(file('  - resourceId: x')).message).toBe(`${PREFIX}findings[0] has no 'rule'`)
  })

  it('rejects an empty rule or narrowing field, and a field that is not text', () => {
    expect(errorOf(file('  - rule:', '    resourceId: x', '    pack: ""')).message).toBe(
      `${PREFIX}findings[0] has an empty 'rule'; findings[0] has an empty 'pack'`
    )
    expect(errorOf(file('  - rule: [a, b]', '    resourceId: {x: y}')).message).toBe(
      `${PREFIX}findings[0] 'rule' must be text, got a list; findings[0] 'resourceId' must be text, got a mapping`
    )
  })

  it('names an unknown key of an entry, with the key it resembles', () => {
    expect(errorOf(file('  - rule: a', '    resourceid: x')).message).toBe(
      `${PREFIX}findings[0] has an unknown key "resourceid" (did you mean 'resourceId'?); findings[0] has no 'resourceId'`
    )
    expect(errorOf(file('  - rule: a', '    resourceId: x', '    owner: me')).message).toBe(
      `${PREFIX}findings[0] has an unknown key "owner" (the keys are rule, resourceId, resourceType, pack, region, reason, expires)`
    )
  })

  it('names an unknown key of the file', () => {
    expect(errorOf('version: 1\nfindings: []\nentries: []').message).toBe(
      `${PREFIX}the file has an unknown key "entries" (the keys are version, findings)`
    )
  })

  it.each([
    ['2027-02-30', 'a day February does not have'],
    ['2027-13-01', 'a 13th month'],
    ['2027-00-10', 'month 0'],
    ['2027-4-1', 'digits missing'],
    ['soon', 'a word'],
    ['2027-03-31T00:00:00Z', 'a time']
  ])('rejects the expiry %j (%s)', (expires) => {
    expect(
      errorOf(file('  - rule: a', '    resourceId: x', `    expires: ${expires}`)).message
    ).toBe(
      `${PREFIX}findings[0] 'expires' is not a date of the form YYYY-MM-DD, got ${JSON.stringify(expires)}`
    )
  })

  it('takes a leap day of a leap year', () => {
    const entries = parseBaseline(
      file('  - rule: a', '    resourceId: x', '    expires: 2028-02-29'),
      PATH,
      INPUT
    ).entries
    expect(entries[0].expires).toBe('2028-02-29')
  })

  it('rejects a version other than 1, and a missing version', () => {
    expect(errorOf('version: 2\nfindings:\n  - nonsense: true').message).toBe(
      `${PREFIX}'version' must be 1, got "2"`
    )
    expect(errorOf('findings: []').message).toBe(`${PREFIX}the file has no 'version' (version: 1)`)
  })

  it('rejects a file that is empty, not a mapping, or without a findings list', () => {
    expect(errorOf('# nothing\n').message).toBe(
      `${PREFIX}the file is empty: it must be a mapping with 'version: 1' and a 'findings' list`
    )
    expect(errorOf('- rule: a').message).toBe(
      `${PREFIX}the file must be a mapping with 'version: 1' and a 'findings' list`
    )
    expect(errorOf('version: 1').message).toBe(
      `${PREFIX}the file has no 'findings' list (findings: [] for none)`
    )
    expect(errorOf('version: 1\nfindings: none').message).toBe(
      `${PREFIX}'findings' must be a list of entries, got "none"`
    )
    expect(errorOf(file('  - just-a-rule')).message).toBe(
      `${PREFIX}findings[0] must be a mapping with 'rule' and 'resourceId', got "just-a-rule"`
    )
  })

  it('gives the line and column of YAML that does not parse', () => {
    expect(errorOf(file('  - rule: [a', '    resourceId: x')).message).toBe(
      `${PREFIX}the YAML does not parse at line 4, column 5: Flow sequence in block collection must be sufficiently indented and end with a ]`
    )
    expect(errorOf('version: 1\nversion: 1\nfindings: []').message).toBe(
      `${PREFIX}the YAML does not parse at line 2, column 1: Map keys must be unique`
    )
  })

  it('refuses YAML whose aliases would expand without end', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`
      )
    expect(errorOf([...lines, 'version: 1', 'findings: []'].join('\n')).message).toBe(
      `${PREFIX}the YAML cannot be read: Excessive alias count indicates a resource exhaustion attack`
    )
  })

  it('names the first problems of a long file and counts the rest', () => {
    const entries = Array.from({ length: PROBLEMS_SHOWN + 3 }, (_, i) => `  - rule: r${i}`)
    const e = errorOf(file(...entries))
    expect(e.problems).toHaveLength(PROBLEMS_SHOWN + 3)
    expect(e.message).toContain(`findings[${PROBLEMS_SHOWN - 1}] has no 'resourceId'`)
    expect(e.message).not.toContain(`findings[${PROBLEMS_SHOWN}]`)
    expect(e.message.endsWith('; and 3 more problems')).toBe(true)
  })
})

describe('readBaseline', () => {
  const good = 'version: 1\nfindings:\n  - rule: r\n    resourceId: x\n'

  it('reads the file at the path through the reader', async () => {
    const asked: string[] = []
    const baseline = await readBaseline(PATH, INPUT, (path) => {
      asked.push(path)
      return Promise.resolve(good)
    })
    expect(asked).toEqual([PATH])
    expect(baseline.entries).toEqual([{ index: 0, rule: 'r', resourceId: 'x' }])
  })

  it('says that a missing file does not exist, naming the input and the path', async () => {
    const missing = Object.assign(new Error(`ENOENT: no such file, open '${PATH}'`), {
      code: 'ENOENT'
    })
    await expect(readBaseline(PATH, INPUT, () => Promise.reject(missing))).rejects.toBeInstanceOf(
      BaselineError
    )
    await expect(readBaseline(PATH, INPUT, () => Promise.reject(missing))).rejects.toThrow(
      `${PREFIX}the file does not exist`
    )
  })

  it("gives the system's words for a file that cannot be read", async () => {
    const directory = Object.assign(new Error('EISDIR: illegal operation on a directory'), {
      code: 'EISDIR'
    })
    await expect(readBaseline(PATH, INPUT, () => Promise.reject(directory))).rejects.toThrow(
      `${PREFIX}the file cannot be read: EISDIR: illegal operation on a directory`
    )
  })

  it('checks what it read', async () => {
    await expect(readBaseline(PATH, INPUT, () => Promise.resolve('version: 3'))).rejects.toThrow(
      `${PREFIX}'version' must be 1, got "3"`
    )
  })
})
