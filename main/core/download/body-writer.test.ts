// Against real loopback servers: behind a disk slower than the network the socket is paused,
// so the server cannot hand over much more than the batches (plus the kernel's socket
// buffers); on a fast network the disk gets whole batches, not one write per socket read; on
// a slow one each byte still reaches the disk within FLUSH_AFTER_MS.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { BATCH_BYTES, FLUSH_AFTER_MS, writeBody } from './body-writer';
import type { WritableFile } from './fs-port';
import { openMediaStream } from './media-stream';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
});

it('pauses the socket while the disk is behind: one write in flight, batches bounded', async () => {
  const size = 48 * 1024 * 1024;
  const piece = Buffer.alloc(256 * 1024, 7);
  let handedToKernel = 0;
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-length': String(size) });
    const pump = () => {
      while (handedToKernel < size) {
        handedToKernel += piece.byteLength;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v.mp4`;

  let written = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let maxWrite = 0;
  let maxAhead = 0;
  const response = await openMediaStream(url, {
    rangeStart: 0,
    signal: new AbortController().signal,
    maxRedirects: 0,
  });
  const total = await writeBody(
    response.body,
    {
      async write(chunk) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        maxWrite = Math.max(maxWrite, chunk.byteLength);
        maxAhead = Math.max(maxAhead, handedToKernel - written);
        // A disk far slower than loopback: a reader that never paused would take it all.
        await new Promise((resolve) => setTimeout(resolve, 3));
        written += chunk.byteLength;
        inFlight--;
      },
      sync: async () => undefined,
      close: async () => undefined,
    },
    { idleTimeoutMs: 3000, onIdle: () => undefined, onWritten: () => undefined },
  );
  expect(total).toBe(size);
  expect(written).toBe(size);
  expect(maxInFlight).toBe(1);
  expect(maxWrite).toBeLessThanOrEqual(BATCH_BYTES);
  // Two batches plus the socket buffers of both ends (a few MB on loopback), never the file.
  expect(maxAhead).toBeLessThan(16 * 1024 * 1024);
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v.mp4`;
}

/** Records each write's size and when it started; the disk itself is instant. */
function recordingFile() {
  const writes: { bytes: number; at: number }[] = [];
  const file: WritableFile = {
    async write(chunk) {
      writes.push({ bytes: chunk.byteLength, at: performance.now() });
    },
    sync: async () => undefined,
    close: async () => undefined,
  };
  return { file, writes };
}

async function save(url: string, file: WritableFile): Promise<number> {
  const response = await openMediaStream(url, {
    rangeStart: 0,
    signal: new AbortController().signal,
    maxRedirects: 0,
  });
  return writeBody(response.body, file, {
    idleTimeoutMs: 5000,
    onIdle: () => undefined,
    onWritten: () => undefined,
  });
}

it('writes whole batches when the network is fast, not one write per socket read', async () => {
  const size = 32 * 1024 * 1024 + 5;
  const piece = Buffer.alloc(64 * 1024, 3);
  const url = await serve((req, res) => {
    res.writeHead(200, { 'content-length': String(size) });
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(piece.byteLength, size - sent);
        sent += n;
        if (!res.write(n === piece.byteLength ? piece : piece.subarray(0, n)))
          return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  const { file, writes } = recordingFile();
  expect(await save(url, file)).toBe(size);
  expect(writes.reduce((sum, w) => sum + w.bytes, 0)).toBe(size);
  // A batch counts as full within 64 KB of its end; only the last write may be short.
  const short = writes.slice(0, -1).filter((w) => w.bytes < BATCH_BYTES - 64 * 1024);
  expect(short).toEqual([]);
  expect(writes.length).toBeLessThanOrEqual(Math.ceil(size / (BATCH_BYTES - 64 * 1024)));
});

it('writes a trickling body within FLUSH_AFTER_MS of its bytes arriving', async () => {
  const piece = Buffer.alloc(4 * 1024, 9);
  const pieces = 40;
  const sentAt: number[] = [];
  const url = await serve((req, res) => {
    res.writeHead(200, { 'content-length': String(piece.byteLength * pieces) });
    let n = 0;
    const timer = setInterval(() => {
      sentAt.push(performance.now());
      res.write(piece);
      if (++n === pieces) {
        clearInterval(timer);
        res.end();
      }
    }, 15);
  });
  const { file, writes } = recordingFile();
  expect(await save(url, file)).toBe(piece.byteLength * pieces);
  // 160 KB over ~600 ms: several writes, not one at the end, and none for every piece.
  expect(writes.length).toBeGreaterThanOrEqual(4);
  expect(writes.length).toBeLessThan(pieces / 2);
  // Every piece is handed to the file no later than FLUSH_AFTER_MS after it was sent (with
  // room for a loaded machine's late timers), not held until the batch fills or the body ends.
  const handedUpTo: number[] = [];
  let sum = 0;
  for (const w of writes) handedUpTo.push((sum += w.bytes));
  for (const [i, at] of sentAt.entries()) {
    const covering = handedUpTo.findIndex((bytes) => bytes >= (i + 1) * piece.byteLength);
    expect((writes[covering]?.at ?? Infinity) - at).toBeLessThan(FLUSH_AFTER_MS + 150);
  }
});
