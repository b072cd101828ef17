// Node's own parser (llhttp, strict) under the downloader: malformed answers that the old
// hand-written parser took for a finished video are refused, and a server that sends a whole
// body and closes (`Connection: close`) while a slow disk holds the body paused ends the
// download normally instead of crashing the process (undici 7's `assert(!this.paused)`).
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError } from './download-error';
import { downloadVideo } from './download-video';
import { nodeFs, type DownloadFs } from './fs-port';

let server: Server | null = null;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-strict-'));
});
afterEach(async () => {
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

/** A raw TCP server that answers every request with exactly `answer`, then closes. */
async function rawServer(answer: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => answer(socket));
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v.mp4`;
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    sockets.forEach((s) => s.destroy());
    return close(cb);
  }) as Server['close'];
  return url;
}

const video = (url: string) => ({ taskId: 't', videoId: 'v', url, prompt: 'strict', seed: null });

describe('malformed answers are refused, never saved as a video', () => {
  const body = '0123456789';
  const cases: [string, string][] = [
    [
      'a folded header line',
      `HTTP/1.1 200 OK\r\nContent-Length: 10\r\nX-Note: a\r\n folded\r\n\r\n${body}`,
    ],
    ['a space before the colon', `HTTP/1.1 200 OK\r\nContent-Length : 10\r\n\r\n${body}`],
    [
      'two different Content-Length values',
      `HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Length: 4\r\n\r\n${body}`,
    ],
    [
      'Content-Length with chunked',
      `HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\na\r\n${body}\r\n0\r\n\r\n`,
    ],
    [
      'a chunk size of 24 hex digits (past 64 bits)',
      `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n${body}\r\n0\r\n\r\n`,
    ],
  ];
  for (const [what, answer] of cases) {
    it(what, async () => {
      const url = await rawServer((socket) => socket.end(answer));
      let error: unknown;
      try {
        await downloadVideo(video(url), { dir, retries: 0 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).kind).toBe('network');
      expect((await readdir(dir)).filter((n) => n.endsWith('.mp4'))).toEqual([]);
    });
  }
});

it('a Connection: close server with a slow disk finishes the download, no crash', async () => {
  const size = 12 * 1024 * 1024;
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  const url = await rawServer((socket) => {
    socket.write(
      `HTTP/1.1 200 OK\r\nContent-Length: ${size}\r\nContent-Type: video/mp4\r\nConnection: close\r\n\r\n`,
    );
    // All of it, then FIN: the close arrives while the reader is paused behind the disk.
    socket.end(bytes);
  });
  let writes = 0;
  const slowFs: DownloadFs = {
    ...nodeFs,
    async openForWrite(path, mode) {
      const file = await nodeFs.openForWrite(path, mode);
      return {
        ...file,
        async write(chunk) {
          writes++;
          await new Promise((resolve) => setTimeout(resolve, 40));
          await file.write(chunk);
        },
        sync: () => file.sync(),
        close: () => file.close(),
      };
    },
  };
  const result = await downloadVideo(video(url), { dir, fs: slowFs, retries: 0 });
  expect(result.bytes).toBe(size);
  expect((await readFile(result.path)).equals(bytes)).toBe(true);
  expect(writes).toBeGreaterThanOrEqual(size / (1024 * 1024));
});
