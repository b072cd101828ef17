// Chromium's proxy resolver (Electron's session.resolveProxy) answers in PAC notation: a list
// of entries separated by ";", tried in order, e.g. "PROXY 127.0.0.1:7890; DIRECT". This turns
// such an answer into the proxy URLs our HTTP layer understands. Entries it cannot use (QUIC,
// junk, a missing port) are skipped, so the next entry of the list applies, as in a browser.

/** One usable entry of a resolver answer: go direct, or through this proxy URL. */
export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; url: string };

/**
 * Scheme of the proxy URL for each PAC keyword Chromium emits. Chromium's plain "SOCKS" is
 * SOCKS v4; its SOCKS5 lets the proxy resolve host names, which is what socks5h:// means
 * (and what a user whose DNS only works through the proxy needs).
 */
const SCHEMES: Record<string, string> = {
  PROXY: 'http',
  HTTP: 'http',
  HTTPS: 'https',
  SOCKS: 'socks4',
  SOCKS4: 'socks4',
  SOCKS5: 'socks5h',
};

/** Answers longer than this are not a proxy list; treat them as no answer. */
const MAX_ANSWER = 4096;

/** `host:port` or `[v6]:port`, with a port in range; null when it is not one. */
function hostPort(text: string): string | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]+):(\d{1,5})$/.exec(text);
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return `${match[1]!.toLowerCase()}:${port}`;
}

function parseEntry(entry: string): ProxyChoice | null {
  const parts = entry.trim().split(/\s+/);
  const keyword = parts[0]?.toUpperCase() ?? '';
  if (keyword === 'DIRECT' && parts.length === 1) return { kind: 'direct' };
  const scheme = SCHEMES[keyword];
  if (!scheme || parts.length !== 2) return null;
  const where = hostPort(parts[1]!);
  return where ? { kind: 'proxy', url: `${scheme}://${where}` } : null;
}

/**
 * The usable entries of a resolver answer, in order, without repeats. An answer with none
 * (empty, all junk) means direct: Chromium itself falls back to DIRECT when a PAC script
 * returns nothing it can use.
 */
export function parseProxyAnswer(answer: unknown): ProxyChoice[] {
  if (typeof answer !== 'string' || answer.length > MAX_ANSWER) return [{ kind: 'direct' }];
  const seen = new Set<string>();
  const choices: ProxyChoice[] = [];
  for (const entry of answer.split(';')) {
    const choice = parseEntry(entry);
    if (!choice) continue;
    const key = choice.kind === 'direct' ? 'direct' : choice.url;
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push(choice);
  }
  return choices.length > 0 ? choices : [{ kind: 'direct' }];
}

/** A choice as a ProxyResolver answers it: the proxy URL, or null for direct. */
export function proxyOf(choice: ProxyChoice): string | null {
  return choice.kind === 'direct' ? null : choice.url;
}
