import { describe, expect, it } from 'vitest'
import {
  displayWidth,
  padTo,
  terminalLine,
  terminalText,
  truncate,
  xmlChars
} from '../../../src/cli/safe-text.js'

const HOSTILE =
  'a\u001b[31mred\u001b[0m b\u001b]0;pwned title\u0007c\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ d\u009b2Je\u202eevil\u0008\u0000f'

describe('terminalLine', () => {
  it('drops escape sequences and turns every control into a space', () => {
    expect(terminalLine(HOSTILE)).toBe('ared bclink de evil  f')
    expect(terminalLine('one\ntwo\r\tthree')).toBe('one two  three')
    expect(terminalLine('trailing escape\u001b')).toBe('trailing escape')
  })
})

describe('terminalText', () => {
  it('keeps line breaks, and nothing else that controls the terminal', () => {
    expect(terminalText('one\r\ntwo\u001b[2K\rthree\nfour\u0007')).toBe('one\ntwo three\nfour ')
  })
})

describe('xmlChars', () => {
  it('keeps what XML 1.0 allows and drops the rest', () => {
    expect(xmlChars('tab\tlf\ncr\r ok')).toBe('tab\tlf\ncr\r ok')
    expect(xmlChars('a\u0000b\u0001c\u000bd\u001b[1me\ufffff\ud800g😀')).toBe('abcdefg😀')
  })
})

describe('widths', () => {
  it('counts wide and combining characters as a terminal shows them', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('日本')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(truncate('abcdefgh', 5)).toBe('abcd…')
    expect(truncate('abc', 5)).toBe('abc')
    expect(truncate('日本語です', 5)).toBe('日本…')
    expect(truncate('abc', 0)).toBe('')
    expect(padTo('日本', 6)).toBe('日本  ')
  })
})
