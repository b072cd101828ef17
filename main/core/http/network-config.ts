// How the app and the command line reach the network: which proxy, if any, carries each
// request. One HTTP layer (http-layer.ts) is made per configuration and shared by the API
// client, the video downloader and the poster cache.

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
export class ProxyUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyUrlError';
  }
}

const SUPPORTED =
  'Use http://host:port, https://host:port or socks5://host:port (user:pass@ allowed).';

/**
 * Checks a proxy URL as a person typed it (CLI flag, variable, Settings) and returns it in the
 * form the HTTP layer takes. A bare `host:port` means http://, as in curl. Throws
 * ProxyUrlError with a message naming what is supported; the message never holds a password.
 */
export function parseProxyUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '') throw new ProxyUrlError(`The proxy address is empty. ${SUPPORTED}`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyUrlError(`The proxy address "${redactRaw(text)}" is not a URL. ${SUPPORTED}`);
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (!(PROXY_SCHEMES as readonly string[]).includes(scheme)) {
    throw new ProxyUrlError(
      `Proxies of type ${scheme}:// are not supported. ${SUPPORTED} (socks5h, socks4 and socks4a work too.)`,
    );
  }
  if (url.hostname === '') {
    throw new ProxyUrlError(`The proxy address "${redactRaw(text)}" names no host. ${SUPPORTED}`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new ProxyUrlError(
      `The proxy address "${describeProxy(url)}" has a path; a proxy is only a host and port. ${SUPPORTED}`,
    );
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
