/**
 * The compliance baseline: a file of known findings (non-compliant resources of a pack's rules)
 * that the gate accepts, each until an optional expiry day. Pure: the file's text comes in,
 * judgements and the text of a new file come out; reading the file goes through a given reader.
 *
 * - `readBaseline` / `parseBaseline`: the file, checked (a `BaselineError` lists every problem).
 * - `judgeFindings`: each finding known or new; entries expiring soon; entries fixed.
 * - `renderBaseline`: the file that accepts exactly the given findings.
 * - `templateRuleName`: a rule's name without the suffix AWS adds in an account pack.
 */
export { describeFinding, type Finding } from './finding.js'
export { BaselineError, readBaseline, type Baseline } from './parse.js'
export { judgeFindings, type Judgement } from './judge.js'
export { renderBaseline } from './render.js'
export { entryLabel, expiringText, newFindingText } from './text.js'
