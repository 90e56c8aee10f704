/**
 * Text from AWS is data: on a terminal it must not move the cursor, retitle the window or
 * hide a line; in XML it must be a character XML 1.0 allows.
 */

// CSI (ESC [ … final byte), OSC and the other string sequences (ESC ] … BEL or ESC \), then
// any other two-character escape; the 8-bit CSI (U+009B) is stripped like ESC [.
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[\s\S]?/g
// C0 and C1 controls and DEL, bidirectional overrides and isolates (they reorder what is shown).
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** One line for a terminal: escapes removed, every other control (newlines too) a space. */
export function terminalLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ')
}

/** Several lines for a terminal: as terminalLine, keeping line breaks (a CR LF is one). */
export function terminalText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .split(/\r?\n/)
    .map((line) => line.replace(CONTROL, ' '))
    .join('\n')
}

// Everything XML 1.0 does not allow: C0 controls but tab, LF and CR, lone surrogates, U+FFFE/F.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Text allowed in XML 1.0, escape sequences removed; still to be escaped. */
export function xmlChars(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(NOT_XML, '')
}

/** Display width in terminal columns: wide East Asian and emoji count 2, combining marks 0. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0)
  return width
}

function charWidth(cp: number): number {
  if (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  )
    return 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2
  return 1
}

/** The text cut to `width` columns, an ellipsis marking the cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  if (width <= 0) return ''
  let out = ''
  let used = 0
  for (const char of text) {
    const w = charWidth(char.codePointAt(0) ?? 0)
    if (used + w > width - 1) break
    out += char
    used += w
  }
  return `${out}…`
}

/** Padded with spaces to `width` columns. */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
