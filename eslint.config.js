import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const OUTSIDE_WORLDS = {
  aws: { patterns: ['@aws-sdk/*', '@smithy/*'], home: 'src/aws/' },
  github: { patterns: ['@actions/github', '@octokit/*'], home: 'src/github/' },
  runner: { patterns: ['@actions/core'], home: 'src/publish/, src/main.ts' },
  // The project's own adapters: only a composition root picks them.
  adapters: { patterns: ['**/aws/*', '**/github/*'], home: 'a composition root (src/main.ts)' }
}

/**
 * One config per group of files, the groups disjoint (a later config of the same rule would
 * replace an earlier one): each group may import only the outside worlds it is home to.
 */
function importBoundaries() {
  const groups = [
    { files: ['src/aws/**'], allowed: ['aws', 'adapters'] },
    { files: ['src/github/**'], allowed: ['github', 'adapters'] },
    { files: ['src/main.ts'], allowed: ['runner', 'adapters'] },
    { files: ['src/publish/**'], allowed: ['runner'] },
    {
      files: ['src/**'],
      ignores: ['src/aws/**', 'src/github/**', 'src/publish/**', 'src/main.ts'],
      allowed: []
    }
  ]
  return groups.map(({ files, ignores, allowed }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: Object.entries(OUTSIDE_WORLDS)
            .filter(([world]) => !allowed.includes(world))
            .map(([, { patterns, home }]) => ({
              group: patterns,
              message: `Only ${home} imports this: elsewhere, take a port as a parameter.`
            }))
        }
      ]
    }
  }))
}

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.ci/runtime/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**'],
    rules: {
      // Lines written raw could start a workflow command: they go through src/publish/action-log.ts.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='core'][property.name=/^(info|debug)$/]",
          message:
            'Log through actionLog (src/publish/action-log.ts): text from AWS must not start a workflow command.'
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='stdout']",
          message:
            'Log through actionLog (src/publish/action-log.ts): text from AWS must not start a workflow command.'
        }
      ]
    }
  },
  // Each outside world is reached from its own folder only: the stages see ports, not SDKs.
  ...importBoundaries(),
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' }
  },
  prettier
)
