// Settings -> Network in the composed app, for real: the fake Pika server behind TLS under a
// name only a loopback CONNECT proxy resolves (https://api.pika.test), the real handlers,
// tracker, client and router. Chromium's resolver is the only stand-in (a typed port).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcSenderInfo } from '../ipc/handler-types';
import { freePort } from '../../../test/support/free-port';
import { startConnectProxy } from '../../../test/support/connect-proxy';
import {
  CDN_HOST,
  GATEWAY_HOST,
  startProxiedGateway,
  type ProxiedGateway,
} from '../../../test/support/proxied-gateway';
import { waitFor } from '../../core/tasks/test-wait';
import { trayStateFrom } from '../../core/tray/tray-state';
import type { NetworkSetting } from '../../core/settings';
import { createIpcRouter } from '../ipc/router';
import { createNodeServices, type NodeServices, type NodeServicesOptions } from '../node-services';
import { appStatusOf } from '../services';

const TOKEN = 'pk-live-Network-Token-0123456789';

let gw: ProxiedGateway;
let dir: string;
let app: NodeServices | null = null;
const extra: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  gw = await startProxiedGateway({ fake: { token: TOKEN } });
  dir = await mkdtemp(join(tmpdir(), 'pika-network-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  for (const e of extra.splice(0)) await e.close();
  await gw.close();
  await rm(dir, { recursive: true, force: true });
});

function start(network: NetworkSetting, options: Partial<NodeServicesOptions> = {}) {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: gw.baseUrl,
    token: TOKEN,
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
    clientTimeoutMs: 2000,
    httpOptions: { ca: gw.ca },
    ...options,
    settings: { autoDownload: false, network, ...options.settings },
  });
  return app;
}

const manual = (proxyUrl: string): NetworkSetting => ({ mode: 'manual', proxyUrl });
const test = (network: NetworkSetting) => app!.handlers['network:test'](network);

