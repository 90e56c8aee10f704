// The endpoint rules of every SDK client already use this partition table: no extra weight.
import { partition } from '@aws-sdk/core/client'
import type { Partition } from '../report/console-links.js'

/**
 * The partition a region belongs to, from the SDK's own partition data: `aws`, `aws-us-gov`,
 * `aws-cn`, and any later one the SDK learns of. A region the table does not list falls in
 * `aws` (the SDK's own default), and `known` says so.
 */
export function partitionOf(region: string): Partition & { readonly known: boolean } {
  const found = partition(region) as { name: string; dnsSuffix: string; description?: string }
  return { name: found.name, dnsSuffix: found.dnsSuffix, known: found.description !== undefined }
}
