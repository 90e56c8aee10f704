import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const OUTSIDE_WORLDS = {
  aws: { patterns: ['@aws-sdk/*', '@smithy/*'], home: 'src/aws/' },
  github: { patterns: ['@actions/github', '@octokit/*'], home: 'src/github/' },
  runner: { patterns: ['@actions/core'], home: 'src/publish/, src/main.ts' },
  // The project's own adapters: only a composition root picks them.
  adapters: {
    patterns: ['**/aws/*', '**/github/*'],
    home: 'a composition root (src/main.ts, src/cli.ts)'
  }
}

const RAW_LINE =
  'Log through actionLog (src/publish/action-log.ts): text from AWS must not start a workflow command.'
const CORE_LOG = {
  selector: "MemberExpression[object.name='core'][property.name=/^(info|debug)$/]",
  message: RAW_LINE
}
const RAW_STDOUT = {
  selector: "MemberExpression[object.name='process'][property.name='stdout']",
  message: RAW_LINE
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
    // The command's composition root: the terminal instead of the runner.
    { files: ['src/cli.ts'], allowed: ['adapters'] },
    { files: ['src/publish/**'], allowed: ['runner'] },
    {
      files: ['src/**'],
      ignores: ['src/aws/**', 'src/github/**', 'src/publish/**', 'src/main.ts', 'src/cli.ts'],
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
    ignores: ['src/cli.ts', 'src/cli/**'],
    rules: {
      // Lines written raw could start a workflow command: they go through src/publish/action-log.ts.
      'no-restricted-syntax': ['error', CORE_LOG, RAW_STDOUT]
    }
  },
  {
    // The command writes to the terminal itself: src/cli/terminal.ts makes each line safe.
    files: ['src/cli.ts', 'src/cli/**'],
    rules: { 'no-restricted-syntax': ['error', CORE_LOG] }
  },
  // Each outside world is reached from its own folder only: the stages see ports, not SDKs.
  ...importBoundaries(),
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' }
  },
  prettier
)
