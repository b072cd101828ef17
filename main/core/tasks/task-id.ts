// The one rule for what a task id may look like. Ids go into a URL path, so the rule is
// strict on purpose: nothing that could climb out of /pika/feed/ or start a query.
import { renderMessage, say, type MessageRef } from '../text/message-ref';

const TASK_ID = /^[A-Za-z0-9_-]{6,128}$/;

export const TASK_ID_MIN_LENGTH = 6;
export const TASK_ID_MAX_LENGTH = 128;

/** True for a well-formed task id; a word shaped like an API key is refused so it never
 * ends up stored, shown or sent in a URL path. */
export function isValidTaskId(value: unknown): value is string {
  return typeof value === 'string' && wellFormed(value);
}

function wellFormed(value: string): boolean {
  return TASK_ID.test(value) && !looksLikeApiToken(value);
}

/** Gateway API keys look like `sk-` + 32..64 letters/digits; such a word is never a task id. */
export function looksLikeApiToken(value: string): boolean {
  return /^sk-[A-Za-z0-9]{20,}$/.test(value);
}

/** Why `value` is not a task id, in words a person understands; null when it is one. */
export function taskIdProblem(value: string): string | null {
  const problem = taskIdProblemRef(value);
  return problem === null ? null : renderMessage(problem, 'en');
}

/** Why `value` is not a task id, as a message for the reader's language; null when it is one. */
export function taskIdProblemRef(value: string): MessageRef | null {
  if (wellFormed(value)) return null;
  if (value.length === 0) return say('taskInput.idEmpty');
  if (looksLikeApiToken(value)) return say('taskInput.idIsToken');
  if (value.includes('..') || value.includes('/') || value.includes('\\'))
    return say('taskInput.idSlashes');
  if (value.includes('%')) return say('taskInput.idEncoded');
  if (value.includes('?') || value.includes('#')) return say('taskInput.idQuery');
  if (/[^A-Za-z0-9_-]/.test(value)) return say('taskInput.idCharacters');
  if (value.length < TASK_ID_MIN_LENGTH) return say('taskInput.idTooShort', TASK_ID_MIN_LENGTH);
  return say('taskInput.idTooLong', TASK_ID_MAX_LENGTH);
}
