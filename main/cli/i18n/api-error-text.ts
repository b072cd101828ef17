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
