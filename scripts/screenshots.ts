/**
 * Photographs the demo scenarios' job summaries as GitHub renders them: GitHub Flavored
 * Markdown with GitHub's Markdown styles, in headless Chromium (Debian's chromium package).
 * Writes docs/images/summary-NAME.png.
 *
 *   npm run screenshots [-- --from DIR] [--scenario NAME] [--out DIR]
 *
 * Without --from it plays each scenario against the built action (run `npm run build` first);
 * with --from it reads the summary-NAME.md files `npm run demo -- --out DIR` wrote there.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { DIST, runAction } from '../test/support/run-action.js'
import { unknownScenario } from './demo-cli.js'
import { SCENARIOS } from './demo-scenarios.js'
import {
  CHROMIUM,
  githubMarkdownCss,
  mermaidScript,
  missingChromium,
  summaryPage
} from './summary-page.js'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking'
]

async function summaries(from: string | undefined, only: string | undefined) {
  const names = only ? [only] : Object.keys(SCENARIOS)
  if (from) {
    const files = new Set(await readdir(from))
    return Promise.all(
      names
        .filter((name) => files.has(`summary-${name}.md`))
        .map(async (name) => ({
          name,
          markdown: await readFile(join(from, `summary-${name}.md`), 'utf8')
        }))
    )
  }
  const made = []
  for (const name of names) {
    const emulator = new ConfigEmulator(SCENARIOS[name].scenario)
    const endpoint = await emulator.start()
    try {
      const run = await runAction({
        inputs: SCENARIOS[name].inputs,
        endpoint,
        env: { AWS_REGION: 'us-east-1' }
      })
      made.push({ name, markdown: run.summary })
    } finally {
      await emulator.stop()
    }
  }
  return made
}

/** Draws the page's Mermaid blocks as GitHub does, with the mermaid bundle from node_modules. */
async function drawMermaid(page: Page): Promise<void> {
  if ((await page.locator('pre.mermaid').count()) === 0) return
  await page.addScriptTag({ path: mermaidScript() })
  const failed = await page.evaluate(async () => {
    const { mermaid } = globalThis as unknown as {
      mermaid: {
        initialize(config: object): void
        run(options: { querySelector: string }): Promise<void>
      }
    }
    mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' })
    try {
      await mermaid.run({ querySelector: 'pre.mermaid' })
      return undefined
    } catch (error) {
      return String(error)
    }
  })
  if (failed) throw new Error(`Mermaid could not draw the summary's diagram: ${failed}`)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      scenario: { type: 'string' },
      out: { type: 'string', default: 'docs/images' }
    }
  })
  if (values.scenario && !Object.hasOwn(SCENARIOS, values.scenario)) {
    console.error(unknownScenario(values.scenario))
    return 2
  }
  const missing = missingChromium()
  if (missing) {
    console.error(missing)
    return 1
  }
  if (!values.from && !existsSync(DIST)) {
    console.error(`${DIST} is missing: run 'npm run build' first, or pass --from DIR.`)
    return 1
  }

  const found = await summaries(values.from, values.scenario)
  if (!found.length) {
    console.error(`No summary-NAME.md files for the demo scenarios in ${values.from}.`)
    return 1
  }
  const css = await githubMarkdownCss()
  const out = resolve(values.out)
  await mkdir(out, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({
      viewport: { width: 1012, height: 600 },
      deviceScaleFactor: 2
    })
    for (const { name, markdown } of found) {
      await page.setContent(summaryPage(markdown, css, `Job summary: ${name}`), {
        waitUntil: 'load'
      })
      await drawMermaid(page)
      const file = join(out, `summary-${name}.png`)
      await page.locator('.markdown-body').screenshot({ path: file })
      console.log(`${name}: ${file}`)
    }
  } finally {
    await browser.close()
  }
  return 0
}

process.exitCode = await main()
