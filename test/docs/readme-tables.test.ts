import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  ACTION_YML,
  README,
  renderReadme,
  tableDrift,
  tableRows
} from '../../scripts/readme-tables.js'

const readme = await readFile(README, 'utf8')
const actionYml = await readFile(ACTION_YML, 'utf8')

describe("README.md's inputs and outputs tables", () => {
  it('are the ones action.yml gives', async () => {
    expect(await tableDrift(readme, actionYml), 'run: npm run docs:tables').toEqual([])
    expect(await renderReadme(readme, actionYml)).toBe(readme)
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
      .replace('description: The name of the live check run.', 'description: The check name.')
      .replace(
        'outputs:\n',
        'outputs:\n  elapsed-seconds:\n    description: How long the wait took.\n'
      )
    expect(await tableDrift(readme, changed)).toEqual([
      'input `timeout-seconds`: the README\'s Default is "`1800`" but action.yml gives "`900`"',
      'input `check-name`: the README\'s Description is "The name of the live check run." but action.yml gives "The check name."',
      "output `elapsed-seconds` is in action.yml but not in the README's outputs table"
    ])
    const removed = actionYml.replace(/ {2}check-name:\n(?: {4}.*\n)+/, '')
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
    const hostile = actionYml.replace(
      'description: The name of the live check run.',
      'description: A | B, *_FAILED or <b>x</b>'
    )
    const rendered = await renderReadme(readme, hostile)
    expect(rendered).toContain('A \\| B, \\*\\_FAILED or \\<b>x\\</b>')
    expect(await tableDrift(rendered, hostile)).toEqual([])
  })
})
