/** The process environment as the action reads it: passed in, never read from a global. */
export type Env = Readonly<Record<string, string | undefined>>
