import { formatDuration } from '../packs/pack-text.js'

/**
 * The action's texts in the command's words. The pipeline's messages are written for a
 * workflow (the region input, the step, aws-actions/configure-aws-credentials); the command
 * speaks of flags, the terminal and exit codes. Each phrase is rewritten whole, so text from
 * AWS (a pack named like an input, say) is never touched.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bThe region input names\b/g, '--region names'],
  [/\bthe region input\b/g, '--region'],
  [
    /Configure them before this step, for example with aws-actions\/configure-aws-credentials\./g,
    'Configure them as for the AWS CLI: AWS_PROFILE (after aws sso login or aws configure), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  ],
  [
    /Check the credentials step \(for example aws-actions\/configure-aws-credentials\)/g,
    'Check the credentials (AWS_PROFILE, or the AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN variables)'
  ],
  [
    / \(role-duration-seconds of aws-actions\/configure-aws-credentials, up to the role's maximum session duration\)/g,
    " (up to the role's maximum session duration)"
  ],
  [/more time than timeout-seconds\b/g, 'more time than --timeout-seconds'],
  [/set a shorter timeout-seconds\b/g, 'set a shorter --timeout-seconds'],
  [/\bRun this step with\b/g, 'Run the command with'],
  [/\bin the job's environment\b/g, 'in the environment'],
  // Node's and the SDK's plain errors carry their class's name: `…: Error: connect ECONNREFUSED`.
  [/(^|: )Error: /gm, '$1']
]

/** A log line or an error of the pipeline, as the command says it. */
export function commandWords(text: string): string {
  return PHRASES.reduce((out, [pattern, words]) => out.replace(pattern, words), text)
}

/** The phrases of action.yml's descriptions that speak of the step, as --help says them. */
const HELP_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bthen fail the step\b/g, 'then exit 1'],
  [/\bbut the step passes\b/g, 'but the command exits 0'],
  [/\bstill fail the step\b/g, 'still end with a non-zero exit code'],
  [/\bthe step fails with\b/g, 'the command exits non-zero with']
]

/** An input's description from action.yml, as --help says it. */
export function helpWords(text: string): string {
  return commandWords(HELP_PHRASES.reduce((out, [p, words]) => out.replace(p, words), text))
}

/**
 * Where a region can come from, when none was found: said instead of the action's empty
 * region input.
 */
export const NO_REGION =
  'no region: give --region (for example --region us-east-1), or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile of ~/.aws/config that AWS_PROFILE names (default: [default])'

/** The timeout's line names the deadline the run was given, not the time it had measured. */
export function deadlineWords(line: string, timeoutMs: number): string {
  return line.replace(/^Timed out after \S+/, `Timed out after ${formatDuration(timeoutMs)}`)
}
