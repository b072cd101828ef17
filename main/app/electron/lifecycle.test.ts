// The main entry against stand-ins for the Electron objects it touches: single instance,
// app id, every IPC channel registered through the router, sleep/wake pausing polling,
// and a clean close on quit. electron-store is Conf pointed at a temporary folder.
import type * as ElectronModule from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_ID } from '../../core/app-id';
import { CHANNELS, type AppStatus } from '../../../preload/contract';

const world = vi.hoisted(() => ({
  dir: '',
  appEvents: new Map<string, ((...a: unknown[]) => void)[]>(),
  power: new Map<string, (() => void)[]>(),
  handles: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  calls: [] as string[],
  windows: [] as { webContents: { id: number; sent: [string, unknown][] }; visible: boolean }[],
  ready: null as null | (() => void),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  world.dir = mkdtempSync(`${tmpdir()}/pika-lifecycle-`);
  const on =
    (map: Map<string, ((...a: never[]) => void)[]>) =>
    (name: string, fn: (...a: never[]) => void) => {
      map.set(name, [...(map.get(name) ?? []), fn]);
    };
  let readyResolve: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (readyResolve = resolve));
  world.ready = () => readyResolve();
  const app = {
    requestSingleInstanceLock: () => (world.calls.push('requestSingleInstanceLock'), true),
    setAppUserModelId: (id: string) => void world.calls.push(`setAppUserModelId ${id}`),
    quit: () => void world.calls.push('quit'),
    on: (name: string, fn: (...a: unknown[]) => void) => (
      on(world.appEvents as never)(name, fn as never),
      app
    ),
    whenReady: () => whenReady,
    getAppPath: () => '/app',
    isPackaged: false,
    getPath: (name: string) => (name === 'userData' ? world.dir : `/home/me/${name}`),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: () => {},
    dock: undefined,
  };
  const powerMonitor = {
    on: (name: string, fn: () => void) => (
      on(world.power as never)(name, fn as never),
      powerMonitor
    ),
  };
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      void world.handles.set(channel, fn),
    on: () => ipcMain,
    removeHandler: (channel: string) => void world.handles.delete(channel),
    removeAllListeners: () => ipcMain,
  };
  let nextId = 1;
  class BrowserWindow extends EventEmitter {
    visible = false;
    webContents = Object.assign(new EventEmitter(), {
      id: nextId++,
      sent: [] as [string, unknown][],
      send(channel: string, payload: unknown) {
        this.sent.push([channel, payload]);
      },
      setWindowOpenHandler() {},
      isDevToolsOpened: () => false,
      session: {
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
        webRequest: { onHeadersReceived() {} },
      },
    });
    constructor() {
      super();
      world.windows.push(this);
    }
    loadFile = () => Promise.resolve();
    loadURL = () => Promise.resolve();
    isDestroyed = () => false;
    isVisible = () => this.visible;
    show = () => void (this.visible = true);
    hide = () => void (this.visible = false);
    focus() {}
    setPosition() {}
  }
  class Tray extends EventEmitter {
    setToolTip() {}
    setContextMenu() {}
    popUpContextMenu() {}
    setImage() {}
    destroy = () => void world.calls.push('tray.destroy');
    getBounds = () => ({ x: 0, y: 0, width: 0, height: 0 });
  }
  const electron = {
    app,
    ipcMain,
    powerMonitor,
    BrowserWindow,
    Tray,
    Menu: { buildFromTemplate: (t: unknown) => t },
    nativeTheme: { shouldUseDarkColors: true },
    net: { isOnline: () => true },
    screen: {
      getCursorScreenPoint: () => ({ x: 10, y: 10 }),
      getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
    },
    shell: { openExternal: async () => {}, openPath: async () => '', showItemInFolder() {} },
    clipboard: { writeText() {} },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  } satisfies Partial<Record<keyof typeof ElectronModule, unknown>>;
  return { ...electron, default: electron };
});

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class Store extends Conf<Record<string, unknown>> {
    constructor(options: { name: string } & Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name, cwd: world.dir, projectName: 'pika-tray-test' });
    }
  }
  return { default: Store };
});

afterAll(() => rmSync(world.dir, { recursive: true, force: true }));

await import('./../index');

function trustedEvent(): IpcMainInvokeEvent {
  const win = world.windows[0]!;
  const mainFrame = { url: 'file:///app/dist/renderer/index.html' };
  return {
    sender: { id: win.webContents.id, mainFrame },
    senderFrame: mainFrame,
  } as unknown as IpcMainInvokeEvent;
}
const status = () => world.handles.get('app:status')!(trustedEvent()) as Promise<AppStatus>;

describe('main process lifecycle', () => {
  it('takes the single-instance lock and sets the app id before anything else', () => {
    expect(world.calls.slice(0, 2)).toEqual([
      'requestSingleInstanceLock',
      `setAppUserModelId ${APP_ID}`,
    ]);
    expect(world.handles.size).toBe(0); // nothing before ready
  });

  it('on ready registers every invoke channel behind the router', async () => {
    world.ready!();
    await vi.waitFor(() => expect(world.handles.size).toBe(Object.values(CHANNELS.invoke).length));
    await expect(status()).resolves.toMatchObject({
      paused: false,
      online: true,
      tokenState: 'missing',
    });
    const foreign = { sender: { id: 999, mainFrame: null }, senderFrame: null };
    await expect(world.handles.get('app:status')!(foreign)).rejects.toThrow(
      /not the Pika Tray window/,
    );
  });

  it('pauses polling on sleep or lock and resumes on wake, keeping a user pause', async () => {
    const fire = (name: string) => world.power.get(name)!.forEach((fn) => fn());
    fire('suspend');
    expect(await status()).toMatchObject({ paused: true });
    fire('resume');
    expect(await status()).toMatchObject({ paused: false });
    await world.handles.get('polling:pause')!(trustedEvent());
    fire('lock-screen');
    fire('unlock-screen');
    expect(await status()).toMatchObject({ paused: true });
    await world.handles.get('polling:resume')!(trustedEvent());
    expect(await status()).toMatchObject({ paused: false });
  });

  it('stays alive when the window closes, and closes the services on quit', async () => {
    const listeners = world.appEvents.get('window-all-closed');
    expect(listeners).toHaveLength(1);
    const event = {
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
    };
    world.appEvents.get('before-quit')!.forEach((fn) => fn(event));
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(world.calls).toContain('tray.destroy'));
    expect(world.calls.at(-1)).toBe('quit');
    expect(world.handles.size).toBe(0);
  });
});
