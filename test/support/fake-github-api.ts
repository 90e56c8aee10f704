import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readBody, sendJson, sleep } from './http.js'

/**
 * A local fake of the GitHub REST API's check runs, for tests: point GITHUB_API_URL at
 * start()'s address. POST /repos/:owner/:repo/check-runs creates a run (201, {id, …});
 * PATCH /repos/:owner/:repo/check-runs/:id updates it (200). Faults are scripted by request
 * number (1-based, counting every request) or for all requests. A created run carries an
 * html_url on https://github.com, as GitHub's does, unless omitHtmlUrl is set.
 */

export type GitHubFault =
  /** An error answer; 403 defaults to GitHub's "Resource not accessible by integration". */
  | {
      readonly kind: 'error'
      readonly status: number
      readonly message?: string
      readonly headers?: Readonly<Record<string, string>>
    }
  /** Never answers (until stop()). */
  | { readonly kind: 'hang' }
  /** Answers normally, late. */
  | { readonly kind: 'delay'; readonly ms: number }

export interface GitHubFaultRule {
  readonly requests: readonly number[] | 'all'
  readonly response: GitHubFault
}

export interface RecordedGitHubRequest {
  /** 1-based number among all requests. */
  readonly n: number
  readonly method: string
  readonly path: string
  /** The parsed JSON body (undefined when there is none). */
  readonly body: Record<string, unknown> | undefined
  readonly authorization: string | undefined
  /** Real ms since start(). */
  readonly at: number
}

export interface FakeCheckRun extends Record<string, unknown> {
  readonly id: number
}

const DOCS = 'https://docs.github.com/rest/checks/runs'
const ROUTE = /^\/repos\/([^/]+)\/([^/]+)\/check-runs(?:\/(\d+))?$/

export class FakeGitHubApi {
  readonly requests: RecordedGitHubRequest[] = []
  /** The check runs as the fake holds them: the creating body merged with every update. */
  readonly checkRuns = new Map<number, FakeCheckRun>()
  private server: Server | undefined
  private startedAt = 0
  private nextId = 1001
  private readonly held = new Set<ServerResponse>()
  /** Answer creates without html_url (the client must build the run's link itself). */
  omitHtmlUrl = false

  constructor(private faults: readonly GitHubFaultRule[] = []) {}

  /** Requests held open by a 'hang' fault whose client has not closed the connection. */
  get hanging(): number {
    return this.held.size
  }

  setFaults(faults: readonly GitHubFaultRule[]): void {
    this.faults = faults
  }

  /** Requests of one method ('POST' creates, 'PATCH' updates). */
  requestsOf(method: string): RecordedGitHubRequest[] {
    return this.requests.filter((r) => r.method === method)
  }

  async start(): Promise<string> {
    this.startedAt = Date.now()
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    for (const res of this.held) res.destroy()
    this.held.clear()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    let body: Record<string, unknown> | undefined
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
    } catch {
      return send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS })
    }
    const n = this.requests.length + 1
    this.requests.push({
      n,
      method: req.method ?? '',
      path,
      body,
      authorization: req.headers.authorization,
      at: Date.now() - this.startedAt
    })

    const fault = this.faults.find((f) => f.requests === 'all' || f.requests.includes(n))?.response
    if (fault?.kind === 'hang') {
      this.held.add(res)
      res.on('close', () => this.held.delete(res))
      return
    }
    if (fault?.kind === 'error') return sendError(res, fault.status, fault.message, fault.headers)
    if (fault?.kind === 'delay') await sleep(fault.ms)

    if (!req.headers.authorization) {
      return send(res, 401, { message: 'Requires authentication', documentation_url: DOCS })
    }
    const match = ROUTE.exec(path)
    if (!match) return send(res, 404, { message: 'Not Found', documentation_url: DOCS })
    const [, owner, repo, id] = match
    if (req.method === 'POST' && id === undefined) {
      if (!body?.name || !body.head_sha) {
        return send(res, 422, {
          message: 'Invalid request.\n\n"name" and "head_sha" are required.',
          documentation_url: DOCS
        })
      }
      const run: FakeCheckRun = {
        status: 'queued',
        ...body,
        id: this.nextId,
        url: `/repos/${owner}/${repo}/check-runs/${this.nextId}`,
        ...(this.omitHtmlUrl
          ? {}
          : { html_url: `https://github.com/${owner}/${repo}/runs/${this.nextId}` })
      }
      this.nextId++
      this.checkRuns.set(run.id, run)
      return send(res, 201, run)
    }
    if (req.method === 'PATCH' && id !== undefined) {
      const existing = this.checkRuns.get(Number(id))
      if (!existing) return send(res, 404, { message: 'Not Found', documentation_url: DOCS })
      const updated: FakeCheckRun = { ...existing, ...body, id: existing.id }
      this.checkRuns.set(existing.id, updated)
      return send(res, 200, updated)
    }
    return send(res, 404, { message: 'Not Found', documentation_url: DOCS })
  }
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string | undefined,
  headers: Readonly<Record<string, string>> = {}
): void {
  if (res.destroyed) return
  if (status === 502 || status === 503) {
    // GitHub's front end answers these with an HTML page, not JSON.
    const html = `<html><body><h1>${status === 502 ? 'Bad Gateway' : 'Service Unavailable'}</h1>${message ?? ''}</body></html>`
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      ...headers
    })
    res.end(html)
    return
  }
  const defaults: Record<number, string> = {
    401: 'Bad credentials',
    403: 'Resource not accessible by integration',
    404: 'Not Found',
    422: 'Validation Failed',
    500: 'Server Error'
  }
  send(
    res,
    status,
    {
      message: message ?? defaults[status] ?? 'Error',
      documentation_url: `${DOCS}#create-a-check-run`,
      status: String(status)
    },
    headers
  )
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {}
): void {
  if (res.destroyed) return // the client gave up (a delay outlived its timeout)
  sendJson(res, status, body, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-request-id': crypto.randomUUID(),
    ...headers
  })
}
