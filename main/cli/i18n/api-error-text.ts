// An API failure for a person in the CLI's language: the core's words as data (a MessageRef)
// rendered for the CLI's locale; the server's own words inside stay as sent, marked as its
// words. An error or stored record without a ref (an older store) shows its English message.
import type { PikaApiError } from '../../core/api/errors';
import type { MessageRef } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';
import type { CliText } from './index';

export function apiErrorText(err: PikaApiError, text: CliText): string {
  return textOf(err, text.locale);
}

/** Any error a command prints: its ref in the CLI's language when it has one. */
export function errorText(err: unknown, text: CliText): string {
  if (err instanceof Error) return textOf(err, text.locale);
  return String(err);
}

/** A failed check as the tracker keeps it (kind, the core's English message, its ref). */
export function taskErrorText(
  error: { kind: string; message: string; ref?: MessageRef | undefined },
  text: CliText,
): string {
  return textOf(error, text.locale);
}
