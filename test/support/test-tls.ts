import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createServer, type Server } from 'node:tls'

const run = promisify(execFile)

/** A certificate authority made for one test, and a server certificate it signed. */
export interface TestCa {
  readonly dir: string
  /** The CA's certificate (PEM), for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string
  readonly key: string
  readonly cert: string
  remove(): Promise<void>
}

/** Makes a CA with openssl and a certificate for `hostNames`, signed by it. */
export async function makeTestCa(hostNames: readonly string[]): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'test-ca-'))
  const at = (name: string): string => join(dir, name)
  const days = ['-days', '2']
  await run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', ...days],
    ...['-keyout', at('ca.key'), '-out', at('ca.pem'), '-subj', '/CN=Proxy test CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign']
  ])
  await run('openssl', [
    ...['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key')],
    ...['-out', at('server.csr'), '-subj', `/CN=${hostNames[0]}`]
  ])
  const san = hostNames.map((h) => `DNS:${h}`).join(',')
  await writeFile(at('ext.cnf'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`)
  await run('openssl', [
    ...['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key')],
    ...['-CAcreateserial', '-out', at('server.pem'), ...days, '-extfile', at('ext.cnf')]
  ])
  return {
    dir,
    caFile: at('ca.pem'),
    key: await readFile(at('server.key'), 'utf8'),
    cert: await readFile(at('server.pem'), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true })
  }
}

/** A TLS endpoint on 127.0.0.1 with the CA's certificate, in front of a plain HTTP server. */
export class TlsFront {
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()
  /** TLS connections accepted. */
  connections = 0

  constructor(
    private readonly ca: TestCa,
    private readonly backendPort: number
  ) {}

  /** The port it listens on. */
  async start(): Promise<number> {
    const server = createServer({ key: this.ca.key, cert: this.ca.cert }, (client) => {
      this.connections++
      const backend = connect(this.backendPort, '127.0.0.1')
      for (const s of [client, backend]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => undefined)
      }
      client.pipe(backend).pipe(client)
    })
    this.server = server
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return (server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
