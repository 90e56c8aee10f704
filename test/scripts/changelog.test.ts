import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changelogSection, releaseVersion } from '../../scripts/changelog.js'
import { releaseNotes } from '../../scripts/release-notes.js'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Fixed

- Something not yet released.

## [1.10.0] - 2026-03-01

### Added

- Ten.

## [1.1.0] - 2026-02-01

### Added

- One.
- Two.

## [1.0.0] - 2026-01-01

First.

[Unreleased]: https://example.test/compare/v1.10.0...HEAD
[1.10.0]: https://example.test/releases/tag/v1.10.0
`

describe('changelogSection', () => {
  it("returns one version's section, without its heading or the next", () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('### Added\n\n- One.\n- Two.\n')
  })

  it('does not take 1.1.0 for 1.10.0 or the other way round', () => {
    expect(changelogSection(CHANGELOG, '1.10.0')).toBe('### Added\n\n- Ten.\n')
  })

  it('leaves out the link definitions after the last section', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('First.\n')
  })

  it('has nothing for a version without a section, or with an empty one', () => {
    expect(changelogSection(CHANGELOG, '2.0.0')).toBeUndefined()
    expect(changelogSection('## [2.0.0]\n\n## [1.0.0]\nx\n', '2.0.0')).toBeUndefined()
  })

  it('reads Windows line endings', () => {
    expect(changelogSection('## [1.0.0]\r\n\r\n- a\r\n', '1.0.0')).toBe('- a\n')
  })

  it("finds this repository's own 1.0.0 entry", async () => {
    const own = await readFile('CHANGELOG.md', 'utf8')
    expect(own).toMatch(/^## \[Unreleased\]$/m)
    expect(changelogSection(own, '1.0.0')).toMatch(/^### Added$/m)
  })
})

describe('releaseVersion', () => {
  it('accepts X.Y.Z with or without v, nothing else', () => {
    expect(releaseVersion('v1.2.3')).toBe('1.2.3')
    expect(releaseVersion('1.2.3')).toBe('1.2.3')
    for (const bad of ['v1', '1.2', 'v1.2.3-rc.1', 'version 1.2.3', ''])
      expect(releaseVersion(bad)).toBeUndefined()
  })
})

describe('releaseNotes', () => {
  async function project(version: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'release-notes-'))
    await writeFile(join(dir, 'package.json'), JSON.stringify({ version }))
    await writeFile(join(dir, 'CHANGELOG.md'), CHANGELOG)
    return dir
  }

  it("gives the tag's section", async () => {
    expect(await releaseNotes('v1.1.0', await project('1.1.0'))).toEqual({
      ok: true,
      notes: '### Added\n\n- One.\n- Two.\n'
    })
  })

  it('refuses a tag that is not vX.Y.Z', async () => {
    expect(await releaseNotes('v1.1', await project('1.1.0'))).toEqual({
      ok: false,
      error: '"v1.1" is not a release version such as v1.2.3'
    })
  })

  it('refuses a tag package.json does not name', async () => {
    const result = await releaseNotes('v1.1.0', await project('1.0.0'))
    expect(result).toEqual({
      ok: false,
      error: 'package.json says version "1.0.0", not "1.1.0": set it and commit first'
    })
  })

  it('refuses a version the changelog has no section for', async () => {
    const result = await releaseNotes('v2.0.0', await project('2.0.0'))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/^CHANGELOG\.md has no "## \[2\.0\.0\]" section/)
  })
})
