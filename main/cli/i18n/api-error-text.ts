// An API failure for a person in the CLI's language. English keeps the core's full message
// (it already quotes the server); Chinese gets a summary by kind, then the server's own words,
// as the server sent them and marked as its words, in whatever language they came.
import { PikaApiError } from '../../core/api/errors';
import type { CliText } from './index';

export function apiErrorText(err: PikaApiError, text: CliText): string {
  if (text.locale === 'en') return err.message;
  const t = text.t.apiError;
  const status = err.status === undefined ? '' : t.status(err.status);
  const summary = err.proxy ? t.proxy(err.proxy) : t[err.kind](status);
  return err.serverMessage ? `${summary}${text.t.server.said(err.serverMessage)}` : summary;
}

/** Any error a command prints: API failures translated, others as they are. */
export function errorText(err: unknown, text: CliText): string {
  if (err instanceof PikaApiError) return apiErrorText(err, text);
  return err instanceof Error ? err.message : String(err);
}

// The core writes the server's words last, as ` The server said: "…"` (api/classify.ts).
const SERVER_SAID = / The server said: "(.*)"$/s;
const HTTP_STATUS = /\(HTTP (\d{3})\)/;

/** A failed check as the tracker keeps it (kind and the core's English message). */
export function taskErrorText(error: { kind: string; message: string }, text: CliText): string {
  if (text.locale === 'en') return error.message;
  const t = text.t.apiError;
  const kind = error.kind as PikaApiError['kind'];
  if (!Object.hasOwn(t, kind) || kind === ('status' as string)) return error.message;
  const status = HTTP_STATUS.exec(error.message)?.[1];
  const summary = t[kind](status === undefined ? '' : t.status(Number(status)));
  const said = SERVER_SAID.exec(error.message)?.[1];
  return said ? `${summary}${text.t.server.said(said)}` : summary;
}
