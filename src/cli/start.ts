import { EXIT } from './exit-code.js'
import { unsupportedNode } from './node-version.js'

/**
 * The command's entry point (dist/cli/index.js): checks the Node.js version first, then loads
 * the command with a dynamic import, so an older Node.js gets one line and the exit code of a
 * usage error, never the AWS SDK's warning (nothing of the SDK is loaded before the check).
 */
const problem = unsupportedNode(process.version)
if (problem === undefined) await import('../cli.js')
else {
  // The command's name as help.ts spells it, without loading help.ts and what it imports.
  process.stderr.write(`wait-for-conformance-packs: ${problem}\n`)
  process.exitCode = EXIT.usage
}
