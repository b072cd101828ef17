// "System proxy" for the app: asks the browser's resolver (Chromium's, through a port the
// Electron glue fills with session.resolveProxy) which proxy serves an origin, so the OS
// settings, PAC files and WPAD apply as in the user's browser. Answers are cached per origin
// (polling asks the same gateway every few seconds) and forgotten when the network changes.
//
// Fallbacks: a ProxyResolver hands one proxy per request, so a list such as
// "PROXY a:1; PROXY b:2; DIRECT" is used like Chromium's bad-proxy list: the first entry
// serves until a request reports it unreachable (proxyFailed); it is then skipped for a while
// and the next request takes the next entry. The request that failed is not retried here:
// the tracker and downloader already retry network failures, and their next try goes to the
// next entry.
import { parseProxyAnswer, proxyOf, type ProxyChoice } from './proxy-answer';

/** Chromium's resolver: the PAC-style answer for a URL ("PROXY h:p; DIRECT"). */
export type ResolveProxyPort = (url: string) => Promise<string>;

/** What the HTTP layer asks per request: a proxy URL, or null to connect directly. */
export type ProxyLookup = (url: URL) => Promise<string | null>;

export interface SystemProxyResolver {
  resolve: ProxyLookup;
  /** A request could not get through this proxy: prefer the next entry of its lists. */
  proxyFailed(proxyUrl: string): void;
  /** The network may have changed (wake, back online): ask the resolver again. */
  invalidate(): void;
}

export interface SystemProxyResolverOptions {
  resolveProxy: ResolveProxyPort;
  /** How long an answer is reused before the resolver is asked again. Default 60 s. */
  ttlMs?: number;
  /** How long a failed proxy is skipped while its list has another entry. Default 5 min,
   * as Chromium's own bad-proxy list. */
  badProxyMs?: number;
  /** Origins remembered at most (oldest forgotten first). Default 256. */
  maxOrigins?: number;
  now?: () => number;
  /** The resolver itself failed (the answer then is direct, and is not cached). */
  log?: (message: string) => void;
}

interface Entry {
  choices: Promise<ProxyChoice[]>;
  at: number;
}

/** One spelling per proxy, whatever case or trailing slash the reporter used. */
function proxyKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

export function createSystemProxyResolver(
  options: SystemProxyResolverOptions,
): SystemProxyResolver {
  const ttlMs = options.ttlMs ?? 60_000;
  const badProxyMs = options.badProxyMs ?? 5 * 60_000;
  const maxOrigins = options.maxOrigins ?? 256;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();
  const badUntil = new Map<string, number>();

  const choicesFor = (origin: string): Promise<ProxyChoice[]> => {
    const hit = cache.get(origin);
    if (hit && now() - hit.at < ttlMs) return hit.choices;
    const entry: Entry = {
      at: now(),
      choices: Promise.resolve()
        .then(() => options.resolveProxy(`${origin}/`))
        .then(parseProxyAnswer, (error: unknown) => {
          // Not kept: the next request asks again.
          if (cache.get(origin) === entry) cache.delete(origin);
          const why = error instanceof Error ? error.message : String(error);
          options.log?.(`No system proxy answer for ${origin} (${why}); connecting directly.`);
          return [{ kind: 'direct' } as const];
        }),
    };
    cache.delete(origin);
    cache.set(origin, entry);
    // A Map keeps insertion order: the first key is the one asked longest ago.
    while (cache.size > maxOrigins) cache.delete(cache.keys().next().value!);
    return entry.choices;
  };

  const isBad = (choice: ProxyChoice): boolean => {
    if (choice.kind === 'direct') return false;
    const until = badUntil.get(proxyKey(choice.url));
    if (until === undefined) return false;
    if (until > now()) return true;
    badUntil.delete(proxyKey(choice.url));
    return false;
  };

  return {
    async resolve(url) {
      const choices = await choicesFor(url.origin);
      // Every entry failed lately: try the first again rather than give up (Chromium does
      // the same with its bad proxies as a last resort).
      const pick = choices.find((c) => !isBad(c)) ?? choices[0]!;
      return proxyOf(pick);
    },
    proxyFailed(proxyUrl) {
      badUntil.set(proxyKey(proxyUrl), now() + badProxyMs);
      // The OS settings may have changed under us (the proxy app was closed): ask again.
      cache.clear();
    },
    invalidate() {
      cache.clear();
      badUntil.clear();
    },
  };
}
