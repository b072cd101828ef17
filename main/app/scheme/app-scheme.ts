// The app's own scheme, app://, served by main through Electron's protocol.handle. Each host
// is a route: app://renderer/ is the built renderer today, and app://poster/... or
// app://video/... can be added as entries of the same table later. Electron-free, so the
// routing and every response can be tested in plain Node with the global Request/Response.
import { contentSecurityPolicy } from './csp';

export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';
/** Where the window loads the renderer from. */
export const RENDERER_URL = `${APP_SCHEME}://${RENDERER_HOST}/index.html`;

/** One route: answers GET/HEAD requests for its host. `path` is the decoded URL path. */
export type RouteHandler = (request: {
  url: URL;
  path: string;
  /** The request's headers (Range), when the caller has them. */
  headers?: Headers;
  /** Aborted when the page drops the request (a video scrolled away). */
  signal?: AbortSignal;
}) => Promise<Response> | Response;

export interface Route {
  handle: RouteHandler;
  /** What the page may embed from this route (adds app://<host> to img-src / media-src). */
  serves?: 'img' | 'media';
}

export type RouteTable = Readonly<Record<string, Route>>;

/** The CSP for pages served from `routes`: 'self' plus the routes that serve images/media. */
export function cspFor(routes: RouteTable): string {
  const origins = (kind: 'img' | 'media') =>
    Object.entries(routes)
      .filter(([, route]) => route.serves === kind)
      .map(([host]) => `${APP_SCHEME}://${host}`);
  return contentSecurityPolicy({ img: origins('img'), media: origins('media') });
}

/** Headers every answer of ours carries: the CSP as a real header, and no MIME sniffing. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The protocol.handle handler for app://, dispatching on the host through `routes`. */
export function createSchemeHandler(routes: RouteTable): (request: Request) => Promise<Response> {
  const csp = cspFor(routes);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request', csp);
    }
    if (url.protocol !== `${APP_SCHEME}:`) return plain(400, 'Bad request', csp);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', csp);
    }
    const route = Object.hasOwn(routes, url.host) ? routes[url.host] : undefined;
    if (!route) return plain(404, 'Not found', csp);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad request', csp);
    }
    try {
      const answer = await route.handle({
        url,
        path,
        headers: request.headers,
        signal: request.signal,
      });
      const headers = new Headers(answer.headers);
      const own = answer.headers.get('cache-control');
      for (const [name, value] of Object.entries(securityHeaders(csp))) headers.set(name, value);
      // A route may let its answers be cached (posters); everything else is no-store.
      if (own) headers.set('Cache-Control', own);
      const body = request.method === 'HEAD' ? null : answer.body;
      return new Response(body, { status: answer.status, headers });
    } catch {
      return plain(500, 'Internal error', csp);
    }
  };
}
