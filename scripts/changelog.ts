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
