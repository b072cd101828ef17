// The media GET (Node's client through the HTTP layer) against real local servers: https (the
// CDN's scheme), chunked framing split across reads, and a body that ends early.
import { once } from 'node:events';
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_BYTES, writeBody } from './body-writer';
import type { WritableFile } from './fs-port';
import { openMediaStream, type MediaBody } from './media-stream';

// A self-signed certificate for 127.0.0.1, made for this test only (valid until 2125).
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgvgv8u2mUM38ncpfk
Dlt24StPPK1PinSzL97FkJNj56ihRANCAATa0lD9n/M5O4LuObMX+A2YwSPawXbC
G7jHDJS103cHVfJ+XSTPDbqo6DlA3KaJl8mEvWDYGOveQJ3eFuv1mgwd
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUfJEo69cIEDTi9NbFNZ2CvxlZzAQwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTAwMjcxNFoYDzIxMjYxMTA1
MDAyNzE0WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATa0lD9n/M5O4LuObMX+A2YwSPawXbCG7jHDJS103cHVfJ+XSTPDbqo
6DlA3KaJl8mEvWDYGOveQJ3eFuv1mgwdo2QwYjAdBgNVHQ4EFgQUzJ+RrSDm9RPK
040m7wPBljSykEMwHwYDVR0jBBgwFoAUzJ+RrSDm9RPK040m7wPBljSykEMwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
ICoLhpQBoMKPIc6+upz1eHtbLz2Xsxf2iK6CBMuR5T8pAiEAvjo4KnPFo8yDAPKO
1oi7BdAN47bDj3YJE1rFVsjUFOw=
-----END CERTIFICATE-----`;

const BODY = Buffer.from(
  Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 31 + (i >> 9)) & 0xff),
);

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function listen(s: Server, scheme: 'http' | 'https'): Promise<string> {
  server = s;
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  return `${scheme}://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** Collects what writeBody writes, checking there is never more than one write at a time. */
function memoryFile() {
  const parts: Buffer[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let maxWrite = 0;
  const file: WritableFile = {
    async write(chunk) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      maxWrite = Math.max(maxWrite, chunk.byteLength);
      // The buffer is reused once the write resolves: keep a copy, as the disk would.
      parts.push(Buffer.from(chunk));
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
    },
    sync: async () => undefined,
    close: async () => undefined,
  };
  return { file, bytes: () => Buffer.concat(parts), stats: () => ({ maxInFlight, maxWrite }) };
}

function save(body: MediaBody, file: WritableFile) {
  return writeBody(body, file, {
    idleTimeoutMs: 3000,
    onIdle: () => undefined,
    onWritten: () => undefined,
  });
}

/** Sends the body in uneven pieces so chunk headers and data straddle socket reads. */
function sendChunked(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'video/mp4' });
  let at = 0;
  let step = 1;
  while (at < BODY.byteLength) {
    const n = Math.min(BODY.byteLength - at, step);
    res.write(BODY.subarray(at, at + n));
    at += n;
    step = (step * 7 + 3) % 300_000 || 1;
  }
  res.end();
}

describe('openMediaStream', () => {
  it('downloads over https with a Content-Length, one bounded write at a time', async () => {
    const base = await listen(
      createHttpsServer({ key: KEY, cert: CERT }, (req, res) => {
        res.writeHead(200, { 'content-length': String(BODY.byteLength) }).end(BODY);
      }),
      'https',
    );
    const signal = new AbortController().signal;
    const response = await openMediaStream(`${base}/v.mp4`, {
      rangeStart: 0,
      signal,
      maxRedirects: 2,
      ca: CERT,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(BODY.byteLength));
    const sink = memoryFile();
    expect(await save(response.body, sink.file)).toBe(BODY.byteLength);
    expect(sink.bytes().equals(BODY)).toBe(true);
    expect(response.body.complete).toBe(true);
    expect(sink.stats().maxInFlight).toBe(1);
    expect(sink.stats().maxWrite).toBeLessThanOrEqual(BATCH_BYTES);
  });

  it('refuses an https server whose certificate is not trusted', async () => {
    const base = await listen(
      createHttpsServer({ key: KEY, cert: CERT }, (req, res) => res.end('x')),
      'https',
    );
    const signal = new AbortController().signal;
    await expect(
      openMediaStream(`${base}/v.mp4`, { rangeStart: 0, signal, maxRedirects: 2 }),
    ).rejects.toThrow(/self.signed|certificate/i);
  });

  it('reassembles a chunked body over https and over http', async () => {
    for (const scheme of ['https', 'http'] as const) {
      const base = await listen(
        scheme === 'https'
          ? createHttpsServer({ key: KEY, cert: CERT }, (req, res) => sendChunked(res))
          : createHttpServer((req, res) => sendChunked(res)),
        scheme,
      );
      const signal = new AbortController().signal;
      const response = await openMediaStream(`${base}/v.mp4`, {
        rangeStart: 0,
        signal,
        maxRedirects: 2,
        ca: CERT,
      });
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const sink = memoryFile();
      expect(await save(response.body, sink.file)).toBe(BODY.byteLength);
      expect(sink.bytes().equals(BODY)).toBe(true);
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
      server = null;
    }
  });

  it('writes what arrived before reporting a body cut short', async () => {
    const base = await listen(
      createHttpServer((req, res) => {
        res.writeHead(200, { 'content-length': String(BODY.byteLength) });
        res.write(BODY.subarray(0, 100_000), () => res.destroy());
      }),
      'http',
    );
    const signal = new AbortController().signal;
    const response = await openMediaStream(`${base}/v.mp4`, {
      rangeStart: 0,
      signal,
      maxRedirects: 2,
    });
    const sink = memoryFile();
    await expect(save(response.body, sink.file)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sink.bytes().equals(BODY.subarray(0, 100_000))).toBe(true);
    expect(response.body.complete).toBe(false);
  });
});
