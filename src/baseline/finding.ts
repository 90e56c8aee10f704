/**
 * A finding: one non-compliant resource of one rule of one pack, in one region. What a baseline
 * entry accepts or not.
 */
export interface Finding {
  readonly region: string
  readonly pack: string
  /** The rule's name as AWS gives it: an account pack's rules carry the pack's suffix. */
  readonly rule: string
  readonly resourceType: string
  readonly resourceId: string
}

/**
 * AWS names an account pack's rule `<name in the template>-conformance-pack-<id>`, the id that
 * of the pack (lower-case letters and digits: nine in every public example, such as
 * `efs-encrypted-check-conformance-pack-hbmlt5imw`), and gives the rules a new id when the pack
 * is deleted and created again. Any length of id is taken, as AWS documents none.
 */
const PACK_RULE_NAME = /^(.+)-conformance-pack-[a-z0-9]+$/

/**
 * The rule's name as the pack's template gives it: `awsRuleName` without the pack's suffix, or
 * unchanged when it has none (an organization pack's name such as `OrgConformsPack-x-abc` is
 * not a rule's suffix and stays as it is).
 */
export function templateRuleName(awsRuleName: string): string {
  return PACK_RULE_NAME.exec(awsRuleName)?.[1] ?? awsRuleName
}

/**
 * A finding in one line for messages, the rule by its template name (as a baseline names it):
 * `us-east-1/security-baseline/s3-bucket-versioning-enabled: AWS::S3::Bucket acme-logs`.
 * Plain text from AWS: a renderer escapes it for where it goes.
 */
export function describeFinding(f: Finding): string {
  return `${f.region}/${f.pack}/${templateRuleName(f.rule)}: ${f.resourceType} ${f.resourceId}`
}
