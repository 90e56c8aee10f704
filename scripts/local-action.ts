/**
 * Runs src/main.ts with @github/local-action and a .env file (default .env; see .env.example),
 * then prints where the job summary went and the outputs. The real runner creates the summary
 * and output files before a step starts; this does the same for the paths the .env names.
 *
 *   npm run local-action [-- path/to/.env]
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseEnv } from 'node:util'
import { parseOutputFile } from '../test/support/run-action.js'

async function main(): Promise<number> {
  const envFile = process.argv[2] ?? '.env'
  if (!existsSync(envFile)) {
    console.error(
      `No ${envFile}: copy .env.example to .env, and start the emulator it points at (npm run emulator).`
    )
    return 2
  }
  const env = parseEnv(await readFile(envFile, 'utf8'))
  const files = { summary: env.GITHUB_STEP_SUMMARY, output: env.GITHUB_OUTPUT }
  for (const file of Object.values(files)) {
    if (!file) continue
    await mkdir(dirname(resolve(file)), { recursive: true })
    await writeFile(file, '')
  }

  const child = spawn('local-action', ['.', 'src/main.ts', envFile], { stdio: 'inherit' })
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)))

  if (files.output) {
    console.log('\nOutputs:')
    const outputs = parseOutputFile(await readFile(files.output, 'utf8'))
    for (const [key, value] of Object.entries(outputs)) console.log(`  ${key} = ${value}`)
  }
  console.log(
    files.summary
      ? `\nJob summary written to ${resolve(files.summary)}`
      : `\nNo job summary: set GITHUB_STEP_SUMMARY in ${envFile} to the file to write it to.`
  )
  console.log(`The action exited with code ${code}.`)
  return code
}

process.exitCode = await main()
