// A route that serves the files of one folder (the built renderer), read from disk (or the
// app's asar archive: Electron's fs reads inside it). Only files under the folder: '..',
// absolute paths, NUL bytes and folders are refused; nothing is listed.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { RouteHandler } from './app-scheme';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function serveDir(root: string, index = 'index.html'): RouteHandler {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return async ({ path }) => {
    const relative = path === '/' || path === '' ? index : path.replace(/^\/+/, '');
    if (relative.includes('\0')) return new Response('Not found', { status: 404 });
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) return new Response('Not found', { status: 404 });
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      status: 200,
      headers: { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' },
    });
  };
}
