/**
 * Prints the release notes of a tag: its CHANGELOG.md section. Fails, saying why, when the tag
 * is not vX.Y.Z, package.json names another version, or the changelog has no such section.
 *
 *   npm run release-notes -- v1.2.3
 */
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { changelogSection, releaseVersion } from './changelog.js'

/** The notes for `tag`, or the reason there are none. */
export async function releaseNotes(
  tag: string,
  dir = '.'
): Promise<{ ok: true; notes: string } | { ok: false; error: string }> {
  const version = releaseVersion(tag)
  if (!version) return { ok: false, error: `"${tag}" is not a release version such as v1.2.3` }
  const pkg = JSON.parse(await readFile(`${dir}/package.json`, 'utf8')) as { version?: string }
  if (pkg.version !== version)
    return {
      ok: false,
      error: `package.json says version ${JSON.stringify(pkg.version)}, not "${version}": set it and commit first`
    }
  const notes = changelogSection(await readFile(`${dir}/CHANGELOG.md`, 'utf8'), version)
  if (!notes)
    return {
      ok: false,
      error: `CHANGELOG.md has no "## [${version}]" section with text: move the Unreleased entries into one first`
    }
  return { ok: true, notes }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await releaseNotes(process.argv[2] ?? '')
  if (result.ok) process.stdout.write(result.notes)
  else {
    console.error(`release-notes: ${result.error}`)
    process.exitCode = 1
  }
}
