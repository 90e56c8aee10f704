/** The oldest Node.js major the command runs on: the AWS SDK's own floor. */
export const MIN_NODE_MAJOR = 22

/** Why this Node.js cannot run the command (`process.version`, `v20.19.0`), or undefined. */
export function unsupportedNode(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (major >= MIN_NODE_MAJOR) return undefined
  return `Node.js ${MIN_NODE_MAJOR} or later is required; this is ${version}`
}
