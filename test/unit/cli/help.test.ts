import { describe, expect, it } from 'vitest'
import { EXIT_CODES } from '../../../src/cli/exit-code.js'
import { helpWords } from '../../../src/cli/command-words.js'
import { flagMessage } from '../../../src/cli/flags.js'
import { COMMAND_FLAGS, HELP_WIDTH, flagUsage, helpText, wrap } from '../../../src/cli/help.js'
import { INPUT_SPECS, type InputSpec } from '../../../src/input-spec.js'

const help = helpText(INPUT_SPECS)

/** The text under a flag's line, up to the next flag, as one line. */
function described(usage: string): string {
  const lines = help.split('\n')
  const at = lines.indexOf(`  ${usage}`)
  expect(at, `${usage} is listed`).toBeGreaterThan(-1)
  const rest = lines.slice(at + 1)
  const end = rest.findIndex((line) => !line.startsWith('      '))
  return rest
    .slice(0, end)
    .map((line) => line.trim())
    .join(' ')
}

describe('helpText', () => {
  it("lists every offered input with action.yml's description, in the command's words, and default", () => {
    for (const spec of INPUT_SPECS.filter((s) => !s.githubOnly)) {
      const text = described(flagUsage(spec))
      expect(text).toContain(flagMessage(helpWords(spec.description), INPUT_SPECS))
      expect(text).toContain(spec.default === '' ? 'Default: empty.' : `Default: ${spec.default}.`)
    }
  })

  it('follows a change of the spec', () => {
    const extra: InputSpec = {
      name: 'poll-jitter',
      description: 'Randomness added to each delay.',
      default: '0.1',
      required: false,
      kind: 'string',
      githubOnly: false
    }
    expect(helpText([...INPUT_SPECS, extra])).toContain(
      '  --poll-jitter VALUE\n      Randomness added to each delay. Default: 0.1.'
    )
  })

  it('leaves out the GitHub-only inputs, and says so', () => {
    expect(help).not.toMatch(/--github-token|--check-name/)
    expect(help).toContain('Not offered: github-token, check-name.')
  })

  it("lists the command's own flags, the exit codes and the environment", () => {
    for (const flag of COMMAND_FLAGS) expect(described(flag.usage)).toBe(flag.description)
    for (const { code } of EXIT_CODES) expect(help).toMatch(new RegExp(`^  ${code} +\\S`, 'm'))
    for (const name of [
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'AWS_PROFILE',
      'AWS_ENDPOINT_URL',
      'AWS_ENDPOINT_URL_CONFIG_SERVICE',
      'AWS_MAX_ATTEMPTS',
      'NO_COLOR'
    ])
      expect(help.split('\n')).toContain(`  ${name}`)
  })

  it(`keeps every line within ${HELP_WIDTH} columns`, () => {
    const long = help.split('\n').filter((line) => line.length > HELP_WIDTH)
    expect(long).toEqual([])
  })
})

describe('wrap', () => {
  it('breaks between words, indents every line, and keeps an overlong word whole', () => {
    expect(wrap('aa bb cc dd', 8, '  ')).toEqual(['  aa bb', '  cc dd'])
    expect(wrap('x config:DescribeConformancePackCompliance y', 20)).toEqual([
      'x',
      'config:DescribeConformancePackCompliance',
      'y'
    ])
    expect(wrap('', 10)).toEqual([])
  })
})
