// An error (or anything thrown) as an argument of another message: its MessageRef when it
// carries one, so the cause renders in the reader's language too, else its own words.
import { readMessageRef, type MessageRef } from './message-ref';

export function textArgOf(error: unknown): string | MessageRef {
  if (error !== null && typeof error === 'object') {
    const ref = readMessageRef((error as { ref?: unknown }).ref);
    if (ref) return ref;
  }
  return error instanceof Error ? error.message : String(error);
}
