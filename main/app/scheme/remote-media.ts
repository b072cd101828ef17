// Streams a result video that is not downloaded yet, for app://video: main fetches it (its
// HTTP client knows the user's proxy; the page may not reach the CDN at all) and passes the
// server's answer on, Range included, so the page can seek before the file is saved.
import { Readable } from 'node:stream';
import { requestMedia } from '../../core/download/media-request';
import type { MediaAccess } from '../../core/http/media-access';
import type { RemoteMedia } from './media-routes';

const PASSED = ['content-type', 'content-length', 'content-range', 'accept-ranges'];

export function createRemoteMedia(
  opts: {
    maxRedirects?: number;
    /** The network layer and host guard of the moment (Settings -> Network, the gateway);
     * default: proxy variables, unguarded (tests). */
    access?: () => MediaAccess | undefined;
  } = {},
): RemoteMedia {
  return async (url, range, signal) => {
    // Media elements ask "bytes=N-"; the start is what the client forwards.
    const start = Number(/^bytes=(\d+)-/i.exec(range ?? '')?.[1] ?? 0);
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const access = opts.access?.();
      const answer = await requestMedia(url, {
        ...(access ? { access } : {}),
        rangeStart: start,
        signal: controller.signal,
        maxRedirects: opts.maxRedirects ?? 5,
      });
      const headers = new Headers();
      for (const name of PASSED) {
        const value = answer.headers.get(name);
        if (value) headers.set(name, value);
      }
      const ok = answer.status === 200 || answer.status === 206 || answer.status === 416;
      if (!ok || !(headers.get('content-type') ?? '').startsWith('video/')) {
        answer.body.destroy();
        return new Response('Not found', { status: 404 });
      }
      const body = Readable.toWeb(answer.body) as ReadableStream<Uint8Array>;
      return new Response(answer.status === 416 ? null : body, {
        status: answer.status,
        headers,
      });
    } catch {
      return new Response('The video server could not be reached.', { status: 502 });
    }
  };
}
