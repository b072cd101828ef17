// How the app and the command line reach the network: which proxy, if any, carries each
// request. One HTTP layer (http-layer.ts) is made per configuration and shared by the API
// client, the video downloader and the poster cache.
import { say, type MessageRef } from '../text/message-ref';
import { TextError } from '../text/text-error';

export type NetworkConfig =
  /** HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, upper or lower case, as curl reads them. */
  | { mode: 'env' }
  /** Every connection direct; proxy variables are ignored. */
  | { mode: 'direct' }
  /** Every connection through one proxy (checked with `parseProxyUrl`). */
  | { mode: 'manual'; proxyUrl: string }
  /** Asks per URL, e.g. Chromium's resolver through the Electron glue (OS settings, PAC, WPAD). */
  | { mode: 'resolver'; resolve: ProxyResolver };

/** The proxy URL for `url` ('http://…', 'https://…', 'socks5://…', user:pass@ allowed) or null for a direct connection. */
export type ProxyResolver = (url: URL) => Promise<string | null>;

/** Proxy schemes the HTTP layer can speak (proxy-agent's http, https and SOCKS agents). */
export const PROXY_SCHEMES = ['http', 'https', 'socks5', 'socks5h', 'socks4', 'socks4a'] as const;

/** A proxy URL that cannot be used; the message says what is supported. */
export class ProxyUrlError extends TextError {
  constructor(ref: MessageRef) {
    super(ref);
    this.name = 'ProxyUrlError';
  }
}

const SUPPORTED = say('settings.proxySupported');

/**
 * Checks a proxy URL as a person typed it (CLI flag, variable, Settings) and returns it in the
 * form the HTTP layer takes. A bare `host:port` means http://, as in curl. Throws
 * ProxyUrlError with a message naming what is supported; the message never holds a password.
 */
export function parseProxyUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '') throw new ProxyUrlError(say('settings.proxyEmpty', SUPPORTED));
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyUrlError(say('settings.proxyNotUrl', redactRaw(text), SUPPORTED));
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (!(PROXY_SCHEMES as readonly string[]).includes(scheme)) {
    throw new ProxyUrlError(say('settings.proxyScheme', scheme, SUPPORTED));
  }
  if (url.hostname === '') {
    throw new ProxyUrlError(say('settings.proxyNoHost', redactRaw(text), SUPPORTED));
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new ProxyUrlError(say('settings.proxyPath', describeProxy(url), SUPPORTED));
  }
  return url;
}

/** The proxy as shown to a person: scheme, host and port, never the user name or password. */
export function describeProxy(proxy: URL | string): string {
  try {
    const url = typeof proxy === 'string' ? new URL(proxy) : proxy;
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the proxy';
  }
}

/** A raw string with anything before an '@' (a user name or password) blanked. */
function redactRaw(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@').replace(/^[^/@]*@/, '***@');
}
