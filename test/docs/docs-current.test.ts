import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SCENARIOS } from '../../scripts/demo-scenarios.js'

const ROOT = resolve(import.meta.dirname, '../..')
const actionYml = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const defaultOf = (input: string): number => Number(actionYml.inputs[input].default)
const MIN = defaultOf('min-delay-seconds')
const MAX = defaultOf('max-delay-seconds')

const pages = [
  'README.md',
  'CONTRIBUTING.md',
  ...(await readdir(join(ROOT, 'docs')))
    .filter((f) => f.endsWith('.md') && f !== 'benchmarks.md')
    .map((f) => `docs/${f}`)
]
const text = Object.fromEntries(
  await Promise.all(pages.map(async (p) => [p, await readFile(join(ROOT, p), 'utf8')] as const))
)

/** Every match of the pattern in the pages, as "page:line: match". */
function occurrences(pattern: RegExp): { where: string; match: RegExpExecArray }[] {
  return pages.flatMap((page) =>
    text[page].split('\n').flatMap((line, i) =>
      [...line.matchAll(new RegExp(pattern, 'g'))].map((match) => ({
        where: `${page}:${i + 1}`,
        match
      }))
    )
  )
}

describe('the documentation', () => {
  it('README.md stays under 16 KB: the detail lives in docs/', () => {
    expect(Buffer.byteLength(text['README.md'])).toBeLessThanOrEqual(16 * 1024)
  })

  it('shows the log\'s "polling every" with action.yml\'s default delays', () => {
    const found = occurrences(/polling every (\d+(?:\.\d+)?)s-(\d+(?:\.\d+)?)s/)
    expect(found.length).toBeGreaterThanOrEqual(2)
    for (const { where, match } of found)
      expect(`${where}: ${match[0]}`).toBe(`${where}: polling every ${MIN}s-${MAX}s`)
  })

  it("states the poll schedule's figures at the defaults as action.yml's defaults make them", () => {
    // The quiet age is 4 × min (at most 40 s), the grid min plus up to 10 % jitter, up to
    // 120 × min of age.
    const quiet = Math.min(4 * MIN, 40)
    const sentence =
      `So at the defaults a fresh deployment is polled at once, at ${quiet}-${quiet + MIN / 10} s ` +
      `of age, then every ${MIN}-${MIN * 1.1} s until it is ${(120 * MIN) / 60} minutes old.`
    expect(text['docs/waiting.md']).toContain(sentence)
    expect(text['docs/waiting.md']).toContain(
      `from there to 120 × \`min\` (${(120 * MIN) / 60} min at the default)`
    )
  })

  it('names every result mark of the job summary heading', () => {
    for (const [mark, result] of [
      ['✅', 'success'],
      ['❌', 'failure'],
      ['⏱️', 'timeout'],
      ['🚫', 'cancelled'],
      ['🛑', 'noncompliant']
    ])
      expect(text['docs/waiting.md']).toMatch(
        new RegExp(`The heading carries the result: .*${mark} ${result}`)
      )
  })

  it('shows pictures npm run screenshots makes, one for every demo scenario', async () => {
    const shown = occurrences(/images\/summary-([a-z-]+)\.png/)
    const names = new Set(shown.map(({ match }) => match[1]))
    for (const { where, match } of shown)
      expect(`${where}: ${match[1]}`).toBe(
        `${where}: ${Object.hasOwn(SCENARIOS, match[1]) ? match[1] : 'a demo scenario'}`
      )
    expect([...names]).toEqual(
      expect.arrayContaining([
        'mixed',
        'compliance',
        'compliance-evaluation',
        'compliance-baseline'
      ])
    )
    const pictures = (await readdir(join(ROOT, 'docs/images')))
      .filter((f) => /^summary-.*\.png$/.test(f))
      .map((f) => f.slice('summary-'.length, -'.png'.length))
      .sort()
    expect(pictures).toEqual(Object.keys(SCENARIOS).sort())
    expect([...names].sort()).toEqual(pictures)
  })

  it('links only to files and headings that exist', () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
    const slug = (heading: string): string =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_\- ]/gu, '')
        .replace(/ /g, '-')
    const anchors = (page: string): Set<string> =>
      new Set(
        [...text[page].replace(/^(`{3,}).*?^\1/gms, '').matchAll(/^#+ (.*)$/gm)].map((m) =>
          slug(m[1])
        )
      )
    const broken: string[] = []
    for (const { where, match } of occurrences(/\]\(([^)\s]+)\)/)) {
      const [path, anchor] = match[1].split('#')
      if (/^[a-z]+:/.test(path)) continue
      const page = where.slice(0, where.lastIndexOf(':'))
      const target = path ? join(page.includes('/') ? 'docs' : '', path) : page
      if (!existsSync(join(ROOT, target))) broken.push(`${where}: ${match[1]} (no such file)`)
      else if (anchor && target.endsWith('.md') && target in text && !anchors(target).has(anchor))
        broken.push(`${where}: ${match[1]} (no such heading)`)
    }
    expect(broken).toEqual([])
  })

  it('keeps no stale notes at the root: every Markdown file there is a known one', async () => {
    const root = (await readdir(ROOT)).filter((f) => f.endsWith('.md')).sort()
    expect(root).toEqual(['CHANGELOG.md', 'CONTRIBUTING.md', 'README.md'])
  })
})
