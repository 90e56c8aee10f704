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
