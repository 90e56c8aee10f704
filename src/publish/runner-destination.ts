import * as core from '@actions/core'
import type { Env } from '../shared/env.js'
import type { Log } from '../shared/log.js'
import type { ResultDestination } from './destination.js'
import { outputValues } from './outputs.js'

/**
 * The GitHub runner as a destination, through @actions/core: outputs to GITHUB_OUTPUT, the job
 * summary to GITHUB_STEP_SUMMARY, annotations and the step's failure as workflow commands
 * (@actions/core escapes their text, so text from AWS cannot end one and start another).
 */
export function runnerDestination(env: Env, log: Log): ResultDestination {
  return {
    setOutputs: (outputs) => {
      for (const [name, value] of outputValues(outputs)) core.setOutput(name, value)
    },
    writeSummary: async (html) => {
      if (!env.GITHUB_STEP_SUMMARY) {
        log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
        return
      }
      try {
        await core.summary.emptyBuffer().addRaw(html).write()
      } catch (error) {
        core.warning(`Could not write the job summary: ${String(error)}`)
      }
    },
    annotate: (level, message, title) =>
      title === undefined ? core[level](message) : core[level](message, { title }),
    fail: (line) => core.setFailed(line)
  }
}
