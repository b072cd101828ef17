// The HTTP layer against real components: the fake Pika server over https with a CA made in
// the test, named api.pika.test and cdn.pika.test, names that resolve only through a real
// CONNECT proxy on 127.0.0.1. Reaching them at all proves the proxy carried the request.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { startConnectProxy, type TestProxy } from '../../../test/support/connect-proxy';
import { startSocks5Proxy } from '../../../test/support/socks5-proxy';
import { createTestCa, type TestCa } from '../../../test/support/test-ca';
import { createPikaClient } from '../api/client';
import { PikaApiError } from '../api/errors';
import { downloadVideo } from '../download/download-video';
import { DownloadError } from '../download/download-error';
import { requestMedia } from '../download/media-request';
import { createHttpLayer, type HttpLayer } from './http-layer';
import { mediaAccessFor } from './media-access';

let ca: TestCa;
let leaf: { key: string; cert: string };
let fake: FakePika;
let fakePort: number;
let proxy: TestProxy;
let dir: string;
const layers: HttpLayer[] = [];

function layer(...args: Parameters<typeof createHttpLayer>): HttpLayer {
  const made = createHttpLayer(args[0], { ca: ca.cert, ...args[1] });
  layers.push(made);
  return made;
}

async function caught<T>(promise: Promise<T>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  ca = createTestCa();
  leaf = ca.issue([
    'api.pika.test',
    'cdn.pika.test',
    'cdn2.pika.test',
    'cdn3.pika.test',
    'localhost',
    '127.0.0.1',
  ]);
  fake = await startFakePika({ tls: leaf, mediaBase: 'https://cdn.pika.test' });
  fakePort = Number(new URL(fake.url).port);
  proxy = await startConnectProxy({
    hosts: { 'api.pika.test': fakePort, 'cdn.pika.test': fakePort },
  });
}, 30_000);
afterAll(async () => {
  await proxy.close();
  await fake.close();
});
beforeEach(async () => {
  fake.clearFaults();
  proxy.seen.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'pika-net-'));
});
afterEach(async () => {
  for (const made of layers.splice(0)) made.close();
  await rm(dir, { recursive: true, force: true });
});

function finishedTask(mediaBytes?: number) {
  return fake.addTask({ queuedMs: 0, runMs: 0, ...(mediaBytes ? { mediaBytes } : {}) });
}

describe('through a proxy', () => {
  it('the API client reads the feed of api.pika.test only through the proxy', async () => {
    const id = finishedTask();
    const http = layer({ mode: 'manual', proxyUrl: proxy.url });
    const client = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http,
    });
    const task = await client.getTask(id);
    expect(task.state).toBe('finished');
    expect(task.videos[0]?.resultUrl).toMatch(/^https:\/\/cdn\.pika\.test\//);
    expect(proxy.seen).toContain('api.pika.test:443');

    // Without the proxy the name does not resolve: the answer above came through it.
    const direct = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http: layer({ mode: 'direct' }),
    });
    const error = await caught(direct.getTask(id));
    expect(error).toBeInstanceOf(PikaApiError);
    expect((error as PikaApiError).message).toMatch(/DNS lookup failed/);
  });

  it('downloads a video from cdn.pika.test through the proxy, resuming after a reset', async () => {
    const id = finishedTask(3 * 1024 * 1024);
    const http = layer({ mode: 'manual', proxyUrl: proxy.url });
    const client = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http,
    });
    const video = (await client.getTask(id)).videos[0]!;
    fake.fault({ kind: 'media-reset', afterBytes: 1024 * 1024, count: 1 });
    const result = await downloadVideo(
      { taskId: id, videoId: video.id, url: video.resultUrl!, prompt: 'proxied', seed: null },
      { dir, access: mediaAccessFor(http, client.baseUrl), backoff: { baseMs: 5, maxMs: 10 } },
    );
    // Buffer.equals: vitest's deep equality walks 3 MB byte by byte.
    expect((await readFile(result.path)).equals(fake.mediaBytes(video.id))).toBe(true);
    const media = fake.requests.filter((r) => r.path.includes('/cdn/'));
    expect(media.length).toBeGreaterThanOrEqual(2);
    expect(media.at(-1)?.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(proxy.seen.filter((h) => h === 'cdn.pika.test:443').length).toBeGreaterThanOrEqual(2);
  });

  it('fetches a poster (the poster cache path) from cdn.pika.test through the proxy', async () => {
    const id = finishedTask();
    const http = layer({ mode: 'manual', proxyUrl: proxy.url });
    const client = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http,
    });
    const video = (await client.getTask(id)).videos[0]!;
    const answer = await requestMedia(video.imageThumb!, {
      rangeStart: 0,
      signal: new AbortController().signal,
      maxRedirects: 5,
      access: mediaAccessFor(http, client.baseUrl),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^image\//);
    answer.body.destroy();
    expect(proxy.seen).toContain('cdn.pika.test:443');
  });

  it('reads HTTPS_PROXY and NO_PROXY in either case, as curl does', async () => {
    const id = finishedTask();
    for (const env of [
      { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost' },
      { https_proxy: proxy.url, no_proxy: '.localhost,example.com' },
    ]) {
      proxy.seen.length = 0;
      const http = layer({ mode: 'env' }, { env });
      const proxied = createPikaClient({
        baseUrl: 'https://api.pika.test',
        getToken: () => fake.token,
        http,
      });
      expect((await proxied.getTask(id)).id).toBe(id);
      expect(proxy.seen).toEqual(['api.pika.test:443']);
      // NO_PROXY: localhost is reached directly; the proxy never hears of it.
      const direct = createPikaClient({
        baseUrl: `https://localhost:${fakePort}`,
        getToken: () => fake.token,
        http,
      });
      expect((await direct.getTask(id)).id).toBe(id);
      expect(proxy.seen).toEqual(['api.pika.test:443']);
    }
  });
});

