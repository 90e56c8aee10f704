import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

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
  {
    files: ['scripts/**', 'test/**'],
    rules: { 'no-console': 'off' }
  },
  prettier
)
