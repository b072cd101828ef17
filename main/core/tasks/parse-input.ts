// Turns whatever the user pasted (ids, feed links, feed JSON answers, several at once) into
// task ids, with one clear error per piece that is not one. Nothing here trusts the text:
// every id passes the strict rule in task-id.ts before it can reach a URL path.
import { renderMessage, say, type MessageRef } from '../text/message-ref';
import { looksLikeApiToken, taskIdProblemRef } from './task-id';

export { isValidTaskId } from './task-id';

export interface TaskInputError {
  /** The piece of text that was refused, shortened (and never showing a token). */
  input: string;
  /** English (logs, the CLI's --json); `ref` renders in the reader's language. */
  message: string;
  ref: MessageRef;
}

export interface ParsedTaskInput {
  /** Valid ids in the order first seen, each once. */
  ids: string[];
  /** Ids that appeared more than once in the text, each listed once. */
  duplicates: string[];
  errors: TaskInputError[];
}

const MAX_INPUT_CHARS = 1_000_000;
/** Feed answers nest 4 levels, a list of them 5: deeper JSON is refused before it is read. */
export const MAX_JSON_DEPTH = 16;
const SEPARATOR = /[\s,;]/;
const FEED_PATH = '/pika/feed/';
const DEEP_LINK = 'pika-tray://task/';

export function parseTaskInput(text: string): ParsedTaskInput {
  const out = new Collector();
  if (typeof text !== 'string') {
    out.error('', say('taskInput.notText'));
    return out.result();
  }
  if (text.length > MAX_INPUT_CHARS) {
    out.error(text, say('taskInput.tooLong'));
    return out.result();
  }
  // Every bracket scan is paid from one budget proportional to the text, so hostile text
  // (thousands of unclosed '[' words) stays linear; once spent, brackets read as words.
  const scan = { budget: 2 * text.length + 1024 };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (SEPARATOR.test(ch)) {
      i += 1;
      continue;
    }
    if ((ch === '{' || ch === '[') && scan.budget > 0) {
      const { end, tooDeep } = matchingBracket(text, i, scan);
      const segment = text.slice(i, end === -1 ? text.length : end + 1);
      if (tooDeep) {
        out.error(segment, say('taskInput.tooDeep', MAX_JSON_DEPTH));
        i += segment.length;
        continue;
      }
      const parsed = end === -1 && ch === '[' ? null : tryJson(segment);
      if (parsed?.ok) {
        collectFromJson(parsed.value, () => segment, out);
        i += segment.length;
        continue;
      }
      if (ch === '{') {
        out.error(
          segment,
          end === -1
            ? say('taskInput.jsonCutOff')
            : say('taskInput.jsonUnreadable', parsed?.reason ?? ''),
        );
        i += segment.length;
        continue;
      }
      // A '[' that is not JSON is read as an ordinary word below.
    }
    let end = i;
    while (end < text.length && !SEPARATOR.test(text[end]!)) end += 1;
    const word = text.slice(i, end);
    i = end;
    if (/^bearer$/i.test(stripWrapping(word))) {
      // Skip the token that follows, so it is neither tracked nor echoed back.
      const next = nextWord(text, i);
      i = next.end;
      out.error('Bearer …', say('taskInput.tokenLeftOut'));
      continue;
    }
    collectFromWord(word, out);
  }
  return out.result();
}

class Collector {
  private readonly seen = new Set<string>();
  private readonly dup = new Set<string>();
  readonly ids: string[] = [];
  readonly errors: TaskInputError[] = [];

  id(id: string): void {
    if (this.seen.has(id)) this.dup.add(id);
    else {
      this.seen.add(id);
      this.ids.push(id);
    }
  }

  error(input: string, ref: MessageRef): void {
    this.errors.push({ input: displayInput(input), message: renderMessage(ref, 'en'), ref });
  }

