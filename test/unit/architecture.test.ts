import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The shape of src/ that the architecture document promises, checked on the sources. */

const SRC = resolve(import.meta.dirname, '../../src')
const MAX_LINES = 300

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  )
}

/** The modules a file imports at load time: static imports and re-exports, not `import type`. */
export function runtimeImports(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)
  ].map((m) => m[1])
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
}

/** Every cycle of the graph, each as the files along it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return found
}

describe('the sources', () => {
  const all = files(SRC)
  const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]))

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = all
      .map((f) => [relative(SRC, f), text.get(f)!.split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
    expect(long).toEqual([])
  })

  it('has no import cycle at load time', () => {
    const graph = new Map(all.map((f) => [f, runtimeImports(f, text.get(f)!)]))
    expect(cycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(' → '))).toEqual([])
  })

  it('the cycle check sees a cycle when there is one', () => {
    const a = join(SRC, 'a.ts')
    const b = join(SRC, 'b.ts')
    const graph = new Map([
      [a, runtimeImports(a, "import { x } from './b.js'\nimport type { T } from './c.js'")],
      [b, runtimeImports(b, "export { y } from './a.js'")]
    ])
    expect(cycles(graph)).toEqual([[a, b, a]])
  })
})
