// One GET of a video's result URL. Redirects are followed by hand so every hop is checked to
// be http(s) and the number of hops is bounded; the body is asked for without compression so
// byte counts and ranges mean bytes of the file. No token is ever sent: result URLs are
// public CDN links.
import { DownloadError } from './download-error';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface MediaResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  /** The URL that answered, after redirects. */
  url: string;
}

/** Parses and checks a URL the downloader may fetch; throws `bad-url` otherwise. */
export function checkMediaUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new DownloadError('bad-url', 'The video link is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError(
      'bad-url',
      `The video link uses ${url.protocol.replace(/:$/, '')}, but only http and https links are downloaded.`,
    );
  }
  return url;
}

/** Drops a response body we will not read, so its connection is released. */
export async function discardBody(response: { body: ReadableStream<Uint8Array> | null }) {
  await response.body?.cancel().catch(() => undefined);
}

export async function requestMedia(
  rawUrl: string,
  opts: { rangeStart: number; signal: AbortSignal; maxRedirects: number },
): Promise<MediaResponse> {
  let url = checkMediaUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (opts.rangeStart > 0) headers.range = `bytes=${opts.rangeStart}-`;
    const response = await fetch(url, {
      method: 'GET',
      headers,
      redirect: 'manual',
      signal: opts.signal,
    });
    if (!REDIRECTS.has(response.status)) {
      return {
        status: response.status,
        headers: response.headers,
        body: response.body,
        url: url.href,
      };
    }
    await discardBody(response);
    const location = response.headers.get('location');
    if (!location) {
      throw new DownloadError(
        'http',
        `The video server sent a redirect (HTTP ${response.status}) without saying where to.`,
        { status: response.status },
      );
    }
    if (hop >= opts.maxRedirects) {
      throw new DownloadError(
        'bad-url',
        `The video link redirected more than ${opts.maxRedirects} times.`,
      );
    }
    url = checkMediaUrl(location, url.href);
  }
}

// "bytes 100-999/1000" -> {start: 100, total: 1000}; "bytes */1000" (a 416) -> {start: null, total: 1000}.
export function parseContentRange(
  header: string | null,
): { start: number | null; total: number | null } | null {
  if (!header) return null;
  const match = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/i.exec(header);
  if (!match) return null;
  return {
    start: match[1] === undefined ? null : Number(match[1]),
    total: match[3] === undefined || match[3] === '*' ? null : Number(match[3]),
  };
}

/** Content-Length as a number, or null when absent or not a plain integer. */
export function contentLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/** Retry-After in ms (seconds or an HTTP date), capped; null when absent or unreadable. */
export function retryAfterMs(headers: Headers, capMs: number, now = Date.now()): number | null {
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(0, seconds), capMs);
}
