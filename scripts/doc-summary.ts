/**
 * Writes the example job summary in docs/waiting.md, between `<!-- summary-mixed:start -->` and
 * `<!-- summary-mixed:end -->`, from what the built action writes for the demo's `mixed`
 * scenario. Run `npm run build` first, then `npm run docs:summary`. A test plays the scenario
 * again and fails when the page's example differs from it in more than its times.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { runAction } from '../test/support/run-action.js'
import { SCENARIOS } from './demo-scenarios.js'

export const WAITING_DOC = resolve(import.meta.dirname, '../docs/waiting.md')
export const SUMMARY_SCENARIO = 'mixed'

const START = `<!-- summary-${SUMMARY_SCENARIO}:start -->`
const END = `<!-- summary-${SUMMARY_SCENARIO}:end -->`
// Prettier would reflow the block (it did once, into one line); the comment keeps it verbatim.
const FENCE_OPEN = '<!-- prettier-ignore -->\n````markdown\n'
const FENCE_CLOSE = '````\n'

/** The job summary the built action writes for the scenario, against the emulator. */
export async function demoSummary(name: string = SUMMARY_SCENARIO): Promise<string> {
  const emulator = new ConfigEmulator(SCENARIOS[name].scenario)
  const endpoint = await emulator.start()
  try {
    const run = await runAction({
      inputs: SCENARIOS[name].inputs,
      endpoint,
      env: { AWS_REGION: 'us-east-1' }
    })
    return run.summary
  } finally {
    await emulator.stop()
  }
}

/** The summary shown in the page, or undefined when the markers or the fence are missing. */
export function summaryInDoc(doc: string): string | undefined {
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) return undefined
  const block = doc.slice(from + START.length, to).trim() + '\n'
  const body = /^<!-- prettier-ignore -->\n````markdown\n([\s\S]*)````\n$/.exec(block)
  return body?.[1]
}

/** The page with the example replaced by this summary. */
export function withSummary(doc: string, summary: string): string {
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) throw new Error(`docs/waiting.md has no ${START} … ${END} block`)
  const text = summary.endsWith('\n') ? summary : `${summary}\n`
  return `${doc.slice(0, from + START.length)}\n\n${FENCE_OPEN}${text}${FENCE_CLOSE}\n${doc.slice(to)}`
}

/**
 * The summary with what changes from run to run made constant: times of day, durations, epoch
 * milliseconds in the timeline, and dates.
 */
export function normaliseTimes(summary: string): string {
  return summary
    .replace(/\b\d{13}\b/g, '<ms>')
    .replace(/\b\d{4}-\d\d-\d\d\b/g, '<date>')
    .replace(/\b\d\d:\d\d:\d\d\b/g, '<time>')
    .replace(/\b(?:\d+h)?(?:\d+m)?\d+s\b/g, '<duration>')
}

async function main(): Promise<void> {
  const summary = await demoSummary()
  await writeFile(WAITING_DOC, withSummary(await readFile(WAITING_DOC, 'utf8'), summary))
  console.log(`Wrote the ${SUMMARY_SCENARIO} scenario's job summary into ${WAITING_DOC}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
