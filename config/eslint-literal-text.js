// @ts-check
// What the project's text lint rules share: the words a literal holds, whether they read as
// English prose, and the report of such a literal.

/**
 * The text of a string literal, a template's fixed parts, or both arms of a choice.
 * @param {any} node
 * @returns {string | null}
 */
export const literalText = (node) => {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked).join(' ');
  if (node.type === 'ConditionalExpression') {
    return [literalText(node.consequent), literalText(node.alternate)].filter(Boolean).join(' ');
  }
  if (node.type === 'LogicalExpression') return literalText(node.right);
  return null;
};

/**
 * Two English words in a row, once "pika-tray <command>" and option names are taken out:
 * option names and JSON keys alone are not prose.
 * @param {string} text
 */
export const prose = (text) =>
  /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.test(
    text.replace(/pika-tray(?: [a-z]+)?/g, ' ').replace(/(?<![\w-])-{1,2}[a-z][\w-]*/g, ' '),
  );

/**
 * A check that reports, as `messageId` 'literal', a node whose literal text is prose.
 * @param {any} context
 * @returns {(node: any) => void}
 */
export const proseReporter = (context) => (node) => {
  const text = literalText(node);
  if (text !== null && prose(text)) {
    context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
  }
};
