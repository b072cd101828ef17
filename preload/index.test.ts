// The preload against a typed stand-in for Electron's contextBridge and ipcRenderer: it must
// expose only the bridge, map each intent to its channel, and hand listeners the payload only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, CHANNELS, type PikaBridge, type VideoRef } from './contract';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const calls: { kind: 'invoke' | 'send'; channel: string; args: unknown[] }[] = [];
  return {
    exposed,
    listeners,
    calls,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        calls.push({ kind: 'invoke', channel, args });
        return { echoed: channel };
      },
      send: (channel: string, ...args: unknown[]) => {
        calls.push({ kind: 'send', channel, args });
      },
      on(channel: string, listener: Listener) {
        const set = listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(channel, set);
        return this;
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

function emit(channel: string, payload: unknown): void {
  const fakeEvent = { sender: electron.ipcRenderer } as unknown as IpcRendererEvent;
  for (const l of electron.listeners.get(channel) ?? []) l(fakeEvent, payload);
}

let bridge: PikaBridge;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  electron.calls.length = 0;
  await import('./index');
  bridge = electron.exposed.get(BRIDGE_KEY) as PikaBridge;
});

const ref: VideoRef = { taskId: 't1', videoId: 'v1' };

describe('preload', () => {
  it('exposes exactly one object, the bridge, and never ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(bridge).not.toBe(electron.ipcRenderer);
    const reachable = JSON.stringify(bridge, (_k, v: unknown) =>
      v === electron.ipcRenderer ? 'IPC-LEAK' : v,
    );
    expect(reachable).not.toContain('IPC-LEAK');
    expect(Object.keys(bridge).sort()).toEqual([
      'app',
      'credit',
      'generate',
      'polling',
      'settings',
      'tasks',
    ]);
  });

  it('maps every invoke intent to its channel with its arguments', async () => {
    const cases: [() => Promise<unknown>, string, unknown[]][] = [
      [() => bridge.tasks.list(), 'tasks:list', []],
      [() => bridge.tasks.add('abc'), 'tasks:add', ['abc']],
      [() => bridge.tasks.remove('t1'), 'tasks:remove', ['t1']],
      [() => bridge.tasks.recheck('t1'), 'tasks:recheck', ['t1']],
      [() => bridge.tasks.markSeen(['a', 'b']), 'tasks:mark-seen', [['a', 'b']]],
      [() => bridge.tasks.download(ref), 'tasks:download', [ref]],
      [() => bridge.tasks.countNotDownloaded(), 'tasks:count-not-downloaded', []],
      [() => bridge.tasks.downloadAllFinished(), 'tasks:download-all-finished', []],
      [() => bridge.tasks.openFile(ref), 'tasks:open-file', [ref]],
      [() => bridge.tasks.revealFile(ref), 'tasks:reveal-file', [ref]],
      [() => bridge.tasks.openLink(ref), 'tasks:open-link', [ref]],
      [() => bridge.settings.get(), 'settings:get', []],
      [
        () => bridge.settings.update({ notifications: false }),
        'settings:update',
        [{ notifications: false }],
      ],
      [() => bridge.settings.chooseFolder(), 'settings:choose-folder', []],
      [() => bridge.settings.setToken('secret'), 'token:set', ['secret']],
      [() => bridge.settings.clearToken(), 'token:clear', []],
      [() => bridge.settings.testToken(), 'token:test', []],
      [
        () => bridge.settings.testNetwork({ mode: 'manual', proxyUrl: 'http://127.0.0.1:7890' }),
        'network:test',
        [{ mode: 'manual', proxyUrl: 'http://127.0.0.1:7890' }],
      ],
      [() => bridge.polling.pause(), 'polling:pause', []],
      [() => bridge.polling.resume(), 'polling:resume', []],
      [() => bridge.app.status(), 'app:status', []],
      [() => bridge.app.copyText('hi'), 'app:copy-text', ['hi']],
      [() => bridge.app.hideWindow(), 'app:hide-window', []],
      [() => bridge.app.takeNavigation(), 'app:take-navigation', []],
      [
        () => bridge.generate.create({ promptText: 'a cat' }, 'req-1'),
        'generate:create',
        [{ promptText: 'a cat' }, 'req-1'],
      ],
      [() => bridge.credit.refresh('manual'), 'credit:refresh', ['manual']],
      [() => bridge.credit.openTopUp(), 'credit:open-top-up', []],
    ];
    for (const [call, channel, args] of cases) {
      electron.calls.length = 0;
      await expect(call()).resolves.toEqual({ echoed: channel });
      expect(electron.calls).toEqual([{ kind: 'invoke', channel, args }]);
    }
    // Every invoke channel of the contract was exercised above.
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(Object.values(CHANNELS.invoke)));
  });

  it('sends drag:start fire-and-forget', () => {
    expect(bridge.tasks.startDrag(ref)).toBeUndefined();
    expect(electron.calls).toEqual([{ kind: 'send', channel: 'drag:start', args: [ref] }]);
  });

  it('hands listeners the payload only, and unsubscribing stops delivery', () => {
    const subs: [(l: (p: unknown) => void) => () => void, string, unknown][] = [
      [(l) => bridge.tasks.onChange(l), 'tasks:changed', [{ type: 'remove', id: 'x' }]],
      [(l) => bridge.tasks.onDragRefused(l), 'drag:refused', { ref, message: 'not yet' }],
      [(l) => bridge.app.onStatus(l), 'app:status', { paused: true }],
      [(l) => bridge.app.onFocusTask(l), 'app:focus-task', 't9'],
      [(l) => bridge.app.onNavigate(l), 'app:navigate', 'settings'],
      [(l) => bridge.credit.onChange(l), 'credit:changed', { status: 'hidden' }],
    ];
    for (const [subscribe, channel, payload] of subs) {
      const got: unknown[][] = [];
      const off = subscribe((...args: unknown[]) => got.push(args));
      emit(channel, payload);
      expect(got).toEqual([[payload]]);
      off();
      emit(channel, payload);
      expect(got).toHaveLength(1);
      expect(electron.listeners.get(channel)?.size ?? 0).toBe(0);
    }
    expect(new Set(subs.map((s) => s[1]))).toEqual(new Set(Object.values(CHANNELS.event)));
  });

  it('keeps other listeners when one unsubscribes', () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.app.onFocusTask((id) => a.push(id));
    bridge.app.onFocusTask((id) => b.push(id));
    offA();
    emit('app:focus-task', 'z');
    expect(a).toEqual([]);
    expect(b).toEqual(['z']);
  });
});
