// @ts-check
// Issue 17, the command line: words printed for people come from main/cli/i18n (en.ts and
// zh-Hans.ts, help-en.ts and help-zh-Hans.ts). This flags English written straight into what
// the CLI prints or refuses with: arguments of out()/err()/say()/write(), `new UsageError(…)`,
// and the `error:` of a parse result. Option names, "pika-tray <command>" and JSON stay
// allowed: only text with two words in a row is taken for prose.

import { proseReporter } from './eslint-literal-text.js';

const PRINTERS = new Set(['out', 'err', 'say', 'write', 'stderr', 'stdout']);

export const cliTextPlugin = {
  rules: {
    'no-literal-cli-text': {
      meta: {
        type: 'problem',
        messages: {
          literal: 'Text for people "{{text}}" belongs in main/cli/i18n (en.ts and zh-Hans.ts).',
        },
        schema: [],
      },
      /** @param {any} context */
      create(context) {
        const check = proseReporter(context);
        return {
          /** @param {any} node */
          CallExpression(node) {
            const callee = node.callee;
            const name =
              callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
                ? callee.property.name
                : callee.type === 'Identifier'
                  ? callee.name
                  : '';
            if (PRINTERS.has(name)) node.arguments.forEach(check);
          },
          /** @param {any} node */
          NewExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'UsageError') {
              node.arguments.forEach(check);
            }
          },
          /** @param {any} node */
          Property(node) {
            if (node.key.type === 'Identifier' && node.key.name === 'error') check(node.value);
          },
        };
      },
    },
  },
};
