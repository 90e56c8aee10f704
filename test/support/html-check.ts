/** Tags the summary writes; any other tag in it came from text that was not escaped. */
const KNOWN = new Set([
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'a',
  'table',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'br',
  'wbr',
  'sub',
  'details',
  'summary'
])
const VOID = new Set(['br', 'wbr'])

/**
 * What is wrong with a job summary's HTML, line by line: markdown ends an HTML block at a blank
 * line, so each line must stand on its own, with only known tags, each closed in order.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = []
  html.split('\n').forEach((line, i) => {
    const where = `line ${i + 1}`
    const open: string[] = []
    const text = line.replace(
      /<(\/?)([a-zA-Z0-9]+)(?:\s[^<>]*)?>/g,
      (_tag, closing: string, name: string) => {
        const tag = name.toLowerCase()
        if (!KNOWN.has(tag)) problems.push(`${where}: unexpected <${closing}${tag}>`)
        else if (closing) {
          const last = open.pop()
          if (last !== tag) problems.push(`${where}: </${tag}> closes <${last ?? 'nothing'}>`)
        } else if (!VOID.has(tag)) open.push(tag)
        return ''
      }
    )
    if (/[<>]/.test(text)) problems.push(`${where}: a bare < or > in the text`)
    if (open.length) problems.push(`${where}: <${open.join('>, <')}> left open`)
  })
  return problems
}

/**
 * The text a reader sees: tags dropped, entities read (a no-break space as a space), <br> as a
 * line break.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#124;/g, '|')
    .replace(/&amp;/g, '&')
}
