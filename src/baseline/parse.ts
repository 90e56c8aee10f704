import { parseDocument, type YAMLError } from 'yaml'
import { dayOf } from './days.js'

/** One entry of a baseline's `findings`: which findings it accepts, and until when. */
export interface BaselineEntry {
  /** Its position in the file's `findings` list, for messages (`findings[2]`). */
  readonly index: number
  /** The rule's name as the pack's template gives it (a suffix AWS added is ignored). */
  readonly rule: string
  /** A resource id, or `*` for every resource of the rule. */
  readonly resourceId: string
  readonly resourceType?: string
  readonly pack?: string
  readonly region?: string
  readonly reason?: string
  /** The last day the entry accepts anything, `YYYY-MM-DD` in UTC. */
  readonly expires?: string
}

/** A baseline file, read and checked. */
export interface Baseline {
  readonly path: string
  readonly entries: readonly BaselineEntry[]
}

/** Problems named in one error before the rest are counted. */
export const PROBLEMS_SHOWN = 10

/** A baseline that cannot be used: every problem found in the file, naming the input and path. */
export class BaselineError extends Error {
  constructor(
    readonly input: string,
    readonly path: string,
    readonly problems: readonly string[]
  ) {
    const shown = problems.slice(0, PROBLEMS_SHOWN)
    const more = problems.length - shown.length
    const list = more > 0 ? [...shown, `and ${more} more problems`] : shown
    super(`Input '${input}' (${path}): ${list.join('; ')}`)
    this.name = 'BaselineError'
  }
}

const TOP_KEYS = ['version', 'findings']
const ENTRY_KEYS = [
  'rule',
  'resourceId',
  'resourceType',
  'pack',
  'region',
  'reason',
  'expires'
] as const
type EntryKey = (typeof ENTRY_KEYS)[number]
const FORM = "a mapping with 'version: 1' and a 'findings' list"

/**
 * Reads a baseline file's text. YAML (JSON is YAML too), every scalar taken as text (the
 * failsafe schema), so that an id such as `012345678901` or `true` stays what it says.
 * Throws a BaselineError listing every problem of the file.
 */
export function parseBaseline(text: string, path: string, inputName: string): Baseline {
  const fail = (problems: string[]): never => {
    throw new BaselineError(inputName, path, problems)
  }
  const doc = parseDocument(text, { schema: 'failsafe' })
  if (doc.errors.length) fail(doc.errors.map(yamlProblem))
  let value: unknown
  try {
    value = doc.toJS()
  } catch (e) {
    // Too many aliases, for one.
    fail([`the YAML cannot be read: ${e instanceof Error ? e.message : String(e)}`])
  }
  const problems: string[] = []
  const entries = readTop(value, problems)
  if (problems.length) fail(problems)
  return { path, entries }
}

/** The file's reader: the path's text, or a rejection with the system's `code` (ENOENT). */
export type ReadFile = (path: string) => Promise<string>

/** Reads and checks the baseline at `path`; a file that cannot be read is a BaselineError too. */
export async function readBaseline(
  path: string,
  inputName: string,
  readFile: ReadFile
): Promise<Baseline> {
  let text: string
  try {
    text = await readFile(path)
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code
    const problem =
      code === 'ENOENT'
        ? 'the file does not exist'
        : `the file cannot be read: ${e instanceof Error ? e.message : String(e)}`
    throw new BaselineError(inputName, path, [problem])
  }
  return parseBaseline(text, path, inputName)
}

function yamlProblem(e: YAMLError): string {
  const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const at = e.linePos?.[0]
  return at
    ? `the YAML does not parse at line ${at.line}, column ${at.col}: ${what}`
    : `the YAML does not parse: ${what}`
}

function readTop(value: unknown, problems: string[]): BaselineEntry[] {
  if (value === null || value === undefined) {
    problems.push(`the file is empty: it must be ${FORM}`)
    return []
  }
  if (!isMapping(value)) {
    problems.push(`the file must be ${FORM}`)
    return []
  }
  unknownKeys(value, TOP_KEYS, 'the file', problems)
  const version = value.version
  if (version === undefined) problems.push("the file has no 'version' (version: 1)")
  else if (version !== '1') {
    // Another version's entries may mean something else: the version is the one problem.
    problems.push(`'version' must be 1, got ${show(version)}`)
    return []
  }
  const findings = value.findings
  if (findings === undefined) {
    problems.push("the file has no 'findings' list (findings: [] for none)")
    return []
  }
  if (!Array.isArray(findings)) {
    problems.push(`'findings' must be a list of entries, got ${show(findings)}`)
    return []
  }
  return findings.flatMap((entry: unknown, index) => {
    const read = readEntry(entry, index, problems)
    return read ? [read] : []
  })
}

function readEntry(value: unknown, index: number, problems: string[]): BaselineEntry | undefined {
  const at = `findings[${index}]`
  if (!isMapping(value)) {
    problems.push(`${at} must be a mapping with 'rule' and 'resourceId', got ${show(value)}`)
    return undefined
  }
  const before = problems.length
  unknownKeys(value, ENTRY_KEYS, at, problems)
  const text: Partial<Record<EntryKey, string>> = {}
  for (const key of ENTRY_KEYS) {
    const field = value[key]
    if (field === undefined) continue
    if (typeof field !== 'string') problems.push(`${at} '${key}' must be text, got ${show(field)}`)
    else if (field === '' && key !== 'reason') problems.push(`${at} has an empty '${key}'`)
    else text[key] = field
  }
  if (value.rule === undefined) problems.push(`${at} has no 'rule'`)
  if (value.resourceId === undefined) problems.push(`${at} has no 'resourceId'`)
  if (text.expires !== undefined && dayOf(text.expires) === undefined) {
    problems.push(`${at} 'expires' is not a date of the form YYYY-MM-DD, got ${show(text.expires)}`)
  }
  const { rule, resourceId, reason, ...narrowing } = text
  if (problems.length > before || rule === undefined || resourceId === undefined) return undefined
  // An empty reason says nothing: left out.
  return { index, rule, resourceId, ...narrowing, ...(reason ? { reason } : {}) }
}

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  where: string,
  problems: string[]
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue
    const meant = known.find((k) => k.toLowerCase() === key.toLowerCase())
    const hint = meant ? `did you mean '${meant}'?` : `the keys are ${known.join(', ')}`
    problems.push(`${where} has an unknown key ${show(key)} (${hint})`)
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value from the file as a message quotes it. */
function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (isMapping(value)) return 'a mapping'
  return JSON.stringify(value)
}
