// Backpressure for real: behind a disk slower than the network, the socket is paused, so the
// server cannot hand over much more than the two batches (plus the kernel's socket buffers).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { BATCH_BYTES, writeBody } from './body-writer';
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
