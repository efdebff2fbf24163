// Lint rules, with the layering VS Code taught us: the core never imports Electron, the
// renderer never imports Node or the core, the preload imports only the method list.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**', 'electron/api/**', 'electron/bridge/**', 'electron/cli/**', 'electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core runs under plain Node (CLI, serve, tests): no Electron here.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is imported by the renderer.' }],
          patterns: [
            {
              group: ['node:*', '../core/*', '../main/*'],
              message: 'shared/ is imported by the renderer: types and zod only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main only through window.raadsmap.' }],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'The renderer has no Node.' },
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/bridge/**'],
              message: 'The renderer may import electron/shared only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../core/*', '../main/*', '../shared/contract', 'zod'],
              message: 'The preload stays small: method names only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Code passed to page.evaluate runs in the browser.
    files: ['test/e2e/**', 'scripts/bench-*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