describe('the token', () => {
  it('goes to the gateway only: never to the CDN nor to a redirect target', async () => {
    const seen: { path: string; authorization: string | undefined }[] = [];
    const body = Buffer.alloc(64 * 1024, 1);
    const cdn = createHttpsServer(leaf, (req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (req.url === '/first.mp4') res.writeHead(302, { Location: '/second.mp4' }).end();
      else res.writeHead(200, { 'Content-Length': body.byteLength }).end(body);
    });
    cdn.listen(0, '127.0.0.1');
    await once(cdn, 'listening');
    const viaProxy = await startConnectProxy({
      hosts: { 'api.pika.test': fakePort, 'cdn3.pika.test': (cdn.address() as AddressInfo).port },
    });
    try {
      const http = layer({ mode: 'manual', proxyUrl: viaProxy.url });
      const client = createPikaClient({
        baseUrl: 'https://api.pika.test',
        getToken: () => fake.token,
        http,
      });
      // The gateway accepted the token (the fake refuses requests without it).
      expect((await client.getTask(finishedTask())).state).toBe('finished');
      const saved = await downloadVideo(
        {
          taskId: 't',
          videoId: 'v',
          url: 'https://cdn3.pika.test/first.mp4',
          prompt: 'p',
          seed: null,
        },
        { dir, access: mediaAccessFor(http, client.baseUrl) },
      );
      expect(saved.bytes).toBe(body.byteLength);
      expect(seen.map((r) => r.path)).toEqual(['/first.mp4', '/second.mp4']);
      expect(seen.every((r) => r.authorization === undefined)).toBe(true);
    } finally {
      await viaProxy.close();
      cdn.closeAllConnections();
      await new Promise((resolve) => cdn.close(resolve));
    }
  });
});

describe('a resolver per URL (what the app feeds from Chromium)', () => {
  it('asks per URL, may answer later, and goes direct on null', async () => {
    const id = finishedTask();
    const asked: string[] = [];
    const http = layer({
      mode: 'resolver',
      resolve: async (url) => {
        asked.push(url.host);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return url.hostname.endsWith('.pika.test') ? proxy.url : null;
      },
    });
    const viaProxy = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http,
    });
    expect((await viaProxy.getTask(id)).id).toBe(id);
    const direct = createPikaClient({
      baseUrl: `https://localhost:${fakePort}`,
      getToken: () => fake.token,
      http,
    });
    expect((await direct.getTask(id)).id).toBe(id);
    expect(proxy.seen).toEqual(['api.pika.test:443']);
    expect(asked).toEqual(['api.pika.test', `localhost:${fakePort}`]);
    expect(await http.proxyFor(new URL('https://cdn.pika.test/x'))).toBe(`${proxy.url}/`);
  });

  it('an answer that is not a usable proxy fails the request with a clear message', async () => {
    const http = layer({ mode: 'resolver', resolve: async () => 'ftp://nope:21' });
    const client = createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http,
    });
    const error = (await caught(client.getTask(finishedTask()))) as PikaApiError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/Proxies of type ftp:\/\/ are not supported/);
  });
});