  result(): ParsedTaskInput {
    return { ids: this.ids, duplicates: [...this.dup], errors: this.errors };
  }
}

function collectFromWord(raw: string, out: Collector): void {
  const word = stripWrapping(raw);
  if (word === '') return;
  const lower = word.toLowerCase();
  if (lower.startsWith(DEEP_LINK)) {
    candidate(cutAtDelimiters(word.slice(DEEP_LINK.length)), word, out);
    return;
  }
  const feedAt = lower.indexOf(FEED_PATH);
  if (feedAt !== -1) {
    candidate(cutAtDelimiters(word.slice(feedAt + FEED_PATH.length)), word, out);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) || lower.startsWith('www.')) {
    out.error(word, say('taskInput.notTaskLink'));
    return;
  }
  candidate(word, word, out);
}

function candidate(id: string, input: string, out: Collector): void {
  const problem = id === '' ? say('taskInput.linkEndsEarly') : taskIdProblemRef(id);
  if (problem === null) out.id(id);
  else out.error(input, problem);
}

// `segment` is only serialised when an error names it: serialising every level up front
// made the cost grow with the square of the nesting.
function collectFromJson(value: unknown, segment: () => string, out: Collector): void {
  if (typeof value === 'string') {
    collectFromWord(value, out);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) out.error(segment(), say('taskInput.emptyList'));
    for (const item of value) collectFromJson(item, () => JSON.stringify(item) ?? '', out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const data = obj['data'];
    const id =
      obj['id'] ??
      obj['task_id'] ??
      obj['taskId'] ??
      (data !== null && typeof data === 'object'
        ? (data as Record<string, unknown>)['id']
        : undefined);
    if (typeof id === 'string') {
      const problem = taskIdProblemRef(id);
      if (problem === null) out.id(id);
      else out.error(id, problem);
      return;
    }
    out.error(segment(), say('taskInput.noId'));
    return;
  }
  out.error(segment(), say('taskInput.notFeed'));
}

/**
 * Index of the bracket closing the one at `start`, skipping strings; -1 when unbalanced.
 * `tooDeep` when the nesting passes MAX_JSON_DEPTH (never parsed then). Each character
 * examined is paid from `scan.budget`; an empty budget ends the scan as unbalanced.
 */
function matchingBracket(
  text: string,
  start: number,
  scan: { budget: number },
): { end: number; tooDeep: boolean } {
  let depth = 0;
  let tooDeep = false;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    if (--scan.budget < 0) return { end: -1, tooDeep };
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) tooDeep = true;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return { end: i, tooDeep };
    }
  }
  return { end: -1, tooDeep };
}

function tryJson(segment: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(segment) as unknown };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

function nextWord(text: string, from: number): { end: number } {
  let i = from;
  while (i < text.length && SEPARATOR.test(text[i]!)) i += 1;
  while (i < text.length && !SEPARATOR.test(text[i]!)) i += 1;
  return { end: i };
}

/** Quotes, brackets and sentence punctuation around a pasted word are not part of it. */
function stripWrapping(word: string): string {
  return word.replace(/^["'`<([{]+/, '').replace(/["'`>)\]}.,;:!]+$/, '');
}

/** The path segment of a link: a query or fragment belongs to the link, not the id. */
function cutAtDelimiters(rest: string): string {
  const cut = rest.search(/[/?#]/);
  const segment = cut === -1 ? rest : rest.slice(0, cut);
  // "../x" must be refused, not shortened to "..": keep the slash so the rule names it.
  return segment === '.' || segment === '..' ? rest : segment;
}

function displayInput(input: string): string {
  const oneLine = input.replace(/\s+/g, ' ').trim();
  const masked = oneLine
    .split(' ')
    .map((w) => (looksLikeApiToken(stripWrapping(w)) ? 'sk-…' : w))
    .join(' ');
  return masked.length > 80 ? `${masked.slice(0, 79)}…` : masked;
}
