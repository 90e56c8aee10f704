/**
 * The workflow commands the runner would read in `stdout`, by the runner's own rules: a line
 * (split on CR and LF) is a command when it starts with `::name…::` after leading white space,
 * or, in the legacy form, holds `##[name…]` anywhere.
 */
export function workflowCommands(
  stdout: string
): { readonly name: string; readonly line: string }[] {
  const commands: { name: string; line: string }[] = []
  for (const line of stdout.split(/\r\n|[\r\n]/)) {
    // .NET's TrimStart also trims U+0085, which JavaScript's \s does not.
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    const modern = /^::([^\s:]+)[^:]*::/.exec(trimmed)
    if (modern) {
      commands.push({ name: modern[1], line })
      continue
    }
    const legacy = /##\[([^\s\]]+)[^\]]*\]/.exec(line)
    if (legacy) commands.push({ name: legacy[1], line })
  }
  return commands
}
