// What a failed generate call means for the user. A generation is billed, so the question is
// never just "did it fail" but "could it have started": a refusal (4xx) did not; a connection
// that was never made did not; anything else (a timeout, a reset, a 5xx from a gateway that may
// have forwarded the call, an unreadable answer) might have, and must not be resent blindly.
import { PikaApiError, type PikaErrorKind } from '../api/errors';

export type GenerateFailure =
  | { outcome: 'rejected'; kind: PikaErrorKind; message: string; field?: string }
  | { outcome: 'not-sent'; message: string }
  | { outcome: 'unknown'; message: string };

export const UNKNOWN_OUTCOME =
  'Unknown outcome — check before resending: no answer came, so the video may or may not have started (and been billed).';

/** Socket errors raised before any byte of the request left this machine. */
const NEVER_CONNECTED = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

const REFUSALS: readonly PikaErrorKind[] = [
  'token-rejected',
  'forbidden',
  'bad-request',
  'rate-limited',
  'unknown-task',
];

export function generateFailureOf(error: unknown): GenerateFailure {
  if (!(error instanceof PikaApiError)) return { outcome: 'unknown', message: UNKNOWN_OUTCOME };
  if (REFUSALS.includes(error.kind)) {
    // The client's message is written for a person and already quotes the server's.
    const failure: GenerateFailure = {
      outcome: 'rejected',
      kind: error.kind,
      message: error.message,
    };
    if (error.field !== undefined) failure.field = error.field;
    return failure;
  }
  if (error.kind === 'network' && error.code !== undefined && NEVER_CONNECTED.has(error.code)) {
    return {
      outcome: 'not-sent',
      message: `${notSentCause(error.message)} Nothing was sent.`,
    };
  }
  return { outcome: 'unknown', message: UNKNOWN_OUTCOME };
}

/** A never-made connection's message without "the task may still have been created". */
export function notSentCause(message: string): string {
  return message.replace(/ The task may still.*$/, '');
}
