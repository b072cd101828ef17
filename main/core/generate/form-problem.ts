// A problem with the "New video" form, as data: a MessageRef of the `generateForm` topic that
// the window, the command line and the tests each render in their reader's language. Made
// here rather than with message-ref.ts's `say` because the renderer runs this code, and
// message-ref.ts carries every catalog of main: only types cross from it.
import type { MessageArgs, MessageRef } from '../text/message-ref';
import { generateFormEn } from '../text/messages/en/generate-form';

export type FormProblemName = keyof typeof generateFormEn;

/** `say('generateForm.<name>', ...)`, narrowed to this topic. */
export interface FormProblem extends MessageRef {
  readonly key: `generateForm.${FormProblemName}`;
  readonly args: readonly (string | number)[];
}

export function formProblem<N extends FormProblemName>(
  name: N,
  ...args: MessageArgs<`generateForm.${N}`>
): FormProblem {
  return { key: `generateForm.${name}`, args: args as readonly (string | number)[] };
}

type Entry = string | ((...args: (string | number)[]) => string);

/** The problem in the words of `catalog` (a `generateForm` group of any language). */
export function problemIn(
  catalog: { readonly [K in FormProblemName]: unknown },
  problem: FormProblem,
): string {
  const name = problem.key.slice('generateForm.'.length);
  // Only a cast can make a key this topic lacks; then the key shows, as renderMessage does.
  if (!Object.hasOwn(catalog, name)) return problem.key;
  const entry = catalog[name as FormProblemName] as Entry;
  return typeof entry === 'function' ? entry(...problem.args) : entry;
}

/** Thrown where a form cannot be made at all; `message` is English (logs, tests). */
export class FormProblemError extends Error {
  readonly ref: FormProblem;
  constructor(ref: FormProblem) {
    super(problemIn(generateFormEn, ref));
    this.ref = ref;
  }
}
