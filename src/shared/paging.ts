/**
 * Paging for every AWS listing the action follows. The SDK's paginators
 * (`paginateDescribeConformancePackStatus` and the others) do not fit:
 * - they send every page with the same options, so one abort signal would bound the whole
 *   listing, while each request here gets a fresh bound of its own;
 * - a token that comes back unchanged is followed forever, or with `stopOnSameToken` ends the
 *   listing silently, a partial list then read as the whole one; a token repeated after
 *   another is never noticed;
 * - nothing caps the number of pages.
 */

/** Most pages of one listing: far more than any listing here needs within AWS's quotas. */
export const MAX_PAGES = 100

/**
 * A listing that cannot be followed: its service repeats a NextToken, or never stops. A plain
 * error without an HTTP answer, so it classifies as transient: the listing is read again at the
 * next poll, with the usual backoff.
 */
export class PagingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PagingError'
  }
}

export interface PageTokens {
  /**
   * The token to ask for the next page with, given the one the last page returned; undefined
   * when the listing is complete. Throws a PagingError for a token already followed, or when
   * the next page would be one more than the cap. A token that throws is not recorded, so a
   * retry of the same page meets the same answer.
   */
  follow(token: string | undefined): string | undefined
}

/** The tokens of one listing (`operation` names it in errors), from its first page on. */
export function pageTokens(operation: string, maxPages: number = MAX_PAGES): PageTokens {
  const followed = new Set<string>()
  return {
    follow(token) {
      if (!token) return undefined
      // The first page is asked for without a token, every later one with a different token.
      const read = followed.size + 1
      if (followed.has(token)) {
        throw new PagingError(
          `${operation} returned a NextToken it had already returned (after ${read} page(s)): stopped following it`
        )
      }
      if (read >= maxPages) {
        throw new PagingError(
          `${operation} still had more pages after ${read}: stopped following its NextToken`
        )
      }
      followed.add(token)
      return token
    }
  }
}

/** The pages of one listing, and whether they are all of it. */
export type PagesRead<P> =
  | { readonly kind: 'complete'; readonly pages: P[] }
  /** The listing could not be followed further (a repeated token, the cap): the pages before. */
  | { readonly kind: 'stopped'; readonly pages: P[]; readonly why: PagingError }

/**
 * The pages of one listing, in order, as far as it can be followed: `read` is called with each
 * page's token (undefined for the first) and bounds its own request. Throws what `read`
 * throws; a listing that cannot be followed further comes back `stopped`, for a caller that
 * can use a partial list and says so.
 */
export async function readPagesSoFar<P>(
  operation: string,
  read: (token: string | undefined) => Promise<P>,
  tokenOf: (page: P) => string | undefined,
  maxPages: number = MAX_PAGES
): Promise<PagesRead<P>> {
  const tokens = pageTokens(operation, maxPages)
  const pages: P[] = []
  let token: string | undefined
  do {
    const page = await read(token)
    pages.push(page)
    try {
      token = tokens.follow(tokenOf(page))
    } catch (error) {
      if (error instanceof PagingError) return { kind: 'stopped', pages, why: error }
      throw error
    }
  } while (token)
  return { kind: 'complete', pages }
}

/**
 * Every page of one listing, in order: as readPagesSoFar, but a listing that cannot be
 * followed to its end throws its PagingError (transient: read again at the next poll).
 */
export async function readPages<P>(
  operation: string,
  read: (token: string | undefined) => Promise<P>,
  tokenOf: (page: P) => string | undefined,
  maxPages: number = MAX_PAGES
): Promise<P[]> {
  const listing = await readPagesSoFar(operation, read, tokenOf, maxPages)
  if (listing.kind === 'stopped') throw listing.why
  return listing.pages
}
