import type { ServerResponse } from 'node:http'
import { sendJson } from '../support/http.js'

/** The region of a SigV4 credential scope (any service). */
export function regionOf(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/[^/]+\//.exec(authorization ?? '')?.[1]
}

/** An awsJson1_1 answer, with a request id as AWS sends one. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, body, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': crypto.randomUUID(),
    ...headers
  })
}
