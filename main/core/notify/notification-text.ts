// The words of a notification. A notification is read at a glance in a corner of the screen,
// so a prompt is cut to one short line at a word boundary, and a task with no prompt yet is
// named by its id (the only thing the user can match it against).
import type { TrackedTask } from '../tasks/model';
import { ENGLISH, type MainText } from '../text';
import { textOf } from '../text/text-error';

/** Longest prompt shown in a single notification's body, in characters. */
export const PROMPT_MAX = 80;
/** Longest prompt shown per line of a summary. */
export const SUMMARY_PROMPT_MAX = 48;
/** Lines of a summary's body before "and N more". */
export const SUMMARY_LINES = 3;

/** Collapses whitespace and cuts to `max` characters at a word boundary, with an ellipsis. */
export function shortenText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Count by code point so an emoji or a CJK character is never split in half.
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the line (long words,
  // scripts without spaces).
  const head = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,.;:!?-]+$/u, '')}…`;
}

/** What names the task to a person: its prompt, or its id while the prompt is unknown. */
export function subjectOf(task: TrackedTask, max = PROMPT_MAX, text: MainText = ENGLISH): string {
  const prompt = shortenText(task.promptText, max);
  return prompt === '' ? text.t.notify.task(task.id) : `“${prompt}”`;
}

/** Why a task failed, in the server's words when it gave any. */
export function failureReasonOf(task: TrackedTask, text: MainText = ENGLISH): string {
  const fromVideo = task.videos.find((v) => v.state === 'failed' && v.error)?.error?.trim();
  // The server's own words, as sent (often Chinese), marked as its words in either language.
  if (fromVideo) return shortenText(text.t.notify.serverSaid(fromVideo), 120);
  // Rendered from its ref in the language of the moment (the stored English otherwise).
  const reason = task.lastError ? textOf(task.lastError, text.locale).trim() : '';
  return reason === '' ? text.t.notify.noReason : shortenText(reason, 120);
}
