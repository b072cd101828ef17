// @ts-check
// Issue 17, the main process: what main tells the window, a notification or the CLI comes
// from the message catalogs (main/core/text/messages, `throw new TextError(say(…))`) and is
// worded in the reader's language. This flags English written straight into an error or a
// refusal where such words start: `new Error('…')` (and its kinds) and a result's
// `message: '…'`. Only prose counts (two words in a row), as in eslint-cli-text.js. Errors
// that never reach a person (a broken invariant) say so with an eslint-disable and a reason.
import { proseReporter } from './eslint-literal-text.js';

const ERRORS = new Set(['Error', 'TypeError', 'RangeError']);

export const mainTextPlugin = {
  rules: {
    'no-literal-error-text': {
      meta: {
        type: 'problem',
        messages: {
          literal:
            'Words for people "{{text}}" belong in main/core/text/messages (say + TextError).',
        },
        schema: [],
      },
      /** @param {any} context */
      create(context) {
        const check = proseReporter(context);
        return {
          /** @param {any} node */
          NewExpression(node) {
            if (node.callee.type === 'Identifier' && ERRORS.has(node.callee.name)) {
              check(node.arguments[0]);
            }
          },
          /** @param {any} node */
          Property(node) {
            if (node.key.type === 'Identifier' && node.key.name === 'message') check(node.value);
          },
        };
      },
    },
  },
};
