import type { FilePort } from '../../src/ports/files.js'

/** The file port's fake: files in a map; a path in `unwritable` refuses writes as a read-only disk would. */
export function memoryFiles(
  initial: Record<string, string> = {},
  unwritable: readonly string[] = []
): FilePort & { readonly files: Map<string, string> } {
  const files = new Map(Object.entries(initial))
  const failure = (code: string, path: string): Error =>
    Object.assign(new Error(`${code}: ${path}`), { code })
  return {
    files,
    read: (path) => {
      const text = files.get(path)
      return text === undefined ? Promise.reject(failure('ENOENT', path)) : Promise.resolve(text)
    },
    write: (path, text) => {
      if (unwritable.includes(path)) return Promise.reject(failure('EROFS', path))
      files.set(path, text)
      return Promise.resolve()
    }
  }
}
