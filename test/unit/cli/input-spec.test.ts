import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  ACTION_YML,
  INPUT_SPEC_MODULE,
  inputSpecsOf,
  renderInputSpec,
  type GeneratedSpec
} from '../../../scripts/generate-input-spec.js'
import { INPUT_SPECS, type InputSpec } from '../../../src/input-spec.js'

/** Every difference between what action.yml declares and what the module holds, in words. */
function drift(expected: readonly GeneratedSpec[], actual: readonly InputSpec[]): string[] {
  const problems: string[] = []
  const committed = new Map(actual.map((s) => [s.name, s]))
  for (const want of expected) {
    const have = committed.get(want.name)
    if (!have) {
      problems.push(`input ${want.name} is in action.yml but not in src/input-spec.ts`)
      continue
    }
    for (const key of Object.keys(want) as (keyof GeneratedSpec)[]) {
      if (have[key] !== want[key])
        problems.push(
          `input ${want.name}: ${key} is ${JSON.stringify(have[key])} in src/input-spec.ts but ${JSON.stringify(want[key])} in action.yml`
        )
    }
  }
  for (const name of committed.keys())
    if (!expected.some((s) => s.name === name))
      problems.push(`input ${name} is in src/input-spec.ts but not in action.yml`)
  const order = (specs: readonly { name: string }[]) => specs.map((s) => s.name).join(', ')
  if (problems.length === 0 && order(expected) !== order(actual))
    problems.push(`the inputs' order differs: action.yml has ${order(expected)}`)
  return problems
}

describe('src/input-spec.ts', () => {
  it('holds exactly the inputs action.yml declares', async () => {
    const expected = inputSpecsOf(await readFile(ACTION_YML, 'utf8'))
    expect(drift(expected, INPUT_SPECS), 'run: npx tsx scripts/generate-input-spec.ts').toEqual([])
  })

  it('is the generator output, byte for byte', async () => {
    const generated = await renderInputSpec(await readFile(ACTION_YML, 'utf8'))
    const committed = await readFile(INPUT_SPEC_MODULE, 'utf8')
    expect(
      committed === generated,
      'src/input-spec.ts was edited by hand or not regenerated: run npx tsx scripts/generate-input-spec.ts'
    ).toBe(true)
  })

  it('names every drift between a changed action.yml and the module', async () => {
    const yml = (await readFile(ACTION_YML, 'utf8'))
      .replace("default: '1800'", "default: '900'")
      .replace('inputs:\n', "inputs:\n  extra-input:\n    description: New.\n    default: ''\n")
    expect(drift(inputSpecsOf(yml), INPUT_SPECS)).toEqual([
      'input extra-input is in action.yml but not in src/input-spec.ts',
      'input timeout-seconds: default is "1800" in src/input-spec.ts but "900" in action.yml'
    ])
  })

  it('classifies the inputs for the command', () => {
    const kinds = Object.fromEntries(INPUT_SPECS.map((s) => [s.name, s.kind]))
    expect(kinds).toMatchObject({
      'conformance-pack-names': 'list',
      region: 'list',
      'fail-on-failure': 'boolean',
      'start-evaluation': 'boolean',
      'requested-after': 'string',
      'timeout-seconds': 'string'
    })
    expect(INPUT_SPECS.filter((s) => s.githubOnly).map((s) => s.name)).toEqual([
      'github-token',
      'check-name'
    ])
  })

  it('refuses an action.yml that lost an input the generator names', () => {
    expect(() => inputSpecsOf('inputs:\n  scope:\n    default: account\n')).toThrow(
      'names input conformance-pack-names, not in action.yml'
    )
  })
})
