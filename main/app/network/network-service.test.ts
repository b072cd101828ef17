// The app's one HTTP layer over real sockets: a slow server on 127.0.0.1 and a proxy port
// nothing listens on.
import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyError } from '../../core/http/proxy-error';
import { startConnectProxy } from '../../../test/support/connect-proxy';
import { freePort } from '../../../test/support/free-port';
import { createTestCa } from '../../../test/support/test-ca';
import { createNetworkService, type NetworkService } from './network-service';

let server: Server | null = null;
let service: NetworkService | null = null;
const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c.close();
  service?.close();
  service = null;
  server?.closeAllConnections();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
});

const ca = createTestCa();

/** An https server (as gw.pika.test or 127.0.0.1) that answers each request when told to. */
async function slowServer() {
  const waiting: (() => void)[] = [];
  server = createServer(ca.issue(['gw.pika.test', '127.0.0.1']), (_req, res) => {
    waiting.push(() => res.end('ok'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { origin: `https://127.0.0.1:${port}`, port, waiting };
}

const get = (svc: NetworkService, url: string) =>
  svc.http.request(new URL(url), {
    method: 'GET',
    headers: {},
    signal: new AbortController().signal,
  });

async function body(res: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of res) text += String(chunk);
  return text;
}

describe('network service', () => {
  it('a request under way finishes through the old proxy; the next one uses the new setting', async () => {
    const { origin, waiting } = await slowServer();
    const dead = `http://127.0.0.1:${await freePort()}`;
    const proxy = await startConnectProxy({
      hosts: { 'gw.pika.test': Number(new URL(origin).port) },
    });
    closers.push(proxy);
    service = createNetworkService({
      setting: { mode: 'manual', proxyUrl: proxy.url },
      gatewayOrigin: () => origin,
      httpOptions: { ca: ca.cert },
    });
    const first = get(service, 'https://gw.pika.test/a');
    await expect.poll(() => waiting.length).toBe(1);
    service.apply({ mode: 'manual', proxyUrl: dead });
    expect(service.http.config).toEqual({ mode: 'manual', proxyUrl: dead });
    waiting[0]!();
    expect(await body(await first)).toBe('ok');
    expect(proxy.seen).toEqual(['gw.pika.test:443']);
    await expect(get(service, `${origin}/b`)).rejects.toBeInstanceOf(ProxyError);
  });

  it('only the gateway failing at the proxy is a proxy problem; an answer or a switch clears it', async () => {
    const { origin, waiting } = await slowServer();
    const dead = `http://127.0.0.1:${await freePort()}`;
    service = createNetworkService({
      setting: { mode: 'manual', proxyUrl: dead },
      gatewayOrigin: () => origin,
      httpOptions: { ca: ca.cert },
    });
    const seen: (string | null)[] = [];
    service.onProxyProblem((p) => seen.push(p?.proxy ?? null));
    // A CDN host failing at the proxy is the download's business, not the tray's.
    await expect(get(service, 'https://cdn.pika.test/v.mp4')).rejects.toBeInstanceOf(ProxyError);
    expect(service.proxyProblem()).toBeNull();
    await expect(get(service, `${origin}/feed`)).rejects.toBeInstanceOf(ProxyError);
    expect(service.proxyProblem()).toMatchObject({ proxy: dead, failure: 'refused' });
    service.apply({ mode: 'none', proxyUrl: dead });
    expect(service.proxyProblem()).toBeNull();
    const answer = get(service, `${origin}/feed`);
    await expect.poll(() => waiting.length).toBe(1);
    waiting[0]!();
    await body(await answer);
    expect(seen).toEqual([dead, null]);
  });

  it('with the system proxy, a refused proxy sends the next request to the next entry', async () => {
    const { origin, waiting } = await slowServer();
    const deadPort = await freePort();
    service = createNetworkService({
      setting: { mode: 'system', proxyUrl: '' },
      gatewayOrigin: () => origin,
      httpOptions: { ca: ca.cert },
      resolveProxy: async () => `PROXY 127.0.0.1:${deadPort}; DIRECT`,
    });
    await expect(get(service, `${origin}/feed`)).rejects.toBeInstanceOf(ProxyError);
    const next = get(service, `${origin}/feed`);
    await expect.poll(() => waiting.length).toBe(1);
    waiting[0]!();
    expect(await body(await next)).toBe('ok');
    expect(service.proxyProblem()).toBeNull();
  });
});
