import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareVersions, cutRelease, gitIn, type Git } from '../../scripts/release.js'

const CHANGELOG = (version: string) =>
  `# Changelog\n\n## [Unreleased]\n\n## [${version}] - 2026-01-01\n\n- Notes.\n`

/** A clone of a bare origin, with main holding a release-ready package.json and changelog. */
async function repository(version = '1.2.0'): Promise<{ dir: string; git: Git }> {
  const root = await mkdtemp(join(tmpdir(), 'release-'))
  await gitIn(root)('init', '--quiet', '--bare', '--initial-branch=main', 'origin.git')
  await gitIn(root)('clone', '--quiet', 'origin.git', 'work')
  const dir = join(root, 'work')
  const git = gitIn(dir)
  await git('config', 'user.name', 'Maintainer')
  await git('config', 'user.email', 'maintainer@example.test')
  await git('checkout', '--quiet', '-b', 'main')
  await commit(dir, git, version)
  await git('push', '--quiet', 'origin', 'main')
  return { dir, git }
}

async function commit(dir: string, git: Git, version: string): Promise<void> {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ version }))
  await writeFile(join(dir, 'CHANGELOG.md'), CHANGELOG(version))
  await git('add', 'package.json', 'CHANGELOG.md')
  await git('commit', '--quiet', '--message', `Release ${version}`)
}

const tagTarget = (git: Git, tag: string) => git('rev-list', '-n', '1', tag)

describe('cutRelease', () => {
  it('tags vX.Y.Z at HEAD, moves v1 there, and prints the push command', async () => {
    const { dir, git } = await repository('1.1.0')
    expect(await cutRelease('1.1.0', dir, git)).toMatchObject({ ok: true, tag: 'v1.1.0' })
    await commit(dir, git, '1.2.0')
    await git('push', '--quiet', 'origin', 'main')

    const result = await cutRelease('1.2.0', dir, git)

    expect(result).toEqual({
      ok: true,
      tag: 'v1.2.0',
      major: 'v1',
      push: 'git push origin v1.2.0'
    })
    const head = await git('rev-parse', 'HEAD')
    expect(await tagTarget(git, 'v1.2.0')).toBe(head)
    expect(await tagTarget(git, 'v1')).toBe(head)
    expect(await tagTarget(git, 'v1.1.0')).not.toBe(head)
    // Nothing was pushed.
    expect(await git('ls-remote', '--tags', 'origin')).toBe('')
  })

  it('refuses another branch than main', async () => {
    const { dir, git } = await repository()
    await git('checkout', '--quiet', '-b', 'feature')
    expect(await cutRelease('1.2.0', dir, git)).toEqual({
      ok: false,
      error: 'releases are cut from main; this is feature'
    })
  })

  it('refuses a working tree with changes', async () => {
    const { dir, git } = await repository()
    await writeFile(join(dir, 'stray.txt'), 'x')
    expect(await cutRelease('1.2.0', dir, git)).toEqual({
      ok: false,
      error: 'the working tree has changes: commit or stash them first'
    })
  })

  it('refuses a main that origin does not have', async () => {
    const { dir, git } = await repository('1.2.0')
    await commit(dir, git, '1.3.0')
    expect(await cutRelease('1.3.0', dir, git)).toEqual({
      ok: false,
      error: 'main is not the same commit as origin/main: push or pull first'
    })
  })

  it('refuses a version the changelog or package.json is not ready for', async () => {
    const { dir, git } = await repository('1.2.0')
    const result = await cutRelease('1.3.0', dir, git)
    expect(result).toEqual({
      ok: false,
      error: 'package.json says version "1.2.0", not "1.3.0": set it and commit first'
    })
    expect(await git('tag', '--list')).toBe('')
  })

  it('refuses a tag that exists, locally or on origin', async () => {
    const { dir, git } = await repository('1.2.0')
    await git('tag', 'v1.2.0')
    await git('push', '--quiet', 'origin', 'v1.2.0')
    await git('tag', '--delete', 'v1.2.0')
    expect(await cutRelease('v1.2.0', dir, git)).toEqual({
      ok: false,
      error: 'tag v1.2.0 already exists'
    })
  })

  it('refuses a version older than the latest release', async () => {
    const { dir, git } = await repository('1.2.0')
    await git('tag', 'v1.10.0')
    expect(await cutRelease('1.2.0', dir, git)).toEqual({
      ok: false,
      error: 'v1.2.0 is older than the latest release, v1.10.0'
    })
  })

  it('refuses what is not a version', async () => {
    const { dir, git } = await repository()
    expect(await cutRelease('latest', dir, git)).toEqual({
      ok: false,
      error: '"latest" is not a version such as 1.2.3'
    })
  })
})

describe('compareVersions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0)
  })
})
