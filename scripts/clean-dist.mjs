// ncc never empties its output folder: without this, chunks of an earlier build stay in dist/.
import { rmSync } from 'node:fs'
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
