import type { IncomingMessage, ServerResponse } from 'node:http'

/** The whole body of a request to one of the project's local test servers. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** A JSON answer; `headers` carries the content type and request id of the service faked. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
