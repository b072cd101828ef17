// Help pages laid out in terminal columns: descriptions start at one column for every option
// row of a page and wrap at the terminal's width, measured with string-width (a Chinese
// character takes two columns, so `.length` would misalign every Chinese row).
import stringWidth from 'string-width';

/** One row: an option (or command, or exit code) and what it does; "\n" forces a break. */
export type HelpRow = readonly [head: string, text: string];

export type HelpBlock =
  | { kind: 'text'; text: string }
  /** `own`: aligned on its own (exit codes); else on the page's option column. */
  | { kind: 'rows'; title?: string; rows: readonly HelpRow[]; own?: boolean };

const INDENT = 2;
const GAP = 2;
/** A head wider than this puts its description on the next line instead of pushing the column. */
const MAX_HEAD = 26;

/** Width to lay help out for: the terminal's, within reason; 80 when not a terminal. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const columns = stream.isTTY ? (stream.columns ?? 80) : 80;
  return Math.max(40, Math.min(columns, 100));
}

// Closing punctuation never starts a line; opening punctuation never ends one.
const NO_START = /^[，。、；：！？）】」』”’》〉,.;:!?)\]}%]/u;
const NO_END = /[（【「『“‘《〈([{]$/u;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Units that a line may break between: words (with their trailing spaces) and single CJK characters. */
function units(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (word !== '') out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      word += ch;
      flush();
    } else if (WIDE.test(ch)) {
      flush();
      out.push(ch);
    } else {
      if (word.endsWith(' ')) flush();
      word += ch;
    }
  }
  flush();
  // Keep punctuation with its neighbour so no line begins with "，" or ends with "（".
  const merged: string[] = [];
  for (const unit of out) {
    const last = merged.length - 1;
    if (last >= 0 && (NO_START.test(unit) || NO_END.test(merged[last]!.trimEnd()))) {
      merged[last] += unit;
    } else merged.push(unit);
  }
  return merged;
}

/** `text` in lines at most `width` columns wide (a single longer word keeps its own line). */
export function wrapColumns(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const unit of units(paragraph)) {
      const next = line + unit;
      if (line !== '' && stringWidth(next.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = unit.trimStart();
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

function columnOf(rows: readonly HelpRow[]): number {
  const widest = Math.max(
    0,
    ...rows.map(([head]) => stringWidth(head)).filter((w) => w <= MAX_HEAD),
  );
  return INDENT + widest + GAP;
}

function renderRows(rows: readonly HelpRow[], column: number, width: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(column);
  for (const [head, text] of rows) {
    const first = ' '.repeat(INDENT) + head;
    const body = wrapColumns(text, Math.max(20, width - column));
    if (stringWidth(first) + 1 > column) lines.push(first);
    else body[0] = first + ' '.repeat(column - stringWidth(first)) + (body[0] ?? '');
    if (stringWidth(first) + 1 > column) lines.push(...body.map((l) => pad + l));
    else lines.push(body[0]!, ...body.slice(1).map((l) => pad + l));
  }
  return lines;
}

/** The page: blocks separated by blank lines, option rows aligned on one column. */
export function renderHelp(blocks: readonly HelpBlock[], width: number): string {
  const shared = blocks.flatMap((b) => (b.kind === 'rows' && !b.own ? b.rows : []));
  const column = columnOf(shared);
  return blocks
    .map((block) => {
      if (block.kind === 'text') return wrapColumns(block.text, width).join('\n');
      const lines = renderRows(block.rows, block.own ? columnOf(block.rows) : column, width);
      return [...(block.title ? [block.title] : []), ...lines].join('\n');
    })
    .join('\n\n');
}
