// One meaning per exit code, for every command, so scripts can branch on them.
import type { PikaApiError } from '../core/api/errors';

export const EXIT = {
  /** The command did what was asked (a task that failed on the server still got an answer). */
  ok: 0,
  /** The task is unknown, or the server kept failing. */
  failed: 1,
  /** Bad usage or configuration: unknown option, missing token, invalid task id or base URL. */
  usage: 2,
  /** The token was rejected, or the account is not allowed (quota, ban, IP). */
  auth: 3,
} as const;

export function exitCodeOf(err: PikaApiError): number {
  return err.kind === 'token-rejected' || err.kind === 'forbidden' ? EXIT.auth : EXIT.failed;
}
