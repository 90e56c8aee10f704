/**
 * The small pieces of a summary cell that keep the table readable as GitHub renders it.
 * GitHub's sanitizer drops `style` attributes and `<nobr>`, but keeps `<wbr>`, `<details>`
 * and the no-break space, so these are what the cells are made of.
 */
import { escapeHtml } from './html.js'

/** A reason longer than this is shortened in its cell, the whole text one click away. */
export const REASON_SHOWN_CHARS = 100

/** A mark and the word it marks, never wrapped apart. */
export function marked(mark: string, text: string): string {
  return `${mark}&nbsp;${escapeHtml(text)}`
}

/**
 * A name the table may wrap, so one long name cannot push the table wide: browsers break
 * after a hyphen already; `<wbr>` adds a break after `_`, `.`, `/` or `:` and inside any run
 * of more than `run` characters without one.
 */
export function wrappable(name: string, run = 24): string {
  const pieces = name
    .split(/(?<=[-_./:])/)
    .flatMap((piece) => piece.match(new RegExp(`[^]{1,${run}}`, 'g')) ?? [])
  return pieces
    .map((piece, i) => (i > 0 && !pieces[i - 1].endsWith('-') ? '<wbr>' : '') + escapeHtml(piece))
    .join('')
}

/** A reason as a cell: whole when short, else its beginning with the whole text below it. */
export function reasonCell(reason: string, max = REASON_SHOWN_CHARS): string {
  if (reason.length <= max) return escapeHtml(reason)
  const cut = reason.slice(0, max)
  const atWord = cut.lastIndexOf(' ')
  const head = (atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()
  return `<details><summary>${escapeHtml(head)}…</summary>${escapeHtml(reason)}</details>`
}

/**
 * A time in a table whose header says UTC: the time of day, with the date in front only when
 * it is not the run's own date.
 */
export function compactTime(date: Date | undefined, runDate: string): string {
  if (!date) return ''
  const iso = date.toISOString()
  const day = iso.slice(0, 10)
  const time = iso.slice(11, 19)
  return day === runDate ? time : `${day}&nbsp;${time}`
}

/** The UTC date (`YYYY-MM-DD`) of an epoch time. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}
