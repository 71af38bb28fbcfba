// Lint rules, including the process boundaries: renderer/ never imports electron or main/,
// shared/ imports neither (and no node: modules), so each runs where it is meant to.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.tmp/', 'docs/', 'test/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or handles (a flush on quit, a save) fails lint.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // No import cycles: a cycle makes load order matter and hides which layer depends on which.
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: [
      'main/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.{js,mjs}',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the main process only through api/client.ts.',
            },
            {
              group: ['**/main/**', '../main', '../../main'],
              message: 'The renderer must not import main-process code.',
            },
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
            {
              regex: '(shared/insights(/(index|stats|correlation|dayLevel|spearman))?|^@stdlib/.*)$',
              message: 'The page imports leaf modules: the statistics (and @stdlib) stay in the main process.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no electron.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ must not import main/ or renderer/.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ is pure: no I/O modules.' },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron entry points may load electron; the service, CLI and browser mode run under plain Node.
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/preload.ts', 'main/ipc.ts', 'main/menu.ts', 'main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message: 'This module runs under plain Node too: no electron here.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
