// app:// as Electron's protocol.handle would call it, in plain Node with the global
// Request/Response: the route table, the renderer's files from a real folder, the CSP as a
// response header on every answer, and nothing outside the folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../window/security';
import { APP_CSP, appRoutes } from './app-routes';
import { createSchemeHandler, cspFor, RENDERER_URL } from './app-scheme';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-scheme-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>ours</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'not for the page');
  handler = createSchemeHandler(appRoutes({ rendererDir: join(dir, 'renderer') }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// scheme', () => {
  it('serves the renderer page and its assets with their types and the CSP header', async () => {
    const page = await get(RENDERER_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>ours</title>');
    const script = await get('app://renderer/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
    expect((await get('app://renderer/')).status).toBe(200);
  });

  it('answers nothing outside the renderer folder, however the path is spelled', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/%2e%2e%5csecret.txt',
      'app://renderer/assets',
      'app://renderer/missing.js',
      'app://renderer/index.html%00.js',
    ]) {
      const answer = await get(url);
      expect([400, 404], url).toContain(answer.status);
      expect(await answer.text()).not.toContain('not for the page');
      // Even a refusal carries the policy.
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('routes by host: unknown hosts are 404, writes are 405, HEAD has no body', async () => {
    expect((await get('app://poster/x.jpg')).status).toBe(404);
    expect((await get('app://renderer.evil/index.html')).status).toBe(404);
    expect((await get(RENDERER_URL, 'POST')).status).toBe(405);
    const head = await get(RENDERER_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('a route that fails answers 500, not a crash', async () => {
    const failing = createSchemeHandler({
      renderer: {
        handle: () => {
          throw new Error('disk gone');
        },
      },
    });
    const answer = await failing(new Request(RENDERER_URL));
    expect(answer.status).toBe(500);
  });

  it('images and media only from the app itself; each route widens exactly its own', () => {
    expect(APP_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' app://poster data:;");
    expect(CONTENT_SECURITY_POLICY).toContain("media-src 'self' app://video;");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https:|file:|http:|\*|unsafe-/);
    const ok = () => new Response('');
    const withRoutes = cspFor({
      renderer: { handle: ok },
      poster: { handle: ok, serves: 'img' },
      video: { handle: ok, serves: 'media' },
    });
    expect(withRoutes).toContain("img-src 'self' app://poster data:;");
    expect(withRoutes).toContain("media-src 'self' app://video;");
  });
});
