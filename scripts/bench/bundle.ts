import { readdir, readFile, stat } from 'node:fs/promises'
import { SourceMap } from 'node:module'
import { dirname, join } from 'node:path'
import { DIST } from '../../test/support/run-action.js'

export interface BundleFile {
  readonly name: string
  readonly bytes: number
}

export interface BundleInfo {
  readonly indexBytes: number
  /** The other JavaScript files in dist/ (source-map support, chunks loaded on demand). */
  readonly otherFiles: readonly BundleFile[]
  /** What dist/index.js is made of, by npm package (src/ for the action's own code). */
  readonly composition: readonly { readonly source: string; readonly bytes: number }[]
}

/** The package a bundled source path comes from, or `src/` for the action's own code. */
function sourceOf(path: string | undefined): string {
  if (!path) return '(no source)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]
  if (/(^|\/)src\//.test(path)) return 'src/ (the action)'
  return '(bundler runtime)'
}

/**
 * Each line of dist/index.js counted for the source its first mapped character comes from
 * (ncc keeps the modules' lines, so a line holds one module's code).
 */
async function composition(): Promise<BundleInfo['composition']> {
  let map: SourceMap
  try {
    map = new SourceMap(JSON.parse(await readFile(`${DIST}.map`, 'utf8')) as never)
  } catch {
    return []
  }
  const lines = (await readFile(DIST, 'utf8')).split('\n')
  const bytes = new Map<string, number>()
  lines.forEach((line, i) => {
    const column = Math.max(0, line.search(/\S/))
    const entry = map.findEntry(i, column) as { originalSource?: string }
    const source = sourceOf(entry.originalSource)
    bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(line) + 1)
  })
  return [...bytes].map(([source, n]) => ({ source, bytes: n })).sort((a, b) => b.bytes - a.bytes)
}

export async function bundleInfo(): Promise<BundleInfo> {
  const dir = dirname(DIST)
  const names = (await readdir(dir)).filter((n) => /\.(c|m)?js$/.test(n) && join(dir, n) !== DIST)
  const otherFiles = await Promise.all(
    names.map(async (name) => ({ name, bytes: (await stat(join(dir, name))).size }))
  )
  return {
    indexBytes: (await stat(DIST)).size,
    otherFiles: otherFiles.sort((a, b) => b.bytes - a.bytes),
    composition: await composition()
  }
}
