/**
 * Cuts a release locally: checks that main is clean and in step with origin, that
 * package.json and CHANGELOG.md are ready for the version, and that its tag is new; then tags
 * vX.Y.Z, moves the major tag (v1) to it, and prints the command that pushes it. It never
 * pushes: the release workflow, on the pushed tag, runs the checks, publishes the release and
 * moves the major tag on GitHub.
 *
 *   npm run release -- 1.2.3
 */
import { execFile } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { releaseVersion } from './changelog.js'
import { releaseNotes } from './release-notes.js'

/** Runs git with these arguments; rejects when git fails. */
export type Git = (...args: string[]) => Promise<string>

export function gitIn(dir: string): Git {
  const run = promisify(execFile)
  return async (...args) => (await run('git', args, { cwd: dir })).stdout.trim()
}

export type ReleaseResult =
  | { readonly ok: true; readonly tag: string; readonly major: string; readonly push: string }
  | { readonly ok: false; readonly error: string }

const fail = (error: string): ReleaseResult => ({ ok: false, error })

export async function cutRelease(input: string, dir: string, git: Git): Promise<ReleaseResult> {
  const version = releaseVersion(input)
  if (!version) return fail(`"${input}" is not a version such as 1.2.3`)
  const tag = `v${version}`
  const major = `v${version.split('.')[0]}`

  const branch = await git('rev-parse', '--abbrev-ref', 'HEAD')
  if (branch !== 'main') return fail(`releases are cut from main; this is ${branch}`)
  if (await git('status', '--porcelain'))
    return fail('the working tree has changes: commit or stash them first')
  const remotes = (await git('remote')).split('\n')
  if (remotes.includes('origin')) {
    // --force: origin's tags win, such as the major tag the release workflow moved.
    await git('fetch', '--quiet', '--tags', '--force', 'origin', 'main')
    const [head, upstream] = [await git('rev-parse', 'HEAD'), await git('rev-parse', 'origin/main')]
    if (head !== upstream)
      return fail('main is not the same commit as origin/main: push or pull first')
  }

  const notes = await releaseNotes(tag, dir)
  if (!notes.ok) return fail(notes.error)

  const tags = (await git('tag', '--list', 'v*.*.*')).split('\n').filter(Boolean)
  if (tags.includes(tag)) return fail(`tag ${tag} already exists`)
  const latest = tags
    .map((t) => releaseVersion(t))
    .filter((v): v is string => v !== undefined)
    .sort(compareVersions)
    .at(-1)
  if (latest && compareVersions(version, latest) < 0)
    return fail(`${tag} is older than the latest release, v${latest}`)

  await git('tag', '--annotate', tag, '--message', tag)
  await git('tag', '--force', '--annotate', major, '--message', `${major}: ${tag}`)
  return { ok: true, tag, major, push: `git push origin ${tag}` }
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number))
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const input = process.argv[2] ?? ''
  const result = await cutRelease(input, '.', gitIn('.')).catch((error: unknown): ReleaseResult =>
    fail(error instanceof Error ? error.message : String(error))
  )
  if (!result.ok) {
    console.error(`release: ${result.error}`)
    process.exitCode = 1
  } else {
    console.log(`Tagged ${result.tag}, and moved ${result.major} to it.`)
    console.log(`Push the tag to publish the release:\n\n  ${result.push}\n`)
    console.log(
      `The release workflow then checks dist/ and the tests, creates the GitHub release from ` +
        `CHANGELOG.md, and moves ${result.major} on GitHub.`
    )
  }
}
