import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { FilePort } from '../ports/files.js'

/** The local file system, a relative path taken from `base` (the workspace, or the working directory). */
export function localFiles(base: string): FilePort {
  return {
    read: (path) => readFile(resolve(base, path), 'utf8'),
    async write(path, text) {
      const target = resolve(base, path)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, text, 'utf8')
    }
  }
}
