import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

/**
 * A real forward proxy on 127.0.0.1, for tests: absolute-URI requests (plain HTTP) are sent
 * on, `CONNECT host:port` is answered 200 and piped both ways. `hosts` maps host names to the
 * address the proxy connects to instead, so an endpoint can live behind a name that does not
 * resolve anywhere but at the proxy (as an intranet name does). Names not mapped are looked up
 * as usual; a target the proxy cannot reach gets 502. Each request it forwarded is recorded.
 */
export interface ProxiedRequest {
  readonly method: string
  /** host:port as the client asked for it. */
  readonly target: string
  readonly proxyAuthorization: string | undefined
}

export class ForwardProxy {
  readonly forwarded: ProxiedRequest[] = []
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()

  constructor(private readonly hosts: Readonly<Record<string, string>> = {}) {}

  /** The proxy's URL, http://127.0.0.1:port. */
  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/')
      const port = url.port || '80'
      this.record(req, `${url.hostname}:${port}`)
      const upstream = request(
        {
          host: this.address(url.hostname),
          port,
          method: req.method,
          path: `${url.pathname}${url.search}`,
          headers: withoutProxyHeaders(req)
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      upstream.on('error', () => res.headersSent || res.writeHead(502).end())
      req.pipe(upstream)
    })
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      const target = req.url ?? ''
      const at = target.lastIndexOf(':')
      const [host, port] = [target.slice(0, at), Number(target.slice(at + 1))]
      this.record(req, target)
      this.track(client)
      const upstream = connect(port, this.address(host), () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        if (head.length) upstream.write(head)
        upstream.pipe(client)
        client.pipe(upstream)
      })
      this.track(upstream)
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
      client.on('error', () => upstream.destroy())
    })
    server.on('connection', (socket: Socket) => this.track(socket))
    this.server = server
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Forwarded requests to one host:port. */
  to(target: string): ProxiedRequest[] {
    return this.forwarded.filter((r) => r.target === target)
  }

  private record(req: IncomingMessage, target: string): void {
    this.forwarded.push({
      method: req.method ?? '',
      target,
      proxyAuthorization: req.headers['proxy-authorization']
    })
  }

  private address(host: string): string {
    return this.hosts[host] ?? host
  }

  private track(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
  }
}

function withoutProxyHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && !name.startsWith('proxy-')) headers[name] = value
  return headers
}

/** A port on 127.0.0.1 where nothing listens: a proxy that refuses every connection. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
