// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { cliTextPlugin } from './config/eslint-cli-text.js';
import { mainTextPlugin } from './config/eslint-main-text.js';
import { literalText } from './config/eslint-literal-text.js';

// Issue 17: every word the window shows comes from renderer/src/i18n (en.ts + zh-Hans.ts).
// This flags words written straight into TSX: JSX text, string literals and template text
// in JSX children, and the attributes people read (title, aria-label, placeholder, alt, and
// the label/hint props of our own fields). Class names, ids, keys and values are not read by
// anyone, so they are not checked. Symbols (×, •••, …) and the product name may stay.
const UI_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'hint',
]);
const ALLOWED_WORDS = new Set(['Pika', 'Pika Tray']);
/** @param {string} text */
const readable = (text) => {
  const t = text.trim();
  return /\p{L}/u.test(t) && !ALLOWED_WORDS.has(t);
};
const i18nPlugin = {
  rules: {
    'no-literal-ui-string': {
      meta: {
        type: 'problem',
        messages: {
          literal:
            'User-visible text "{{text}}" belongs in renderer/src/i18n (en.ts and zh-Hans.ts).',
        },
        schema: [],
      },
      /** @param {any} context */
      create(context) {
        /** @param {any} node @param {string} text */
        const report = (node, text) =>
          context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
        return {
          /** @param {any} node */
          JSXText(node) {
            if (readable(node.value)) report(node, node.value);
          },
          /** @param {any} node */
          JSXExpressionContainer(node) {
            if (node.parent.type === 'JSXAttribute') return;
            const text = literalText(node.expression);
            if (text !== null && readable(text)) report(node, text);
          },
          /** @param {any} node */
          JSXAttribute(node) {
            const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
            if (!UI_ATTRIBUTES.has(name) || !node.value) return;
            const value =
              node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
            const text = literalText(value);
            if (text !== null && readable(text)) report(node, text);
          },
        };
      },
    },
  },
};

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
  {
    files: ['renderer/src/**/*.tsx'],
    ignores: ['**/*.test.tsx', 'renderer/src/test-support/**'],
    plugins: { i18n: i18nPlugin },
    rules: { 'i18n/no-literal-ui-string': 'error' },
  },
  {
    // The command line's words for people live in main/cli/i18n (see config/eslint-cli-text.js).
    files: ['main/cli/**/*.ts'],
    ignores: ['main/cli/**/*.test.ts', 'main/cli/i18n/**'],
    plugins: { 'cli-text': cliTextPlugin },
    rules: { 'cli-text/no-literal-cli-text': 'error' },
  },
  {
    // Main's words for people come from main/core/text (see config/eslint-main-text.js).
    // Where errors and refusals start that reach the window, a notification or the CLI.
    files: [
      'main/app/handlers/**/*.ts',
      'main/app/ipc/**/*.ts',
      'main/app/network/**/*.ts',
      'main/app/settings/**/*.ts',
      'main/app/token/**/*.ts',
      'main/app/downloads/**/*.ts',
      'main/core/api/**/*.ts',
      'main/core/credit/**/*.ts',
      'main/core/download/**/*.ts',
      'main/core/generate/**/*.ts',
      'main/core/http/**/*.ts',
      'main/core/tasks/**/*.ts',
      'main/core/update/**/*.ts',
    ],
    ignores: [
      '**/*.test.ts',
      '**/*test-kit.ts',
      '**/*.fixture.ts',
      'main/core/generate/form-problem-cases.ts',
      'main/core/tasks/test-wait.ts',
    ],
    plugins: { 'main-text': mainTextPlugin },
    rules: { 'main-text/no-literal-error-text': 'error' },
  },
  {
    // Catalogs pick plural forms through Intl.PluralRules ({ one, other } and fmt.plural), never
    // by comparing a count with 1 by hand: that rule is English's, not every language's.
    files: [
      'renderer/src/i18n/*.ts',
      'main/core/text/**/*.ts',
      'main/cli/i18n/**/*.ts',
      'main/core/i18n/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ConditionalExpression > BinaryExpression.test[operator=/^[!=]==?$/][right.type='Literal'][right.value=1]",
          message: 'Use plural forms ({ one, other }) with fmt.plural, not a hand-written n === 1.',
        },
      ],
    },
  },
);
