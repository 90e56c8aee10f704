// Generated from action.yml by scripts/generate-input-spec.ts: do not edit by hand.

/** How the command reads an input's flag: a value, true/false, or a repeatable list. */
export type InputKind = 'string' | 'boolean' | 'list'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** The action's default: what an absent flag means. */
  readonly default: string
  readonly required: boolean
  readonly kind: InputKind
  /** Meaningful only on GitHub: the command has no flag for it. */
  readonly githubOnly: boolean
}

/** The action's inputs, in action.yml's order. */
export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'conformance-pack-names',
    description:
      'Conformance pack names, separated by newlines and/or commas; duplicates are dropped. Each name is 1-256 characters: a letter, then letters, digits and hyphens. Empty: every conformance pack in the region (those that exist when the wait starts).',
    default: '',
    required: false,
    kind: 'list',
    githubOnly: false
  },
  {
    name: 'region',
    description:
      'AWS region, such as us-east-1, or several separated by newlines and/or commas (the packs are awaited in each, at once). Empty: AWS_REGION, then AWS_DEFAULT_REGION.',
    default: '',
    required: false,
    kind: 'list',
    githubOnly: false
  },
  {
    name: 'scope',
    description:
      "account: the account's conformance packs (DescribeConformancePackStatus). organization: organization conformance packs, from the management account or a delegated administrator (DescribeOrganizationConformancePackStatuses).",
    default: 'account',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'timeout-seconds',
    description: 'Overall deadline for the wait, in seconds (decimals allowed).',
    default: '1800',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'min-delay-seconds',
    description:
      'Seconds between polls while a pack is likely to finish, and the shortest pause between two polls. The first poll is immediate; after it, no poll until the youngest pending deployment is 4 times this old (at most 40 s), then one poll every this many seconds (plus up to 10 % jitter) until it is 120 times this old, then one every 1/120 of its age. Also the first step of the backoff on throttling and for packs of unknown age. Must be less than timeout-seconds.',
    default: '10',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'max-delay-seconds',
    description:
      'Longest pause between two polls, in seconds, whatever the rule: it caps the pause of long deployments, the quiet pause after the first poll, and the backoff on throttling, errors and packs of unknown age. Must be at least min-delay-seconds.',
    default: '60',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'missing-pack',
    description:
      "What to do with a named pack that does not exist. fail: report it, keep waiting for the other packs, then fail the step. wait: keep asking for it until it appears or the deadline passes (then result timeout). ignore: report it with a warning, don't fail.",
    default: 'fail',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'fail-on-failure',
    description:
      'false: a pack in a *_FAILED state gives result failure with a warning, but the step passes. A missing pack under missing-pack fail, a wait that ran into its deadline, a permanent AWS error and a cancellation still fail the step.',
    default: 'true',
    required: false,
    kind: 'boolean',
    githubOnly: false
  },
  {
    name: 'explain-failures',
    description:
      "true: for each failed pack, read its CloudFormation stack's events and show the resources that failed and why (needs cloudformation:DescribeStackEvents; best effort, never changes the result). false: skip it.",
    default: 'true',
    required: false,
    kind: 'boolean',
    githubOnly: false
  },
  {
    name: 'compliance',
    description:
      'After a successful wait. ignore: read nothing. report: wait until every rule of each deployed pack has an evaluation that belongs to this deployment, judge each rule, and warn per pack with a non-compliant rule or a rule that failed to evaluate. require: the same wait; the step fails with result noncompliant when a rule is NON_COMPLIANT, with result failure when a rule failed to evaluate (or, with no names, a region has no conformance pack at all), and with result timeout when rules are still unevaluated at the deadline. Account scope only. Needs config:DescribeConformancePackCompliance, config:DescribeConfigRuleEvaluationStatus and config:GetConformancePackComplianceDetails (cloudformation:DescribeStackEvents to tell rules changed in place by a redeploy).',
    default: 'ignore',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'start-evaluation',
    description:
      'With compliance report or require. true: start an evaluation (StartConfigRulesEvaluation) of the rules not evaluated since the deployment, once, and wait for it. Needs config:StartConfigRulesEvaluation, a write permission. false: only wait for the evaluations AWS Config runs itself.',
    default: 'false',
    required: false,
    kind: 'boolean',
    githubOnly: false
  },
  {
    name: 'compliance-baseline',
    description:
      "Path (in the workspace) of a baseline of known findings (YAML or JSON; docs/compliance.md has the format). With it, compliance require fails only on new findings: a non-compliant resource no entry of the file accepts. Known findings are shown, marked with the entry's reason, and never fail the gate; an entry past its expires day accepts nothing. Rules that failed to evaluate or are unevaluated at the deadline still fail. A file that is missing or wrong is an error before any AWS call. Needs compliance report or require.",
    default: '',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'write-baseline',
    description:
      "Path to write a baseline of every non-compliant resource seen to (sorted, rule names without AWS's suffix); read back as compliance-baseline, it accepts exactly those findings. Needs compliance report or require. Nothing is written when the wait does not succeed (compliance is read only then). A path that cannot be written is a warning; nothing else changes.",
    default: '',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'requested-after',
    description:
      "An ISO 8601 time with a time zone, such as 2026-12-01T08:00:00Z: record it before the deploy command (date -u +%Y-%m-%dT%H:%M:%SZ). A pack whose LastUpdateRequestedTime (an organization pack's LastUpdateTime) is older still shows an earlier deployment (an update shows CREATE_* again, and a read right after the deploy can return the previous deployment's CREATE_COMPLETE or CREATE_FAILED), and is awaited whatever its state (state PREVIOUS_DEPLOYMENT; at the deadline, result timeout). Allows 30 seconds for the runner's clock being ahead of AWS's. Empty: each pack's state is taken as it stands.",
    default: '',
    required: false,
    kind: 'string',
    githubOnly: false
  },
  {
    name: 'github-token',
    description:
      "A token with checks: write (for example secrets.GITHUB_TOKEN). Set it to show a live check run with the packs' table on the commit under test. Empty: no check run.",
    default: '',
    required: false,
    kind: 'string',
    githubOnly: true
  },
  {
    name: 'check-name',
    description: 'The name of the live check run.',
    default: 'AWS Config conformance packs',
    required: false,
    kind: 'string',
    githubOnly: true
  }
]
