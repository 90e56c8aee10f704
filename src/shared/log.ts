/**
 * The one logger shape every stage writes to. The composition root decides where lines go
 * (the runner's log through its safe-line boundary, a terminal, or a test's array).
 */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** Discards everything: for stages run without a reader. */
export const silentLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined
}