describe('through a SOCKS5 proxy (Clash also offers one)', () => {
  it('reads the feed and downloads, the proxy resolving the names (socks5h)', async () => {
    const socks = await startSocks5Proxy({ 'api.pika.test': fakePort, 'cdn.pika.test': fakePort });
    try {
      const id = finishedTask();
      const http = layer({ mode: 'manual', proxyUrl: socks.url });
      const client = createPikaClient({
        baseUrl: 'https://api.pika.test',
        getToken: () => fake.token,
        http,
      });
      const video = (await client.getTask(id)).videos[0]!;
      const saved = await downloadVideo(
        { taskId: id, videoId: video.id, url: video.resultUrl!, prompt: 'socks', seed: null },
        { dir, access: mediaAccessFor(http, client.baseUrl) },
      );
      expect((await readFile(saved.path)).equals(fake.mediaBytes(video.id))).toBe(true);
      expect(socks.seen).toEqual(['api.pika.test:443', 'cdn.pika.test:443']);
      // A host the SOCKS proxy cannot reach is reported as such.
      const error = (await caught(
        createPikaClient({
          baseUrl: 'https://nowhere.pika.test',
          getToken: () => fake.token,
          http,
        }).getTask(id),
      )) as PikaApiError;
      expect(error.proxy).toBe(socks.url);
      expect(error.message).toContain(`The proxy ${socks.url} could not reach nowhere.pika.test`);
    } finally {
      await socks.close();
    }
  });
});

describe('proxy failures say so and name the proxy', () => {
  const client = (proxyUrl: string) =>
    createPikaClient({
      baseUrl: 'https://api.pika.test',
      getToken: () => fake.token,
      http: layer({ mode: 'manual', proxyUrl }),
    });

  it('a proxy that refuses connections', async () => {
    const closed = await startConnectProxy({ hosts: {} });
    await closed.close();
    const error = (await caught(client(closed.url).getTask(finishedTask()))) as PikaApiError;
    expect(error).toBeInstanceOf(PikaApiError);
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.proxy).toBe(closed.url);
    expect(error.message).toContain(`The proxy ${closed.url} could not be reached (ECONNREFUSED)`);
  });

  it('a proxy that wants a password (407), never echoing the one given', async () => {
    const guarded = await startConnectProxy({
      hosts: { 'api.pika.test': fakePort },
      auth: { user: 'me', pass: 's3cret' },
    });
    try {
      const id = finishedTask();
      const url = new URL(guarded.url);
      const bad = await caught(client(`http://me:wrong@${url.host}`).getTask(id));
      expect(bad).toBeInstanceOf(PikaApiError);
      expect((bad as PikaApiError).message).toContain(
        `The proxy ${guarded.url} asked for a user name and password (HTTP 407)`,
      );
      expect((bad as PikaApiError).message).not.toContain('wrong');
      expect((bad as PikaApiError).proxy).toBe(guarded.url);
      // The right ones pass.
      expect((await client(`http://me:s3cret@${url.host}`).getTask(id)).id).toBe(id);
    } finally {
      await guarded.close();
    }
  });

  it('a proxy that cannot reach the host', async () => {
    const error = (await caught(
      createPikaClient({
        baseUrl: 'https://nowhere.pika.test',
        getToken: () => fake.token,
        http: layer({ mode: 'manual', proxyUrl: proxy.url }),
      }).getTask(finishedTask()),
    )) as PikaApiError;
    expect(error.kind).toBe('network');
    expect(error.proxy).toBe(proxy.url);
    expect(error.message).toContain(
      `The proxy ${proxy.url} could not reach nowhere.pika.test (HTTP 502)`,
    );
  });

  it('downloads count a failing proxy as a network failure (retried, then reported)', async () => {
    const closed = await startConnectProxy({ hosts: {} });
    await closed.close();
    const error = await caught(
      downloadVideo(
        { taskId: 't', videoId: 'v', url: 'https://cdn.pika.test/v.mp4', prompt: 'p', seed: null },
        {
          dir,
          retries: 1,
          backoff: { baseMs: 1, maxMs: 2 },
          access: mediaAccessFor(
            layer({ mode: 'manual', proxyUrl: closed.url }),
            'https://api.pika.test',
          ),
        },
      ),
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).kind).toBe('network');
    expect((error as DownloadError).message).toContain(
      `The proxy ${closed.url} could not be reached`,
    );
  });
});

