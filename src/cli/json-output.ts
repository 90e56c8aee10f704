/**
 * --json: the action's outputs as one JSON object on stdout, each list parsed from the JSON
 * text the action sets (`"failed-packs": ["beta"]`, not `"[\"beta\"]"`), in the order set.
 */
export function renderJson(outputs: Readonly<Record<string, string>>): string {
  const document: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(outputs)) document[name] = parsed(value)
  return `${JSON.stringify(document, null, 2)}\n`
}

/** A list or object output parsed; a plain output (result) as it is. */
function parsed(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}
