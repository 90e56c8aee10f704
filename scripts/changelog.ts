/** Reads a version's section out of a Keep a Changelog file. */

/** `1.2.3` from `1.2.3` or `v1.2.3`; undefined for anything else (pre-releases included). */
export function releaseVersion(text: string): string | undefined {
  return /^v?(\d+\.\d+\.\d+)$/.exec(text.trim())?.[1]
}

/**
 * The body of the `## [VERSION]` section (its heading line left out), up to the next `## `
 * heading and without the link definitions that close the file; undefined when there is no
 * such section or it is empty.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n')
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](\\s|$)`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start === -1) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## '))
  const body = (end === -1 ? rest : rest.slice(0, end)).filter(
    (line) => !/^\[[^\]]+\]: \S/.test(line)
  )
  const text = body.join('\n').trim()
  return text ? `${text}\n` : undefined
}

/** The newest released version the changelog has a section for (`## [X.Y.Z]`), if any. */
export function latestReleased(changelog: string): string | undefined {
  return /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)?.[1]
}

/**
 * Why the changelog is behind: src/ changed since the last release (the files given) while
 * `## [Unreleased]` lists nothing. Undefined when it is current.
 */
export function unreleasedMissing(
  changelog: string,
  changedSources: readonly string[],
  since: string
): string | undefined {
  if (changedSources.length === 0 || changelogSection(changelog, 'Unreleased')) return undefined
  const some = changedSources.slice(0, 3).join(', ')
  const more = changedSources.length > 3 ? ` and ${changedSources.length - 3} more` : ''
  return (
    `CHANGELOG.md's [Unreleased] section is empty, but src/ changed since ${since} ` +
    `(${some}${more}): add a line for each change a user would notice.`
  )
}
