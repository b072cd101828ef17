import { EventEmitter } from 'node:events';
import type { PowerMonitor, Session } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { trackerLog } from '../../../test/support/tracker-log';
import { connectPowerEvents } from '../electron/power';
import { createPauseControl } from '../pause-control';
import { connectNetworkEvents, electronResolveProxy } from './electron-system-proxy';
import { createNetworkService, type NetworkService } from './network-service';

/** A typed stand-in for Electron's session: answers what the test sets, records the asks. */
function stubSession(answer: string) {
  const stub = {
    answer,
    asked: [] as string[],
    resolveProxy(url: string): Promise<string> {
      stub.asked.push(url);
      return Promise.resolve(stub.answer);
    },
  } satisfies Pick<Session, 'resolveProxy'> & Record<string, unknown>;
  return stub;
}

let network: NetworkService | null = null;
afterEach(() => network?.close());

function systemNetwork(session: ReturnType<typeof stubSession>) {
  network = createNetworkService({
    setting: { mode: 'system', proxyUrl: '' },
    gatewayOrigin: () => 'https://api.gpt.ge',
    resolveProxy: electronResolveProxy(() => session),
  });
  return network;
}

const FEED = new URL('https://api.gpt.ge/pika/feed/abc');

describe('system proxy through Electron', () => {
  it("asks the session per origin and maps Chromium's answer", async () => {
    const session = stubSession('PROXY 127.0.0.1:7890; DIRECT');
    const net = systemNetwork(session);
    expect(net.http.config.mode).toBe('resolver');
    expect(await net.http.proxyFor(FEED)).toBe('http://127.0.0.1:7890/');
    expect(await net.http.proxyFor(new URL('https://api.gpt.ge/other'))).toBe(
      'http://127.0.0.1:7890/',
    );
    expect(session.asked).toEqual(['https://api.gpt.ge/']);
  });

  it('asks again after a wake-up, before polling resumes', async () => {
    const session = stubSession('SOCKS5 127.0.0.1:7891');
    const net = systemNetwork(session);
    const power = new EventEmitter();
    const order: string[] = [];
    const { tracker, calls } = trackerLog();
    connectNetworkEvents(power as unknown as Pick<PowerMonitor, 'on'>, {
      networkChanged: () => {
        order.push(`invalidate after ${calls.length} tracker calls`);
        net.networkChanged();
      },
    });
    connectPowerEvents(power as unknown as Pick<PowerMonitor, 'on'>, createPauseControl(tracker));
    expect(await net.http.proxyFor(FEED)).toBe('socks5h://127.0.0.1:7891');
    power.emit('suspend');
    // On the new network the OS names no proxy.
    session.answer = 'DIRECT';
    power.emit('resume');
    expect(order).toEqual(['invalidate after 1 tracker calls']);
    expect(calls).toEqual(['pause', 'resume', 'pollAllNow']);
    expect(await net.http.proxyFor(FEED)).toBeNull();
    expect(session.asked).toHaveLength(2);
  });

  it('unlocking the screen also drops the cached answers', async () => {
    const session = stubSession('PROXY 10.0.0.1:3128');
    const net = systemNetwork(session);
    const power = new EventEmitter();
    connectNetworkEvents(power as unknown as Pick<PowerMonitor, 'on'>, net);
    await net.http.proxyFor(FEED);
    session.answer = 'HTTPS proxy.corp.example:443';
    power.emit('unlock-screen');
    expect(await net.http.proxyFor(FEED)).toBe('https://proxy.corp.example/');
  });
});
