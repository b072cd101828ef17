// The client's transport against small local servers: what fake-server faults do not cover
// (an endless answer, repeated headers), and that the client never loads fetch's undici.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { caughtApiError } from '../../../test/support/caught-api-error';
import { collectOutput } from '../../../test/support/collect-output';
import { MAX_ANSWER_BYTES, createPikaClient } from './client';
import { sendHttp } from './http-send';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('sendHttp', () => {
  it('refuses an answer past the limit without reading on, and drops the connection', async () => {
    let sent = 0;
    let closed = false;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = (): void => {
        // Endless: only the client closing the connection stops it.
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', more);
      };
      res.on('close', () => (closed = true));
      more();
    });
    const client = createPikaClient({ baseUrl: url, getToken: () => 'sk-test-token' });
    const err = await caughtApiError(client.getTask('task-endless'));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain(`larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    await expect.poll(() => closed).toBe(true);
    // The server got ahead by what the socket buffers hold, not by the whole body.
    expect(sent).toBeLessThan(MAX_ANSWER_BYTES + 16 * 1024 * 1024);
  });

  it('an abort after the headers ends a trickling answer at once', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id":'); // and nothing more
    });
    const controller = new AbortController();
    let headers = false;
    const pending = sendHttp(new URL(url), {
      method: 'GET',
      headers: {},
      signal: controller.signal,
      maxBytes: 1024,
      onHeaders: () => (headers = true),
    });
    await expect.poll(() => headers).toBe(true);
    controller.abort();
    const started = Date.now();
    await expect(pending).rejects.toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('joins repeated headers and reads names in any case', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('X-Note', ['one', 'two']);
      res.setHeader('Retry-After', '7');
      res.end('{}');
    });
    const answer = await sendHttp(new URL(url), {
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      maxBytes: 1024,
    });
    expect(answer.headers.get('x-note')).toBe('one, two');
    expect(answer.headers.get('RETRY-AFTER')).toBe('7');
    expect(answer.headers.get('missing')).toBeNull();
    expect(answer.text).toBe('{}');
  });

  it('sends a POST body with its length in bytes', async () => {
    let seen = '';
    let length = '';
    const url = await serve((req, res) => {
      length = req.headers['content-length'] ?? '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (seen += d));
      req.on('end', () => res.end('{"id":"task-1234"}'));
    });
    const answer = await sendHttp(new URL(url), {
      method: 'POST',
      headers: {},
      body: '{"promptText":"café"}',
      signal: new AbortController().signal,
      maxBytes: 1024,
    });
    expect(seen).toBe('{"promptText":"café"}');
    expect(length).toBe(String(Buffer.byteLength(seen)));
    expect(answer.status).toBe(200);
  });
});

describe('the client in a fresh process', () => {
  it('generates, polls, gets a poster and downloads without loading undici (fetch)', async () => {
    const script = fileURLToPath(new URL('./http-send.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, stdout, stderr } = await collectOutput(child, { name: 'client fixture' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      created: boolean;
      state: string;
      posterStatus: number;
      savedBytes: number;
      undici: string[];
    };
    expect(report).toMatchObject({ created: true, state: 'finished', posterStatus: 200 });
    expect(report.savedBytes).toBeGreaterThan(0);
    // Its first load costs ~30 ms on every start of the app.
    expect(report.undici).toEqual([]);
  });
});
