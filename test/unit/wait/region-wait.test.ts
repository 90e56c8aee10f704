import { describe, expect, it } from 'vitest'
import { regionLog } from '../../../src/wait/region-wait.js'
import type { Log } from '../../../src/shared/log.js'

function recordingLog(): Log & { lines: [string, string][] } {
  const lines: [string, string][] = []
  return {
    lines,
    info: (m) => lines.push(['info', m]),
    warning: (m) => lines.push(['warning', m]),
    debug: (m) => lines.push(['debug', m])
  }
}

describe('regionLog', () => {
  it('gives back the same log when only one region is awaited', () => {
    const log = recordingLog()
    const tagged = regionLog(log, 'eu-west-1', false)
    expect(tagged).toBe(log)
    tagged.info('alpha: CREATE_COMPLETE')
    expect(log.lines).toEqual([['info', 'alpha: CREATE_COMPLETE']])
  })

  it('prefixes every line with [region] when several regions are awaited, at the same level', () => {
    const log = recordingLog()
    const tagged = regionLog(log, 'eu-west-1', true)
    tagged.info('alpha: CREATE_COMPLETE')
    tagged.warning('throttled')
    tagged.debug('round 3')
    expect(log.lines).toEqual([
      ['info', '[eu-west-1] alpha: CREATE_COMPLETE'],
      ['warning', '[eu-west-1] throttled'],
      ['debug', '[eu-west-1] round 3']
    ])
  })

  it('tags each region with its own name', () => {
    const log = recordingLog()
    regionLog(log, 'us-east-1', true).info('a')
    regionLog(log, 'ap-south-1', true).info('b')
    expect(log.lines.map(([, m]) => m)).toEqual(['[us-east-1] a', '[ap-south-1] b'])
  })
})
