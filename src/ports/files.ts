/**
 * The files a run reads and writes besides its outputs (the compliance baseline). The front
 * end resolves a relative path in its own place: the workspace for the action, the working
 * directory for the command.
 */
export interface FilePort {
  /** The file's text; rejects with Node's error (ENOENT and the like) when it cannot. */
  read(path: string): Promise<string>
  write(path: string, text: string): Promise<void>
}
