// A form problem in the window's language. Through the current catalog's `generateForm`
// group, not message-ref.ts's renderMessage, which would bring every catalog of main into the
// window's bundle. A string is the server's own words, shown as they came.
import { messages } from '../../i18n/i18n';
import type { Messages } from '../../i18n/en';
import { problemIn, type FormProblem } from './generate-model';

/** One field's problem: ours (data, rendered now) or the server's (its words). */
export type ShownProblem = FormProblem | string;

export function formText(problem: ShownProblem, m: Messages = messages()): string {
  return typeof problem === 'string' ? problem : problemIn(m.generateForm, problem);
}
