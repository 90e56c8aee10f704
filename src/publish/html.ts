/**
 * Text for a job summary or check run cell: HTML-escaped, no `|` to break a markdown table, and
 * no line break: a blank line ends the HTML block in markdown, which would break the table and
 * let the rest of the text be read as markdown.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/\r\n|[\n\r]/g, '<br>')
}

/** A cell of a summary table: HTML already escaped by the caller. */
export type TableCell =
  string | { readonly data: string; readonly header?: boolean; readonly colspan?: string }

export type TableRow = readonly TableCell[]

/**
 * The HTML of a heading line, as @actions/core's summary writes it (the job summaries of
 * earlier versions read the same).
 */
export function heading(text: string, level: 2 | 3): string {
  return `<h${level}>${text}</h${level}>\n`
}

/** A table line, as @actions/core's summary writes it: no white space between the tags. */
export function table(rows: readonly TableRow[]): string {
  const cell = (c: TableCell): string => {
    if (typeof c === 'string') return wrap('td', c)
    return wrap(c.header ? 'th' : 'td', c.data, c.colspan ? ` colspan="${c.colspan}"` : '')
  }
  return `${wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join(''))}\n`
}

function wrap(tag: string, content: string, attrs = ''): string {
  return content ? `<${tag}${attrs}>${content}</${tag}>` : `<${tag}${attrs}>`
}
