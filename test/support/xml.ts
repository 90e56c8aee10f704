/**
 * A small, strict XML 1.0 reader for the reports the tests check: one root element, matched
 * tags, quoted and unique attributes, only the five predefined entities and character
 * references, no character XML forbids. Throws on anything else. No DTDs, comments or
 * processing instructions but the declaration: the reports have none.
 */
export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlElement[]
  /** The element's own character data, entities resolved. */
  readonly text: string
}

const NAME = /^[A-Za-z_][\w.-]*/
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function parseXml(source: string): XmlElement {
  const bad = FORBIDDEN.exec(source)
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`)
  let at = 0
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(source.slice(at, at + 30))}`)
  }
  const skipSpace = (): void => {
    while (/\s/.test(source[at] ?? '')) at++
  }
  const name = (): string => {
    const match = NAME.exec(source.slice(at))
    if (!match) fail('expected a name')
    at += match![0].length
    return match![0]
  }
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('< in character data or an attribute')
    return raw.replace(/&([^;]*);|&/g, (_whole, ref: string | undefined) => {
      if (ref === undefined) return fail('a bare &')
      if (ref in ENTITIES) return ENTITIES[ref]
      const code = /^#x([0-9a-f]+)$/i.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1]
      if (!code) return fail(`unknown entity &${ref};`)
      return String.fromCodePoint(parseInt(code, ref.startsWith('#x') ? 16 : 10))
    })
  }
  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected <')
    at++
    const tag = name()
    const attributes: Record<string, string> = {}
    for (;;) {
      const before = at
      skipSpace()
      if (source.startsWith('/>', at)) {
        at += 2
        return { name: tag, attributes, children: [], text: '' }
      }
      if (source[at] === '>') {
        at++
        break
      }
      if (at === before) fail('expected a space before an attribute')
      const key = name()
      if (key in attributes) fail(`attribute ${key} given twice`)
      if (source[at] !== '=' || source[at + 1] !== '"') fail('expected ="')
      const end = source.indexOf('"', at + 2)
      if (end < 0) fail('unterminated attribute')
      // Literal white space is normalised to spaces; character references keep theirs.
      attributes[key] = decode(source.slice(at + 2, end).replace(/[\t\n\r]/g, ' '))
      at = end + 1
    }
    const children: XmlElement[] = []
    let text = ''
    for (;;) {
      const next = source.indexOf('<', at)
      if (next < 0) fail(`unclosed <${tag}>`)
      text += decode(source.slice(at, next))
      at = next
      if (source.startsWith('</', at)) {
        at += 2
        if (name() !== tag) fail(`expected </${tag}>`)
        if (source[at] !== '>') fail('expected >')
        at++
        return { name: tag, attributes, children, text }
      }
      children.push(element())
    }
  }
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(source)
  if (declaration) at = declaration[0].length
  skipSpace()
  const root = element()
  skipSpace()
  if (at !== source.length) fail('content after the root element')
  return root
}
