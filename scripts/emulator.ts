/**
 * Runs the AWS Config emulator on its own, playing a demo scenario, so the action
 * (`npm run local-action`), the AWS CLI or an SDK can be pointed at it by hand.
 *
 *   npm run emulator [-- --scenario NAME] [--port PORT]
 */
import { createInterface } from 'node:readline'
import { ConfigEmulator } from '../test/emulator/config-emulator.js'
import { emulatorInstructions, parseEmulatorArgs } from './emulator-cli.js'

async function main(): Promise<number> {
  const args = parseEmulatorArgs(process.argv.slice(2))
  if (args.kind === 'help') {
    process.stdout.write(args.text)
    return 0
  }
  if (args.kind === 'error') {
    console.error(args.message)
    return 2
  }
  let emulator = new ConfigEmulator(args.demo.scenario)
  let endpoint: string
  try {
    endpoint = await emulator.start(args.port)
  } catch (error) {
    console.error(`Cannot listen on 127.0.0.1:${args.port}: ${(error as Error).message}`)
    return 1
  }
  const port = Number(new URL(endpoint).port)
  console.log(emulatorInstructions(args.name, endpoint, args.demo))

  // One line per request, so a run against it can be followed here.
  let shown = 0
  const follow = setInterval(() => {
    for (const request of emulator.requests.slice(shown))
      console.log(`  ${request.target} #${request.call} (${request.region ?? 'no region'})`)
    shown = emulator.requests.length
  }, 100)

  const input = createInterface({ input: process.stdin })
  input.on('line', () => {
    void (async () => {
      await emulator.stop()
      emulator = new ConfigEmulator(args.demo.scenario)
      shown = 0
      await emulator.start(port)
      console.log(`Replaying '${args.name}' from its start at ${endpoint}`)
    })()
  })
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  clearInterval(follow)
  input.close()
  await emulator.stop()
  console.log('Emulator stopped.')
  return 0
}

process.exitCode = await main()