describe('trust', () => {
  it('trusts the OS store where the runtime offers tls.getCACertificates("system")', async () => {
    const id = finishedTask();
    const stores = (type: 'default' | 'system') =>
      type === 'system' ? [ca.cert] : [...tls.rootCertificates];
    const withSystem = createPikaClient({
      baseUrl: `https://localhost:${fakePort}`,
      getToken: () => fake.token,
      http: layer({ mode: 'direct' }, { ca: [], getCaCertificates: stores }),
    });
    expect((await withSystem.getTask(id)).id).toBe(id);
    // The same server without that store: the test CA is not trusted.
    const without = createPikaClient({
      baseUrl: `https://localhost:${fakePort}`,
      getToken: () => fake.token,
      http: layer({ mode: 'direct' }, { ca: [], getCaCertificates: null }),
    });
    const error = (await caught(without.getTask(id))) as PikaApiError;
    expect(error.message).toMatch(
      /the secure connection to localhost:\d+ failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/,
    );
  });
});

describe('server data cannot reach internal addresses (issue 16)', () => {
  let redirector: Server;
  let redirectorPort: number;
  beforeAll(async () => {
    // A CDN host that redirects to an internal address.
    redirector = createHttpsServer(leaf, (req, res) => {
      res.writeHead(302, { Location: `https://127.0.0.1:${fakePort}${req.url}` }).end();
    });
    redirector.listen(0, '127.0.0.1');
    await once(redirector, 'listening');
    redirectorPort = (redirector.address() as AddressInfo).port;
  });
  afterAll(async () => {
    redirector.closeAllConnections();
    await new Promise((resolve) => redirector.close(resolve));
  });

  const video = (url: string) => ({ taskId: 't', videoId: 'v', url, prompt: 'p', seed: null });

  it('refuses a video at a name that resolves to loopback, checked after DNS', async () => {
    const id = finishedTask();
    const link = new URL(
      (
        await createPikaClient({
          baseUrl: fake.url.replace('127.0.0.1', 'localhost'),
          getToken: () => fake.token,
          http: layer({ mode: 'direct' }),
        }).getTask(id)
      ).videos[0]!.resultUrl!,
    );
    const path = link.pathname + link.search;
    const access = mediaAccessFor(layer({ mode: 'direct' }), 'https://api.gpt.ge');
    const error = (await caught(
      downloadVideo(video(`https://localhost:${fakePort}${path}`), { dir, access }),
    )) as DownloadError;
    expect(error.kind).toBe('bad-url');
    expect(error.message).toContain(
      'localhost (127.0.0.1), an address inside this computer or its network',
    );
    // The same link is fetched when the gateway itself is local.
    const local = mediaAccessFor(access.http, fake.url);
    const saved = await downloadVideo(video(`https://localhost:${fakePort}${path}`), {
      dir,
      access: local,
    });
    expect(saved.bytes).toBeGreaterThan(0);
  });

  it('refuses internal literals, link-local metadata and plain http, also for posters', async () => {
    const access = mediaAccessFor(layer({ mode: 'direct' }), 'https://api.gpt.ge');
    for (const url of [
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]:9/v.mp4',
      'https://10.1.2.3/v.mp4',
    ]) {
      const error = (await caught(downloadVideo(video(url), { dir, access }))) as DownloadError;
      expect(error.kind).toBe('bad-url');
      expect(error.message).toMatch(/inside this computer or its network/);
    }
    const plain = (await caught(
      downloadVideo(video('http://cdn.example.com/v.mp4'), { dir, access }),
    )) as DownloadError;
    expect(plain.kind).toBe('bad-url');
    expect(plain.message).toMatch(/plain http/);
    const poster = await caught(
      requestMedia(`https://localhost:${fakePort}/x.jpg`, {
        rangeStart: 0,
        signal: new AbortController().signal,
        maxRedirects: 5,
        access,
      }),
    );
    expect((poster as DownloadError).kind).toBe('bad-url');
  });

  it('checks every redirect: a CDN host redirecting to an internal address is refused', async () => {
    const http = layer({ mode: 'manual', proxyUrl: proxy.url });
    const hostsProxy = await startConnectProxy({ hosts: { 'cdn2.pika.test': redirectorPort } });
    try {
      const via = layer({ mode: 'manual', proxyUrl: hostsProxy.url });
      const error = (await caught(
        downloadVideo(video('https://cdn2.pika.test/v.mp4'), {
          dir,
          access: mediaAccessFor(via, 'https://api.gpt.ge'),
        }),
      )) as DownloadError;
      expect(hostsProxy.seen).toEqual(['cdn2.pika.test:443']);
      expect(error.kind).toBe('bad-url');
      expect(error.message).toContain('127.0.0.1, an address inside');
    } finally {
      await hostsProxy.close();
      http.close();
    }
  });
});
