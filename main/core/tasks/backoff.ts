// Retry delays after failed polls: exponential with FULL jitter (a uniformly random delay up
// to the exponential ceiling), so many clients that failed together do not return together.
// A server's Retry-After is a lower bound we never undercut.

export interface BackoffInput {
  /** Failures in a row so far, 1 for the first. */
  attempt: number;
  baseMs: number;
  capMs: number;
  /** From Retry-After, when the server sent one. */
  retryAfterMs?: number | undefined;
  /** Never less than this (e.g. the poll floor after a 429 without Retry-After). */
  minMs?: number;
  random: () => number;
}

export function backoffCeiling(attempt: number, baseMs: number, capMs: number): number {
  const exponent = Math.min(Math.max(0, attempt - 1), 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

export function backoffDelay(input: BackoffInput): number {
  const ceiling = backoffCeiling(input.attempt, input.baseMs, input.capMs);
  const r = Math.min(1, Math.max(0, input.random()));
  const jittered = Math.floor(r * ceiling);
  return Math.max(jittered, input.retryAfterMs ?? 0, input.minMs ?? 0);
}
