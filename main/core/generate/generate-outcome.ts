// What a failed generate call means for the user. A generation is billed, so the question is
// never just "did it fail" but "could it have started": a refusal (4xx) did not; a connection
// that was never made did not; anything else (a timeout, a reset, a 5xx from a gateway that may
// have forwarded the call, an unreadable answer) might have, and must not be resent blindly.
import { PikaApiError, type PikaErrorKind } from '../api/errors';
import { readMessageRef, renderMessage, say, type MessageRef } from '../text/message-ref';

/** `message` is the English text (logs, `--json`); `ref` words it for the reader. */
export type GenerateFailure =
  | {
      outcome: 'rejected';
      kind: PikaErrorKind;
      message: string;
      ref?: MessageRef;
      field?: string;
    }
  | { outcome: 'not-sent'; message: string; ref: MessageRef }
  | { outcome: 'unknown'; message: string; ref: MessageRef };

const UNKNOWN_REF = say('generate.unknownOutcome');
export const UNKNOWN_OUTCOME = renderMessage(UNKNOWN_REF, 'en');

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
  const unknown: GenerateFailure = {
    outcome: 'unknown',
    message: UNKNOWN_OUTCOME,
    ref: UNKNOWN_REF,
  };
  if (!(error instanceof PikaApiError)) return unknown;
  if (REFUSALS.includes(error.kind)) {
    // The client's message is written for a person and already quotes the server's.
    const failure: GenerateFailure = {
      outcome: 'rejected',
      kind: error.kind,
      message: error.message,
    };
    const ref = readMessageRef(error.ref);
    if (ref) failure.ref = ref;
    if (error.field !== undefined) failure.field = error.field;
    return failure;
  }
  if (error.kind === 'network' && error.code !== undefined && NEVER_CONNECTED.has(error.code)) {
    const ref = say('generate.nothingSent', notSentCause(error));
    return { outcome: 'not-sent', message: renderMessage(ref, 'en'), ref };
  }
  return unknown;
}

/**
 * A never-made connection's cause without "the task may still have been created" (the
 * client's api.mayBeCreated wrapper, core/api/classify.ts): nothing left, so nothing was billed.
 */
function notSentCause(error: PikaApiError): string | MessageRef {
  const ref = readMessageRef(error.ref);
  if (!ref) return error.message.replace(/ The task may still.*$/, '');
  const inner = ref.args[0];
  return ref.key === 'api.mayBeCreated' && typeof inner === 'object' ? inner : ref;
}
