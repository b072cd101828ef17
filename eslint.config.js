// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-output/**', 'bench-output/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core runs in plain Node (CLI, tests, benchmarks): Electron must never leak in.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core runs without Electron; use a port.' }],
          patterns: [
            { group: ['electron-store'], message: 'main/core runs without Electron.' },
            {
              group: ['**/app/**', '**/cli/**'],
              message: 'Arrows point one way: app and cli use core.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer sees the main process only through the preload bridge and the contract types.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.pika.' },
          ],
          patterns: [
            {
              // main/core/i18n is browser-safe (no Node, no Electron): locale, catalogs, Intl.
              regex: '(^|/)main/(?!core/i18n(/index)?$)',
              message: 'Import only the IPC contract types (and main/core/i18n).',
            },
          ],
        },
      ],
    },
  },
);
