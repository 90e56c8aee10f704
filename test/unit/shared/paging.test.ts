import { describe, expect, it } from 'vitest'
import { classifyError } from '../../../src/aws/errors.js'
import {
  MAX_PAGES,
  PagingError,
  pageTokens,
  readPages,
  readPagesSoFar
} from '../../../src/shared/paging.js'

interface Page {
  readonly items: readonly number[]
  readonly next?: string
}

/** A listing whose page for each token is scripted; records the tokens it was asked with. */
function listing(pages: Readonly<Record<string, Page>>) {
  const asked: (string | undefined)[] = []
  return {
    asked,
    read: (token: string | undefined): Promise<Page> => {
      asked.push(token)
      const page = pages[token ?? '']
      return page ? Promise.resolve(page) : Promise.reject(new Error(`no page ${token}`))
    }
  }
}

const tokenOf = (page: Page): string | undefined => page.next

describe('readPages', () => {
  it('follows NextToken to the last page, each request with its own token', async () => {
    const l = listing({
      '': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3] }
    })
    const pages = await readPages('ListThings', l.read, tokenOf)
    expect(pages.flatMap((p) => p.items)).toEqual([1, 2, 3])
    expect(l.asked).toEqual([undefined, 'a', 'b'])
  })

  it('takes an empty NextToken for the end of the listing', async () => {
    const l = listing({ '': { items: [1], next: '' } })
    expect(await readPages('ListThings', l.read, tokenOf)).toHaveLength(1)
    expect(l.asked).toEqual([undefined])
  })

  it('stops at a NextToken that comes back unchanged, after two requests', async () => {
    const l = listing({ '': { items: [1], next: 'same' }, same: { items: [1], next: 'same' } })
    const error = await readPages('ListThings', l.read, tokenOf).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagingError)
    expect((error as Error).message).toBe(
      'ListThings returned a NextToken it had already returned (after 2 page(s)): stopped following it'
    )
    expect(l.asked).toEqual([undefined, 'same'])
  })

  it('stops at a NextToken repeated after another one (a cycle)', async () => {
    const l = listing({
      '': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3], next: 'a' }
    })
    await expect(readPages('ListThings', l.read, tokenOf)).rejects.toThrow(
      'ListThings returned a NextToken it had already returned (after 3 page(s))'
    )
    expect(l.asked).toEqual([undefined, 'a', 'b'])
  })

  it('reads at most the cap of pages from a listing that never ends', async () => {
    let n = 0
    const asked: (string | undefined)[] = []
    const endless = (token: string | undefined): Promise<Page> => {
      asked.push(token)
      return Promise.resolve({ items: [n], next: `t${++n}` })
    }
    await expect(readPages('ListThings', endless, tokenOf, 5)).rejects.toThrow(
      new PagingError('ListThings still had more pages after 5: stopped following its NextToken')
    )
    expect(asked).toEqual([undefined, 't1', 't2', 't3', 't4'])
  })

  it('reads up to the cap when the last page has no token', async () => {
    const l = listing({
      '': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3] }
    })
    expect(await readPages('ListThings', l.read, tokenOf, 3)).toHaveLength(3)
  })

  it('caps every listing by default', async () => {
    let n = 0
    const endless = (): Promise<Page> => Promise.resolve({ items: [], next: `t${++n}` })
    await expect(readPages('ListThings', endless, tokenOf)).rejects.toThrow(PagingError)
    expect(n).toBe(MAX_PAGES)
  })

  it('passes on what a request throws', async () => {
    const l = listing({ '': { items: [1], next: 'gone' } })
    await expect(readPages('ListThings', l.read, tokenOf)).rejects.toThrow('no page gone')
  })
})

describe('readPagesSoFar', () => {
  it('reads every page of a listing that ends: complete', async () => {
    const l = listing({ '': { items: [1], next: 'a' }, a: { items: [2] } })
    const read = await readPagesSoFar('ListThings', l.read, tokenOf)
    expect(read).toEqual({ kind: 'complete', pages: [{ items: [1], next: 'a' }, { items: [2] }] })
  })

  it('keeps the pages before a repeated NextToken, and says why it stopped', async () => {
    const l = listing({ '': { items: [1], next: 'same' }, same: { items: [2], next: 'same' } })
    const read = await readPagesSoFar('ListThings', l.read, tokenOf)
    expect(read.kind).toBe('stopped')
    expect(read.pages.map((p) => p.items)).toEqual([[1], [2]])
    expect(read.kind === 'stopped' && read.why.message).toBe(
      'ListThings returned a NextToken it had already returned (after 2 page(s)): stopped following it'
    )
  })

  it('stops at the cap with the pages read', async () => {
    const l = listing({ '': { items: [1], next: 'a' }, a: { items: [2], next: 'b' } })
    const read = await readPagesSoFar('ListThings', l.read, tokenOf, 2)
    expect(read.kind).toBe('stopped')
    expect(read.pages).toHaveLength(2)
    expect(l.asked).toEqual([undefined, 'a'])
  })

  it('passes on what a request throws', async () => {
    const l = listing({ '': { items: [1], next: 'missing' } })
    await expect(readPagesSoFar('ListThings', l.read, tokenOf)).rejects.toThrow('no page missing')
  })
})

describe('pageTokens', () => {
  it('records no token that it refuses: a retry of the page meets the same refusal', () => {
    const tokens = pageTokens('ListThings', 3)
    expect(tokens.follow('a')).toBe('a')
    expect(() => tokens.follow('a')).toThrow(PagingError)
    expect(() => tokens.follow('a')).toThrow(PagingError)
    expect(tokens.follow('b')).toBe('b')
  })

  it('is undefined at the end of the listing', () => {
    expect(pageTokens('ListThings').follow(undefined)).toBeUndefined()
    expect(pageTokens('ListThings').follow('')).toBeUndefined()
  })
})

describe('a PagingError', () => {
  it('is transient: the listing is read again at the next poll', () => {
    const error = new PagingError('ListThings returned a NextToken it had already returned')
    expect(classifyError(error, 'config:ListThings')).toEqual({
      kind: 'transient',
      message: 'PagingError: ListThings returned a NextToken it had already returned'
    })
  })
})
