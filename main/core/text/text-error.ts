// An error whose words are a MessageRef: `message` is the English text (logs, `--json`, and
// code that only knows Error), `ref` renders in the reader's language.
import { readMessageRef, renderMessage, type MessageRef } from './message-ref';
import type { Locale } from '../i18n';

export class TextError extends Error {
  readonly ref: MessageRef;

  constructor(ref: MessageRef, options?: { cause?: unknown }) {
    super(renderMessage(ref, 'en'), options);
    this.name = 'TextError';
    this.ref = ref;
  }
}

/** Something that may carry a message as data beside its English text. */
export interface HasText {
  message: string;
  ref?: MessageRef | undefined;
}

function refOf(value: unknown): MessageRef | undefined {
  if (value === null || typeof value !== 'object' || !('ref' in value)) return undefined;
  const ref = (value as { ref?: unknown }).ref;
  return ref !== null && typeof ref === 'object' && 'key' in ref ? (ref as MessageRef) : undefined;
}

/**
 * The words of an error, a stored `{message, ref}` or a bare MessageRef for a reader of
 * `locale`; plain English text where there is no ref.
 */
export function textOf(value: unknown, locale: Locale): string {
  const ref = refOf(value) ?? readMessageRef(value);
  if (ref) return renderMessage(ref, locale);
  if (value instanceof Error) return value.message;
  if (value !== null && typeof value === 'object' && 'message' in value) {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(value);
}
