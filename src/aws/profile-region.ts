import { getProfileName, loadSharedConfigFiles } from '@smithy/core/config'

/**
 * The region of the profile AWS_PROFILE names (else `default`) in ~/.aws/config (or the file
 * AWS_CONFIG_FILE names), as the AWS CLI reads it; undefined when there is none.
 */
export async function profileRegion(): Promise<string | undefined> {
  try {
    const { configFile } = await loadSharedConfigFiles()
    const region = configFile[getProfileName({})]?.region?.trim()
    return region ? region : undefined
  } catch {
    // No readable config file: no region from it.
    return undefined
  }
}
