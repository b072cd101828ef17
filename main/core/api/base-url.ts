// The gateway base URL is a user setting, so it is checked once, here, for the app's
// settings, the command line and the client alike. The token travels with every request, so
// plain http is allowed only to this machine (the fake server, a local proxy).
import { DEFAULT_BASE_URL } from '../settings';
import { say } from '../text/message-ref';
import { TextError } from '../text/text-error';

export { DEFAULT_BASE_URL };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Returns the base URL without a trailing slash, e.g. `https://api.gpt.ge` or
 * `https://host/prefix`. Throws an Error (a TextError) whose message says what to fix.
 */
export function normalizeBaseUrl(input: string | undefined | null): string {
  if (input === undefined || input === null) return DEFAULT_BASE_URL;
  if (typeof input !== 'string') throw new TextError(say('settings.baseUrlNotText'));
  const text = input.trim();
  if (text === '') throw new TextError(say('settings.baseUrlEmpty'));
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new TextError(say('settings.baseUrlNoScheme', text.replace(/^\/+/, '')));
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TextError(say('settings.baseUrlNotAddress'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TextError(say('settings.baseUrlScheme'));
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new TextError(say('settings.baseUrlPlainHttp'));
  }
  if (url.username !== '' || url.password !== '') {
    throw new TextError(say('settings.baseUrlCredentials'));
  }
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    throw new TextError(say('settings.baseUrlQuery'));
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
