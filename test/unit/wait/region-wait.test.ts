import { describe, expect, it } from 'vitest'
import { regionLog } from '../../../src/wait/region-wait.js'
import { recordingLog } from '../../support/doubles.js'

describe('regionLog', () => {
  it('gives back the same log when only one region is awaited', () => {
    const log = recordingLog()
    const tagged = regionLog(log, 'eu-west-1', false)
    expect(tagged).toBe(log)
    tagged.info('alpha: CREATE_COMPLETE')
    expect(log.entries).toEqual([{ level: 'info', message: 'alpha: CREATE_COMPLETE' }])
  })

  it('prefixes every line with [region] when several regions are awaited, at the same level', () => {
    const log = recordingLog()
    const tagged = regionLog(log, 'eu-west-1', true)
    tagged.info('alpha: CREATE_COMPLETE')
    tagged.warning('throttled')
    tagged.debug('round 3')
    expect(log.entries).toEqual([
      { level: 'info', message: '[eu-west-1] alpha: CREATE_COMPLETE' },
      { level: 'warning', message: '[eu-west-1] throttled' },
      { level: 'debug', message: '[eu-west-1] round 3' }
    ])
  })

  it('tags each region with its own name', () => {
    const log = recordingLog()
    regionLog(log, 'us-east-1', true).info('a')
    regionLog(log, 'ap-south-1', true).info('b')
    expect(log.entries.map((e) => e.message)).toEqual(['[us-east-1] a', '[ap-south-1] b'])
  })
})
