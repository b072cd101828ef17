// Serves the built renderer over http://127.0.0.1 (the app serves it from app://, which only
// Electron has). Only files under the root; nothing is listed. Every answer carries the CSP
// that main sends from app://, from the same module, as a real response header.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/window/security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface StaticServer {
  /** Origin with no trailing slash, e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

/** main's app:// handler (createSchemeHandler over the real route table). */
export type AppSchemeHandler = (request: Request) => Promise<Response>;

/** /app/<host>/<rest> → app://<host>/<rest>, answered by main's real handler, status, headers
 * (Range, CSP) and body as they come. The page asks here when not served from app:// (see
 * renderer/src/lib/app-url.ts). */
async function delegate(
  handler: AppSchemeHandler,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
): Promise<void> {
  const headers = new Headers();
  if (req.headers.range) headers.set('range', req.headers.range);
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const answer = await handler(
    new Request(`app://${rest}`, { method: req.method, headers, signal: controller.signal }),
  );
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) {
    res.end();
    return;
  }
  Readable.fromWeb(answer.body as WebReadableStream)
    .on('error', () => res.destroy())
    .pipe(res);
}

export async function serveStatic(
  root: string,
  options: { app?: () => AppSchemeHandler | null } = {},
): Promise<StaticServer> {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = new URL(req.url ?? '/', 'http://x').pathname;
      const app = raw.startsWith('/app/') ? options.app?.() : null;
      if (app) {
        await delegate(app, req, res, raw.slice('/app/'.length)).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy();
        });
        return;
      }
      const path = decodeURIComponent(raw);
      const file = normalize(join(base, path === '/' ? 'index.html' : path));
      const info = file.startsWith(base) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
