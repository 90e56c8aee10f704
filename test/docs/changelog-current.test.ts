import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changelogSection, latestReleased, unreleasedMissing } from '../../scripts/changelog.js'

const ROOT = resolve(import.meta.dirname, '../..')
const changelog = await readFile(join(ROOT, 'CHANGELOG.md'), 'utf8')
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()

/**
 * The last release: its tag (vX.Y.Z) when one exists here, else the commit that added the
 * changelog's newest release section.
 */
function lastRelease(): string {
  const version = latestReleased(changelog)
  if (!version) throw new Error('CHANGELOG.md has no released version')
  const tags = git('tag', '--list', `v${version}`)
  if (tags) return tags
  const added = git('log', '-1', '--format=%H', `-S## [${version}]`, '--', 'CHANGELOG.md')
  if (!added) throw new Error(`no commit added CHANGELOG.md's section ${version}`)
  return added
}

describe("CHANGELOG.md's [Unreleased] section", () => {
  it('lists the changes when src/ changed since the last release', () => {
    const since = lastRelease()
    const changed = git('diff', '--name-only', since, '--', 'src').split('\n').filter(Boolean)
    expect(unreleasedMissing(changelog, changed, since)).toBeUndefined()
  })

  it('names what replaced 1.0.0’s exponential backoff, which stays as history', () => {
    expect(changelogSection(changelog, 'Unreleased')).toMatch(
      /poll schedule follows the age[\s\S]*replacing the\s+exponential backoff/
    )
    expect(changelogSection(changelog, '1.0.0')).toMatch(/exponential backoff/)
  })
})

describe('unreleasedMissing', () => {
  const empty = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n\n- First.\n'

  it('says what to do when src/ changed and [Unreleased] is empty', () => {
    expect(latestReleased(empty)).toBe('1.0.0')
    expect(
      unreleasedMissing(empty, ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts'], 'v1.0.0')
    ).toBe(
      "CHANGELOG.md's [Unreleased] section is empty, but src/ changed since v1.0.0 " +
        '(src/a.ts, src/b.ts, src/c.ts and 1 more): add a line for each change a user would notice.'
    )
  })

  it('is content with a line under [Unreleased], or with no change to src/', () => {
    const listed = empty.replace('## [Unreleased]\n', '## [Unreleased]\n\n- Faster.\n')
    expect(unreleasedMissing(listed, ['src/a.ts'], 'v1.0.0')).toBeUndefined()
    expect(unreleasedMissing(empty, [], 'v1.0.0')).toBeUndefined()
  })
})
