// The gateway base URL is a user setting, so it is checked once, here, for the app's
// settings, the command line and the client alike. The token travels with every request, so
// plain http is allowed only to this machine (the fake server, a local proxy).
import { DEFAULT_BASE_URL } from '../settings';

export { DEFAULT_BASE_URL };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Returns the base URL without a trailing slash, e.g. `https://api.gpt.ge` or
 * `https://host/prefix`. Throws an Error whose message says what to fix.
 */
export function normalizeBaseUrl(input: string | undefined | null): string {
  if (input === undefined || input === null) return DEFAULT_BASE_URL;
  if (typeof input !== 'string') throw new Error('The API base URL must be text.');
  const text = input.trim();
  if (text === '') throw new Error('The API base URL is empty; the default is https://api.gpt.ge.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new Error(
      `The API base URL must start with https:// (for example https://${text.replace(/^\/+/, '')}).`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('The API base URL is not a valid address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The API base URL must start with https://.');
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      'The API base URL must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and [::1]), because your token is sent with every request.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(
      'The API base URL must not contain a user name or password; the token is set separately.',
    );
  }
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    throw new Error('The API base URL must not contain "?" or "#".');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
