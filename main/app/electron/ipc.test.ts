import type {
  IpcMain,
  IpcMainEvent,
  IpcMainInvokeEvent,
  WebContents,
  WebFrameMain,
} from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../preload/contract';
import type { InvokeHandlers } from '../ipc/handler-types';
import { createIpcRouter } from '../ipc/router';
import { createSenderCheck } from '../ipc/trusted-sender';
import { registerIpc, senderOf, type ElectronSender } from './ipc';

type Listener = (event: IpcMainInvokeEvent | IpcMainEvent, ...args: unknown[]) => unknown;

// ipcMain as a pair of maps: exactly the four calls registerIpc makes.
function fakeIpcMain() {
  const handles = new Map<string, Listener>();
  const ons = new Map<string, Listener>();
  const ipc = {
    handle: (channel: string, listener: Listener) => void handles.set(channel, listener),
    on: (channel: string, listener: Listener) => {
      ons.set(channel, listener);
      return ipc as unknown as IpcMain;
    },
    removeHandler: (channel: string) => void handles.delete(channel),
    removeAllListeners: (channel?: string) => {
      if (channel) ons.delete(channel);
      return ipc as unknown as IpcMain;
    },
  } satisfies Pick<
    { [K in keyof IpcMain]: unknown },
    'handle' | 'on' | 'removeHandler' | 'removeAllListeners'
  >;
  return {
    ipc: ipc as unknown as Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeAllListeners'>,
    handles,
    ons,
  };
}

function eventFrom(id: number, url: string, sub = false): IpcMainInvokeEvent {
  const mainFrame = { url } as WebFrameMain;
  const frame = sub ? ({ url } as WebFrameMain) : mainFrame;
  const sender = { id, mainFrame } as unknown as WebContents;
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const PAGE = 'app://renderer/index.html';

describe('ipcMain registration', () => {
  it('registers every channel and routes calls with the sender identity', async () => {
    const { ipc, handles, ons } = fakeIpcMain();
    const drags: unknown[] = [];
    const handlers = new Proxy({} as InvokeHandlers, { get: (_t, c: string) => () => `ok:${c}` });
    const router = createIpcRouter<ElectronSender>({
      handlers,
      send: { 'drag:start': (sender, ref) => drags.push([sender.webContentsId, ref]) },
      isTrustedSender: createSenderCheck({
        windowWebContentsId: () => 3,
        renderer: { pageUrl: PAGE },
      }),
    });
    const unregister = registerIpc(ipc, router);
    expect([...handles.keys()].sort()).toEqual(Object.values(CHANNELS.invoke).sort());
    expect([...ons.keys()]).toEqual(Object.values(CHANNELS.send));

    await expect(handles.get('tasks:list')!(eventFrom(3, PAGE))).resolves.toBe('ok:tasks:list');
    await expect(handles.get('tasks:list')!(eventFrom(4, PAGE))).rejects.toThrow(
      /not the Pika Tray window/,
    );
    await expect(handles.get('tasks:list')!(eventFrom(3, PAGE, true))).rejects.toThrow(
      /not the Pika Tray window/,
    );
    ons.get('drag:start')!(eventFrom(3, PAGE), { taskId: 't', videoId: 'v' });
    ons.get('drag:start')!(eventFrom(9, PAGE), { taskId: 't', videoId: 'v' });
    expect(drags).toEqual([[3, { taskId: 't', videoId: 'v' }]]);

    unregister();
    expect(handles.size).toBe(0);
    expect(ons.size).toBe(0);
  });

  it('treats a sender without a frame as unknown', () => {
    const event = {
      sender: { id: 1, mainFrame: {} },
      senderFrame: null,
    } as unknown as IpcMainInvokeEvent;
    expect(senderOf(event)).toMatchObject({ webContentsId: 1, frameUrl: null, isMainFrame: false });
  });
});
