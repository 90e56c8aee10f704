import type { AnnotationLevel, ResultDestination } from '../../src/publish/destination.js'
import type { ActionOutputs } from '../../src/publish/outputs.js'
import type { Log } from '../../src/shared/log.js'
import { recordingLog, type LogLevel } from './doubles.js'

/** A destination and a log that keep what the run told them, for in-process tests. */
export function recordingDestination(): {
  destination: ResultDestination
  log: Log
  outputs: () => ActionOutputs | undefined
  summaries: string[]
  annotations: { level: AnnotationLevel; message: string; title?: string }[]
  failures: string[]
  lines: { level: LogLevel; message: string }[]
} {
  let outputs: ActionOutputs | undefined
  const summaries: string[] = []
  const annotations: { level: AnnotationLevel; message: string; title?: string }[] = []
  const failures: string[] = []
  const log = recordingLog()
  return {
    destination: {
      setOutputs: (o) => void (outputs = o),
      writeSummary: (html) => {
        summaries.push(html)
        return Promise.resolve()
      },
      annotate: (level, message, title) => void annotations.push({ level, message, title }),
      fail: (line) => void failures.push(line)
    },
    log,
    outputs: () => outputs,
    summaries,
    annotations,
    failures,
    lines: log.entries
  }
}

/** The inputs as the runner gives them, from a plain record (core's semantics for booleans). */
export function inputsOf(values: Record<string, string>): {
  getInput(name: string): string
  getMultilineInput(name: string): string[]
  getBooleanInput(name: string): boolean
} {
  const get = (name: string): string => (values[name] ?? '').trim()
  return {
    getInput: get,
    getMultilineInput: (name) =>
      get(name)
        .split('\n')
        .filter((line) => line !== ''),
    getBooleanInput: (name) => {
      const value = get(name)
      if (['true', 'True', 'TRUE'].includes(value)) return true
      if (['false', 'False', 'FALSE'].includes(value)) return false
      throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`)
    }
  }
}