async function deadProxy(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

describe('network:test', () => {
  it('reaches the gateway through a manual proxy (the only way to its name)', async () => {
    start({ mode: 'none', proxyUrl: '' });
    const answer = await test(manual(`127.0.0.1:${gw.proxy.port}`));
    expect(answer).toEqual({
      result: 'reached',
      message: `The gateway ${GATEWAY_HOST} answered through ${gw.proxy.url} (HTTP 401).`,
    });
    expect(gw.proxy.seen).toEqual([`${GATEWAY_HOST}:443`]);
    // Tested, not saved. 401: the token (which the gateway accepts) was not sent for it.
    expect(app!.services.settings.get().network.mode).toBe('none');
  });

  it('without the proxy the name does not resolve: the gateway is unreachable, directly', async () => {
    start({ mode: 'none', proxyUrl: '' });
    const answer = await test({ mode: 'none', proxyUrl: '' });
    expect(answer.result).toBe('unreachable');
    expect(answer.message).toMatch(/^api\.pika\.test could not be reached directly: .*ENOTFOUND/);
    expect(gw.proxy.seen).toEqual([]);
  });

  it('names a proxy that is not running', async () => {
    start({ mode: 'none', proxyUrl: '' });
    const dead = await deadProxy();
    const answer = await test(manual(dead));
    expect(answer).toEqual({
      result: 'proxy-failed',
      message: `The proxy ${dead} could not be reached (ECONNREFUSED): is it running, and is the address right?`,
    });
  });

  it('a 407 names the proxy and never the password; the right password gets through', async () => {
    const locked = await startConnectProxy({
      auth: { user: 'me', pass: 'right-horse' },
      hosts: { [GATEWAY_HOST]: gw.port },
    });
    extra.push(locked);
    start({ mode: 'none', proxyUrl: '' });
    const wrong = await test(manual(`http://me:hunter2-battery@127.0.0.1:${locked.port}`));
    expect(wrong.result).toBe('proxy-failed');
    expect(wrong.message).toContain(`http://127.0.0.1:${locked.port}`);
    expect(wrong.message).toContain('407');
    expect(wrong.message).not.toContain('hunter2');
    expect(wrong.message).not.toContain('me:');
    const right = await test(manual(`http://me:right-horse@127.0.0.1:${locked.port}`));
    expect(right).toEqual({
      result: 'reached',
      message: `The gateway ${GATEWAY_HOST} answered through http://127.0.0.1:${locked.port} (HTTP 401).`,
    });
    expect(locked.seen).toEqual([`${GATEWAY_HOST}:443`, `${GATEWAY_HOST}:443`]);
  });

  it('System proxy asks the resolver for the gateway, and says which proxy it named', async () => {
    const asked: string[] = [];
    start(
      { mode: 'system', proxyUrl: '' },
      {
        resolveProxy: async (url) => {
          asked.push(url);
          return `PROXY 127.0.0.1:${gw.proxy.port}; DIRECT`;
        },
      },
    );
    const answer = await test({ mode: 'system', proxyUrl: '' });
    expect(answer).toEqual({
      result: 'reached',
      message: `The gateway ${GATEWAY_HOST} answered through the system proxy ${gw.proxy.url} (HTTP 401).`,
    });
    expect(asked).toContain(`https://${GATEWAY_HOST}/`);
  });

  it('refuses a bad proxy URL the way Settings does, through the router checks', async () => {
    start({ mode: 'none', proxyUrl: '' });
    const router = createIpcRouter<IpcSenderInfo>({
      handlers: app!.handlers,
      isTrustedSender: (s) => s.webContentsId === 1 && s.isMainFrame,
    });
    const ours: IpcSenderInfo = { webContentsId: 1, frameUrl: 'app://x', isMainFrame: true };
    await expect(
      router.invoke('network:test', ours, [manual('ftp://127.0.0.1:21')]),
    ).rejects.toThrow(/Proxies of type ftp:\/\/ are not supported/);
    await expect(
      router.invoke('network:test', ours, [{ mode: 'vpn', proxyUrl: '' }]),
    ).rejects.toThrow(/Invalid arguments for network:test/);
    await expect(router.invoke('network:test', ours, [{ mode: 'none' }])).rejects.toThrow(
      /Invalid arguments/,
    );
    const iframe: IpcSenderInfo = { ...ours, isMainFrame: false };
    await expect(router.invoke('network:test', iframe, [manual(gw.proxy.url)])).rejects.toThrow(
      /not the Pika Tray window/,
    );
    expect(gw.proxy.seen).toEqual([]);
  });
});

describe('the saved setting drives polling', () => {
  it('polls through the manual proxy; a dead proxy shows as "proxy unreachable"; switching back needs no restart', async () => {
    const a = start(manual(gw.proxy.url));
    const id = gw.fake.addTask({ queuedMs: 0, runMs: 400 });
    await a.handlers['tasks:add'](id);
    await waitFor(() => (a.tracker.get(id)?.attempts ?? 0) > 0, 'a first poll', 5000);
    expect(gw.proxy.seen.length).toBeGreaterThan(0);
    expect(appStatusOf(a.services).proxyProblem).toBeNull();

    const dead = await deadProxy();
    a.services.settings.update({ network: manual(dead) });
    await waitFor(() => appStatusOf(a.services).proxyProblem != null, 'the proxy problem', 5000);
    const status = appStatusOf(a.services);
    expect(status.proxyProblem).toEqual({
      proxy: dead,
      message: expect.stringContaining(`The proxy ${dead} could not be reached`),
    });
    // Not blamed on the network: the OS says online, and the tray names the proxy.
    expect(status.online).toBe(true);
    const tray = trayStateFrom({
      tasks: a.tracker.list(),
      paused: status.paused,
      tokenRejected: false,
      online: status.online,
      proxyUnreachable: status.proxyProblem?.proxy ?? null,
    });
    expect(tray).toMatchObject({ state: 'error', error: 'proxy-unreachable' });
    expect(tray.tooltip).toContain(`Proxy unreachable (${dead})`);
    // The task is kept and still waits: nothing was dropped.
    expect(a.tracker.get(id)?.lastError?.kind).toBe('network');

    a.services.settings.update({ network: manual(gw.proxy.url) });
    await waitFor(() => a.tracker.get(id)?.state === 'finished', 'the task to finish', 8000);
    expect(appStatusOf(a.services).proxyProblem).toBeNull();
  });

  it('downloads go through the same setting: the video comes from a CDN only the proxy reaches', async () => {
    await gw.close();
    gw = await startProxiedGateway({ fake: { token: TOKEN }, cdn: true });
    const a = start(manual(gw.proxy.url), { settings: { autoDownload: true } });
    const id = gw.fake.addTask({ queuedMs: 0, runMs: 50 });
    await a.handlers['tasks:add'](id);
    await waitFor(
      () => Object.values(a.tracker.get(id)?.downloads ?? {}).some((d) => d.status === 'done'),
      'the video to be saved',
      10_000,
    );
    expect(gw.proxy.seen).toContain(`${CDN_HOST}:443`);
  });

  it('System proxy falls back to the next entry of its list when the first proxy is down', async () => {
    const dead = await deadProxy();
    let asked = 0;
    const a = start(
      { mode: 'system', proxyUrl: '' },
      {
        resolveProxy: async () => {
          asked++;
          return `PROXY ${new URL(dead).host}; PROXY 127.0.0.1:${gw.proxy.port}`;
        },
      },
    );
    const id = gw.fake.addTask({ queuedMs: 0, runMs: 100 });
    await a.handlers['tasks:add'](id);
    await waitFor(() => a.tracker.get(id)?.state === 'finished', 'the task to finish', 8000);
    expect(gw.proxy.seen.length).toBeGreaterThan(0);
    // The failure made the app ask Chromium again (settings may have changed), once at least.
    expect(asked).toBeGreaterThanOrEqual(2);
  });
});
