// One GET of a media URL through the HTTP layer, for small files (the app's poster cache);
// videos go through media-stream.ts, which hands the body to the batching writer.
// Redirects are followed by hand so every hop is checked to be http(s) and the number of hops
// is bounded; the body is asked for without compression so byte counts and ranges mean bytes
// of the file. No token is ever sent: result URLs are public CDN links.
import { say } from '../text/message-ref';
import type { IncomingMessage } from 'node:http';
import { headerReader, type HeaderReader } from '../http/header-reader';
import { defaultMediaAccess, type MediaAccess } from '../http/media-access';
import { DownloadError } from './download-error';
import { sendMediaRequest } from './media-send';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface MediaResponse {
  status: number;
  headers: HeaderReader;
  /** A Node stream: reading it with `for await` pauses the socket while we write, so the
   * body is never read faster than the disk takes it. */
  body: IncomingMessage;
  /** The URL that answered, after redirects. */
  url: string;
}

/** Parses and checks a URL the downloader may fetch; throws `bad-url` otherwise. */
export function checkMediaUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new DownloadError('bad-url', say('download.badUrl'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError('bad-url', say('download.badScheme', url.protocol.replace(/:$/, '')));
  }
  return url;
}

/** Drops a response body we will not read, so its socket is not left half-read. */
export function discardBody(response: { body: IncomingMessage }): void {
  response.body.destroy();
}

/** Options of a media GET, shared by this small-file path and media-stream.ts. */
export interface MediaGetOptions {
  rangeStart: number;
  /** ETag or Last-Modified of the file the `.part` came from: a changed file comes whole. */
  ifRange?: string | null;
  signal: AbortSignal;
  maxRedirects: number;
}

/**
 * GETs a result URL through `hop.send` (from `rangeStart` when above 0), following up to
 * `maxRedirects` redirects, each to http(s) only. The body is asked for uncompressed, so
 * lengths and ranges count bytes of the file. `hop` is the one transport-specific part: how to
 * send one request, read a redirect's target, and drop a body that will not be read.
 */
export async function getFollowingRedirects<T extends { status: number }>(
  rawUrl: string,
  opts: MediaGetOptions,
  hop: {
    send(url: URL, headers: Record<string, string>): Promise<T>;
    location(answer: T): string | null | undefined;
    discard(answer: T): void;
  },
): Promise<T & { url: string }> {
  let url = checkMediaUrl(rawUrl);
  for (let hops = 0; ; hops++) {
    const headers: Record<string, string> = {
      'Accept-Encoding': 'identity',
      'User-Agent': 'PikaTray',
    };
    if (opts.rangeStart > 0) {
      headers.Range = `bytes=${opts.rangeStart}-`;
      if (opts.ifRange) headers['If-Range'] = opts.ifRange;
    }
    const answer = await hop.send(url, headers);
    if (!REDIRECTS.has(answer.status)) return { ...answer, url: url.href };
    hop.discard(answer);
    const location = hop.location(answer);
    if (!location) {
      throw new DownloadError('http', say('download.redirectNowhere', answer.status), {
        status: answer.status,
      });
    }
    if (hops >= opts.maxRedirects) {
      throw new DownloadError('bad-url', say('download.tooManyRedirects', opts.maxRedirects));
    }
    const next = checkMediaUrl(location, url.href);
    // A downgrade would let anyone on the path swap the video: an https link stays https.
    if (url.protocol === 'https:' && next.protocol !== 'https:') {
      throw new DownloadError('bad-url', say('download.downgraded'));
    }
    url = next;
  }
}

/** One GET of a small file through Node's http client; see `getFollowingRedirects`. */
export function requestMedia(
  rawUrl: string,
  opts: MediaGetOptions & { access?: MediaAccess },
): Promise<MediaResponse> {
  const access = opts.access ?? defaultMediaAccess();
  return getFollowingRedirects(rawUrl, opts, {
    send: async (url, headers) => {
      const message = await sendMediaRequest(access, url, headers, opts.signal);
      return {
        status: message.statusCode ?? 0,
        headers: headerReader(message.headers),
        body: message,
      };
    },
    location: (answer) => answer.body.headers.location,
    discard: (answer) => answer.body.destroy(),
  });
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

/** A validator fit for If-Range: a strong ETag, else Last-Modified (weak ETags are refused). */
export function rangeValidator(headers: HeaderReader): string | null {
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) return etag;
  return headers.get('last-modified');
}

/** Content-Length as a number, or null when absent or not a plain integer. */
export function contentLength(headers: HeaderReader): number | null {
  const raw = headers.get('content-length');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/** Retry-After in ms (seconds or an HTTP date), capped; null when absent or unreadable. */
export function retryAfterMs(
  headers: HeaderReader,
  capMs: number,
  now = Date.now(),
): number | null {
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(0, seconds), capMs);
}
