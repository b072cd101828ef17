// The HTTP client follows the base URL setting: a new client is made when the URL changes,
// so the tracker and the handlers always talk to the gateway the user chose. Each client
// asks for the token for its own base URL, so a token bound to one origin is never
// attached to a request for another.
import { createPikaClient, type PikaClient } from '../core/api/client';
import type { HttpLayer } from '../core/http/http-layer';
import type { PikaClientPort } from './services';

export function createSwitchingClient(options: {
  baseUrl(): string;
  /** The token for this base URL (null when the saved one is bound elsewhere). */
  getToken(baseUrl: string): string | null;
  timeoutMs?: number;
  /** The app's layer, which follows Settings -> Network by itself (no new client needed). */
  http?: HttpLayer;
}): PikaClientPort {
  let current: { url: string; client: PikaClient } | null = null;
  const client = (): PikaClient => {
    const url = options.baseUrl();
    if (current?.url !== url) {
      const made = createPikaClient({
        baseUrl: url,
        getToken: () => options.getToken(url),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.http ? { http: options.http } : {}),
      });
      current = { url, client: made };
    }
    return current.client;
  };
  return {
    getTask: (taskId, opts) => client().getTask(taskId, opts),
    generate: (request, opts) => client().generate(request, opts),
    getRoute: (path, opts) => client().getRoute(path, opts),
  };
}
