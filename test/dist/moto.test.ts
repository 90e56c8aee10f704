import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { createServer } from 'node:net'
import {
  ConfigServiceClient,
  PutOrganizationConformancePackCommand
} from '@aws-sdk/client-config-service'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, TEST_CREDENTIALS } from '../support/run-action.js'
import { json } from './dist-harness.js'

/**
 * The organization scope against moto's server: an implementation of the AWS Config API that
 * this project did not write. moto puts an organization pack straight into CREATE_SUCCESSFUL.
 */

const MOTO = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'moto_server'))
  .find((file) => {
    try {
      accessSync(file, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
const REASON = MOTO ? '' : ' (skipped: moto_server is not on the PATH)'

let moto: ChildProcess | undefined
let endpoint = ''

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  throw new Error(`moto_server did not answer at ${url}`)
}

describe.skipIf(!MOTO)(`organization scope against moto_server${REASON}`, () => {
  beforeAll(async () => {
    const port = await freePort()
    endpoint = `http://127.0.0.1:${port}`
    moto = spawn(MOTO!, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' })
    await waitForServer(endpoint, Date.now() + 15_000)
    const client = new ConfigServiceClient({
      region: 'us-east-1',
      endpoint,
      credentials: {
        accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
        secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY
      }
    })
    for (const name of ['org-baseline', 'org-security']) {
      // moto needs an s3:// template address (it fails on TemplateBody).
      await client.send(
        new PutOrganizationConformancePackCommand({
          OrganizationConformancePackName: name,
          TemplateS3Uri: `s3://templates/${name}.yaml`
        })
      )
    }
    client.destroy()
  }, 30_000)

  afterAll(() => {
    moto?.kill()
  })

  it('waits for the named packs and reports them as moto does', async () => {
    const run = await runAction({
      endpoint,
      inputs: {
        scope: 'organization',
        'conformance-pack-names': 'org-baseline, org-security',
        'min-delay-seconds': '0.1',
        'max-delay-seconds': '0.2'
      },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(json(run.outputs['completed-packs'])).toEqual(['org-baseline', 'org-security'])
    const statuses = json(run.outputs.statuses) as Record<string, string>[]
    expect(statuses.map((s) => [s.name, s.state])).toEqual([
      ['org-baseline', 'CREATE_SUCCESSFUL'],
      ['org-security', 'CREATE_SUCCESSFUL']
    ])
    expect(statuses[0].lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(run.summary).toContain('AWS Config organization conformance packs: success')
  })

  it('lists every organization pack when no names are given', async () => {
    const run = await runAction({
      endpoint,
      inputs: { scope: 'organization' },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(run.code).toBe(0)
    expect(json(run.outputs['completed-packs'])).toEqual(['org-baseline', 'org-security'])
  })

  it('an unknown name, which moto rejects with the whole call, is reported missing while the others are seen', async () => {
    const run = await runAction({
      endpoint,
      inputs: {
        scope: 'organization',
        'conformance-pack-names': 'org-baseline,org-ghost',
        'min-delay-seconds': '0.1',
        'max-delay-seconds': '0.2'
      },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(json(run.outputs['completed-packs'])).toEqual(['org-baseline'])
    expect(json(run.outputs['missing-packs'])).toEqual(['org-ghost'])
  })
})
