import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  ACTION_YML,
  INPUTS_DOC,
  README,
  renderReadme,
  SHORT_MAX,
  shortDescriptions,
  tableDrift,
  tableRows
} from '../../scripts/readme-tables.js'

const readme = await readFile(README, 'utf8')
const inputsDoc = await readFile(INPUTS_DOC, 'utf8')
const actionYml = await readFile(ACTION_YML, 'utf8')

describe("README.md's inputs and outputs tables", () => {
  it('are the ones action.yml gives', async () => {
    expect(await tableDrift(readme, actionYml), 'run: npm run docs:tables').toEqual([])
    expect(await renderReadme(readme, actionYml)).toBe(readme)
  })

  it('are one line a row: the "# short:" line above each input and output in action.yml', () => {
    const shorts = shortDescriptions(actionYml)
    expect(shorts.inputs.get('timeout-seconds')).toBe('Overall deadline for the wait, in seconds.')
    expect(shorts.outputs.get('result')).toBe(
      'success, failure, timeout, cancelled or noncompliant.'
    )
    for (const table of [...shorts.inputs.values(), ...shorts.outputs.values()])
      expect(table.length).toBeLessThanOrEqual(SHORT_MAX)
    const row = readme.split('\n').find((l) => l.startsWith('| `min-delay-seconds`'))
    expect(row).toBe(
      '| `min-delay-seconds` | `10` | Seconds between polls while packs are likely to finish; the shortest pause. |'
    )
  })

  it('name an input or output without a short line, or with one too long', async () => {
    const missing = actionYml.replace(/ {2}# short: The name of the live check run\.\n/, '')
    expect(await tableDrift(readme, missing)).toEqual([
      'action.yml: input check-name has no "# short: …" line just above it',
      'input `check-name`: the README\'s Description is "The name of the live check run." but action.yml gives ""'
    ])
    const long = actionYml.replace(
      '# short: JSON array of the packs that completed.',
      `# short: ${'x'.repeat(SHORT_MAX + 1)}`
    )
    expect((await tableDrift(readme, long))[0]).toBe(
      `action.yml: the "# short:" line of output completed-packs is ${SHORT_MAX + 1} characters, more than ${SHORT_MAX}`
    )
  })

  it('list every input and output action.yml declares, in its order', () => {
    const rows = tableRows(actionYml)
    expect(rows.inputs.rows.map((r) => r[0])).toEqual([
      '`conformance-pack-names`',
      '`region`',
      '`scope`',
      '`timeout-seconds`',
      '`min-delay-seconds`',
      '`max-delay-seconds`',
      '`missing-pack`',
      '`fail-on-failure`',
      '`explain-failures`',
      '`compliance`',
      '`start-evaluation`',
      '`compliance-baseline`',
      '`write-baseline`',
      '`requested-after`',
      '`github-token`',
      '`check-name`'
    ])
    expect(rows.outputs.rows.map((r) => r[0])).toContain('`noncompliant-packs`')
    expect(rows.outputs.rows.map((r) => r[0])).toContain('`new-findings`')
    expect(rows.inputs.rows.find((r) => r[0] === '`timeout-seconds`')?.[1]).toBe('`1800`')
    expect(rows.inputs.rows.find((r) => r[0] === '`region`')?.[1]).toBe('empty')
  })

  it('name the rows that drifted from action.yml', async () => {
    const changed = actionYml
      .replace("default: '1800'", "default: '900'")
      .replace('# short: The name of the live check run.', '# short: The check name.')
      .replace(
        'outputs:\n',
        'outputs:\n  # short: How long.\n  elapsed-seconds:\n    description: How long the wait took.\n'
      )
    expect(await tableDrift(readme, changed)).toEqual([
      'input `timeout-seconds`: the README\'s Default is "`1800`" but action.yml gives "`900`"',
      'input `check-name`: the README\'s Description is "The name of the live check run." but action.yml gives "The check name."',
      "output `elapsed-seconds` is in action.yml but not in the README's outputs table"
    ])
    const removed = actionYml.replace(/ {2}# short: The name.*\n {2}check-name:\n(?: {4}.*\n)+/, '')
    expect(await tableDrift(readme, removed)).toEqual([
      "the README's inputs table lists `check-name`, which action.yml does not declare"
    ])
  })

  it('notice a table edited by hand, and missing markers', async () => {
    const edited = readme.replace('| `scope`', '| `scope` ').replace('| `account` |', '| account |')
    expect(await tableDrift(edited, actionYml)).toEqual([
      'input `scope`: the README\'s Default is "account" but action.yml gives "`account`"'
    ])
    expect(await renderReadme(edited, actionYml)).toBe(readme)
    const unmarked = readme.replace('<!-- outputs:end -->', '')
    expect(await tableDrift(unmarked, actionYml)).toEqual([
      'README.md has no <!-- outputs:start --> … <!-- outputs:end --> block'
    ])
  })

  it('keep Markdown in a description from breaking the table', async () => {
    const hostile = actionYml
      .replace('# short: The name of the live check run.', '# short: A | B, *_FAILED or <b>x</b>')
      .replace('description: The name of the live check run.', 'description: C | *_D <i>')
    const rendered = await renderReadme(readme, hostile)
    expect(rendered).toContain('A \\| B, \\*\\_FAILED or \\<b>x\\</b>')
    expect(await tableDrift(rendered, hostile)).toEqual([])
    const full = await renderReadme(inputsDoc, hostile, INPUTS_DOC)
    expect(full).toContain('C \\| \\*\\_D \\<i>')
    expect(await tableDrift(full, hostile, INPUTS_DOC)).toEqual([])
  })
})

describe("docs/inputs.md's inputs and outputs tables", () => {
  it('hold the whole descriptions action.yml gives', async () => {
    expect(await tableDrift(inputsDoc, actionYml, INPUTS_DOC), 'run: npm run docs:tables').toEqual(
      []
    )
    expect(await renderReadme(inputsDoc, actionYml, INPUTS_DOC)).toBe(inputsDoc)
    const full = tableRows(actionYml, 'full')
    expect(full.inputs.rows.find((r) => r[0] === '`min-delay-seconds`')?.[2]).toMatch(
      /^Seconds between polls while a pack is likely to finish, .* Must be less than timeout-seconds\.$/
    )
  })

  it('name the rows that drifted from action.yml', async () => {
    const changed = actionYml.replace(
      'description: The name of the live check run.',
      'description: The check name.'
    )
    expect(await tableDrift(inputsDoc, changed, INPUTS_DOC)).toEqual([
      'input `check-name`: docs/inputs.md\'s Description is "The name of the live check run." but action.yml gives "The check name."'
    ])
    expect(await tableDrift(readme, changed)).toEqual([])
  })
})
