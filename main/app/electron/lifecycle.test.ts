// The main entry against stand-ins for the Electron objects it touches: single instance,
// app id, every IPC channel registered through the router, sleep/wake pausing polling,
// and a clean close on quit. electron-store is Conf pointed at a temporary folder.
import type * as ElectronModule from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../window/security';
import { CHANNELS, type AppStatus } from '../../../preload/contract';

const world = vi.hoisted(() => ({
  dir: '',
  appEvents: new Map<string, ((...a: unknown[]) => void)[]>(),
  power: new Map<string, (() => void)[]>(),
  handles: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  ons: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  calls: [] as string[],
  windows: [] as {
    webContents: { id: number; sent: [string, unknown][] } & EventEmitter;
    visible: boolean;
    loaded: string | null;
    emit(event: string, ...args: unknown[]): boolean;
  }[],
  ready: null as null | (() => void),
  /** What requestSingleInstanceLock answers (false = another instance runs). */
  lock: true,
  /** What the entry handed requestSingleInstanceLock as additional data. */
  lockData: undefined as Record<string, unknown> | undefined,
  /** The app:// handler given to protocol.handle, and the schemes declared privileged. */
  schemeHandler: null as null | ((request: Request) => Promise<Response>),
  privileged: [] as Electron.CustomScheme[],
  appMenu: 'unset' as unknown,
  trayMenu: [] as { label?: string }[],
  tooltip: '',
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  // Made once: the last test imports the entry again, which runs this factory again.
  world.dir ||= mkdtempSync(`${tmpdir()}/pika-lifecycle-`);
  // No request may leave this machine: point the app at a closed local port.
  writeFileSync(
    `${world.dir}/settings.json`,
    JSON.stringify({ settings: { baseUrl: 'http://127.0.0.1:9' } }),
  );
  // The app folder (getAppPath) holds a built page for app:// to serve.
  mkdirSync(`${world.dir}/dist/renderer`, { recursive: true });
  writeFileSync(`${world.dir}/dist/renderer/index.html`, '<!doctype html><title>Pika</title>');
  const on =
    (map: Map<string, ((...a: never[]) => void)[]>) =>
    (name: string, fn: (...a: never[]) => void) => {
      map.set(name, [...(map.get(name) ?? []), fn]);
    };
  let readyResolve: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (readyResolve = resolve));
  world.ready = () => readyResolve();
  const app = {
    requestSingleInstanceLock: (data?: Record<string, unknown>) => (
      world.calls.push('requestSingleInstanceLock'),
      (world.lockData = data),
      world.lock
    ),
    setAppUserModelId: (id: string) => void world.calls.push(`setAppUserModelId ${id}`),
    setAsDefaultProtocolClient: (scheme: string) => (world.calls.push(`protocol ${scheme}`), true),
    quit: () => void world.calls.push('quit'),
    on: (name: string, fn: (...a: unknown[]) => void) => (
      on(world.appEvents as never)(name, fn as never),
      app
    ),
    whenReady: () => whenReady,
    getAppPath: () => world.dir,
    commandLine: { getSwitchValue: () => '' },
    isPackaged: false,
    // Settings -> Language -> System follows this; a Chinese desktop, to see it reach the tray.
    getPreferredSystemLanguages: () => ['zh-CN', 'en-US'],
    getPath: (name: string) => (name === 'userData' ? world.dir : `/home/me/${name}`),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: () => {},
    dock: { hide: () => void world.calls.push('dock.hide') },
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
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => (
      world.ons.set(channel, fn),
      ipcMain
    ),
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
      isLoading: () => false,
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
    loaded: string | null = null;
    loadURL = (url: string) => ((this.loaded = url), Promise.resolve());
    isDestroyed = () => false;
    isVisible = () => this.visible;
    show = () => void (this.visible = true);
    hide = () => void (this.visible = false);
    focus() {}
    setPosition() {}
  }
  class Tray extends EventEmitter {
    setToolTip = (text: string) => void (world.tooltip = text);
    setContextMenu = (menu: { label?: string }[]) => void (world.trayMenu = menu);
    popUpContextMenu() {}
    setImage = (image: string) => void world.calls.push(`tray.setImage ${image.split('/').pop()}`);
    setTitle() {}
    destroy = () => void world.calls.push('tray.destroy');
    getBounds = () => ({ x: 0, y: 0, width: 0, height: 0 });
  }
  const electron = {
    app,
    ipcMain,
    powerMonitor,
    BrowserWindow,
    Tray,
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (menu: unknown) => void (world.appMenu = menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) =>
        void world.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        world.calls.push(`protocol.handle ${scheme}`);
        world.schemeHandler = handler;
      },
    },
    nativeTheme: { shouldUseDarkColors: true, on: () => {} },
    nativeImage: {
      createFromPath: () => ({ isEmpty: () => true }),
      createFromDataURL: (url: string) => ({ isEmpty: () => false, url }),
    },
    Notification: class extends EventEmitter {
      static isSupported = () => true;
      constructor(readonly options: Electron.NotificationConstructorOptions) {
        super();
      }
      show() {
        world.calls.push(`notify ${this.options.title}: ${this.options.body}`);
        world.calls.push(`notify-icon ${String(this.options.icon)}`);
      }
    },
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
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string) => void world.calls.push(`errorBox ${title}`),
    },
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
  const mainFrame = { url: 'app://renderer/index.html' };
  return {
    sender: { id: win.webContents.id, mainFrame },
    senderFrame: mainFrame,
  } as unknown as IpcMainInvokeEvent;
}
const status = () => world.handles.get('app:status')!(trustedEvent()) as Promise<AppStatus>;

describe('main process lifecycle', () => {
  it('takes the single-instance lock and sets the app id before anything else', () => {
    // Not packaged (npm start): Windows shows toasts for electron.exe's own path only.
    expect(world.calls.slice(0, 2)).toEqual([
      'requestSingleInstanceLock',
      `setAppUserModelId ${process.execPath}`,
    ]);
    expect(world.handles.size).toBe(0); // nothing before ready
    // The original argv goes along for the first instance (see launch-args.ts).
    expect(world.lockData).toEqual({ argv: process.argv });
  });

  it('declares app:// a standard, secure scheme before ready', () => {
    expect(world.privileged).toEqual([
      {
        scheme: 'app',
        // stream: app://video plays while loading and seeks.
        privileges: expect.objectContaining({ standard: true, secure: true, stream: true }),
      },
    ]);
    expect(world.calls).not.toContain('protocol.handle app');
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
    // The OS speaks Chinese here (see the stub): the refusal comes in the window's language.
    await expect(world.handles.get('app:status')!(foreign)).rejects.toThrow(
      /调用方不是 Pika Tray 窗口/,
    );
  });

  it('serves the renderer from app:// with the CSP header, and loads it from there', async () => {
    expect(world.calls).toContain('protocol.handle app');
    expect(world.windows[0]!.loaded).toBe('app://renderer/index.html');
    const page = await world.schemeHandler!(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Pika</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const outside = await world.schemeHandler!(new Request('app://renderer/../settings.json'));
    expect(outside.status).toBe(404);
  });

  it('has no application menu on Linux and Windows (no Ctrl+W close, no menu bar)', () => {
    expect(process.platform).not.toBe('darwin');
    expect(world.appMenu).toBeNull();
  });

  it('closing the window hides it; the tray and IPC keep working with the same window', async () => {
    const win = world.windows[0]!;
    win.visible = true;
    const close = {
      defaultPrevented: false,
      preventDefault: () => (close.defaultPrevented = true),
    };
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    await expect(status()).resolves.toMatchObject({ paused: false });
  });

  it('macOS: opening the app again (activate) shows the window', () => {
    const win = world.windows[0]!;
    win.visible = false;
    world.appEvents.get('activate')!.forEach((fn) => fn({}, false));
    expect(win.visible).toBe(true);
  });

  it('keeps a navigation for the page until it listens, then sends at once', async () => {
    const win = world.windows[0]!;
    const sent = win.webContents.sent;
    win.webContents.emit('did-start-loading');
    const before = sent.length;
    // A notification click at cold start: the page has not subscribed yet.
    world.appEvents
      .get('second-instance')!
      .forEach((fn) => fn({}, ['/opt/pika-tray', '--add', 'task-cold-start-1'], '/'));
    const listed = async () =>
      ((await world.handles.get('tasks:list')!(trustedEvent())) as { id: string }[]).map(
        (t) => t.id,
      );
    await vi.waitFor(async () => expect(await listed()).toContain('task-cold-start-1'));
    expect(await world.handles.get('app:take-navigation')!(trustedEvent())).toEqual({
      taskId: 'task-cold-start-1',
    });
    expect(sent.slice(before)).toEqual([]);
    // Listening now: the next goes out as an event.
    world.appEvents
      .get('second-instance')!
      .forEach((fn) => fn({}, ['/opt/pika-tray', '--add', 'task-cold-start-1'], '/'));
    await vi.waitFor(() =>
      expect(sent.slice(before)).toEqual([['app:focus-task', 'task-cold-start-1']]),
    );
    await world.handles.get('tasks:remove')!(trustedEvent(), 'task-cold-start-1');
  });

  it('listens for sleep and wake, and reports the user pause', async () => {
    // Not 'lock-screen': a locked screen keeps polling (see power.ts).
    expect([...world.power.keys()].sort()).toEqual(['resume', 'suspend', 'unlock-screen']);
    const fire = (name: string) => world.power.get(name)!.forEach((fn) => fn());
    fire('suspend');
    // Sleeping is not the user's pause: the renderer's Resume button stays meaningful.
    expect(await status()).toMatchObject({ paused: false });
    fire('resume');
    await world.handles.get('polling:pause')!(trustedEvent());
    fire('unlock-screen');
    expect(await status()).toMatchObject({ paused: true });
    await world.handles.get('polling:resume')!(trustedEvent());
    expect(await status()).toMatchObject({ paused: false });
  });

  it('lives in the tray only: no dock icon, the window stays off the taskbar', () => {
    expect(world.calls).toContain('dock.hide');
    expect(world.windows).toHaveLength(1);
  });

  it("a second launch without tasks brings the first instance's window up", () => {
    const win = world.windows[0]!;
    win.visible = false;
    world.appEvents.get('second-instance')!.forEach((fn) => fn({}, ['/opt/pika-tray'], '/'));
    expect(win.visible).toBe(true);
  });

  it('registers pika-tray:// links and shows the tray state', () => {
    expect(world.calls).toContain('protocol pika-tray');
    expect(world.calls).toContain('tray.setImage idle-light.png');
  });

  it('the tray speaks the OS language (Chinese here), and English at once when Settings says so', async () => {
    const labels = () => world.trayMenu.filter((i) => i.label).map((i) => i.label);
    expect(labels()[0]).toBe('打开 Pika Tray');
    expect(world.tooltip).toBe('Pika Tray——没有正在生成的视频');
    await world.handles.get('settings:update')!(trustedEvent(), { language: 'en' });
    expect(labels()).toContain('Open Pika Tray');
    expect(labels()).toContain('Quit Pika Tray');
    await vi.waitFor(() => expect(world.tooltip).toBe('Pika Tray — no videos generating'));
    await world.handles.get('settings:update')!(trustedEvent(), { language: 'system' });
    expect(labels()[0]).toBe('打开 Pika Tray');
    await vi.waitFor(() => expect(world.tooltip).toBe('Pika Tray——没有正在生成的视频'));
  });

  it('adds tasks from a second launch or a link and opens the window on them', async () => {
    // The page has subscribed and asked: navigation goes out as events.
    await world.handles.get('app:take-navigation')!(trustedEvent());
    const sent = world.windows[0]!.webContents.sent;
    const second = (argv: string[]) =>
      world.appEvents.get('second-instance')!.forEach((fn) => fn({}, argv, '/'));
    // `electron . --add <id>` as Chromium rebuilds it, with the original as additional data.
    world.appEvents.get('second-instance')!.forEach((fn) =>
      fn({}, ['/usr/bin/electron', '--add', '.', 'task-from-argv-1'], '/', {
        argv: ['/usr/bin/electron', '.', '--add', 'task-from-argv-1'],
      }),
    );
    await vi.waitFor(() => expect(sent).toContainEqual(['app:focus-task', 'task-from-argv-1']));
    const link = { preventDefault() {} };
    world.appEvents.get('open-url')!.forEach((fn) => fn(link, 'pika-tray://task/task-from-link-2'));
    await vi.waitFor(() => expect(sent).toContainEqual(['app:focus-task', 'task-from-link-2']));
    const list = (await world.handles.get('tasks:list')!(trustedEvent())) as { id: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(['task-from-argv-1', 'task-from-link-2']);
    // Text that holds no task id is refused with the add box's reason, as a notification.
    second(['/opt/pika-tray', '--add', '../../etc/passwd']);
    await vi.waitFor(() =>
      // The OS prefers Chinese and Settings -> Language is System: the notification is Chinese.
      expect(world.calls.some((c) => c.startsWith('notify Pika Tray: 未添加任何任务'))).toBe(true),
    );
    expect(((await world.handles.get('tasks:list')!(trustedEvent())) as unknown[]).length).toBe(2);
    // Shown under the app's own icon (the name comes from productName, see packaging tests).
    expect(world.calls).toContain(`notify-icon ${world.dir}/build/icon.png`);
  });

  it('refuses a drag of a video that is not downloaded, telling the renderer why', () => {
    const sent = world.windows[0]!.webContents.sent;
    const event = trustedEvent();
    Object.assign(event.sender, { send: (c: string, p: unknown) => sent.push([c, p]) });
    world.ons.get('drag:start')!(event, {
      taskId: 'task-from-argv-1',
      videoId: 'task-from-argv-1',
    });
    expect(sent.at(-1)).toEqual([
      'drag:refused',
      {
        ref: { taskId: 'task-from-argv-1', videoId: 'task-from-argv-1' },
        message: expect.any(String),
      },
    ]);
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
    // Quitting: the window may now really close.
    const close = {
      defaultPrevented: false,
      preventDefault: () => (close.defaultPrevented = true),
    };
    world.windows[0]!.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
    await vi.waitFor(() => expect(world.calls).toContain('tray.destroy'));
    expect(world.calls.at(-1)).toBe('quit');
    expect(world.handles.size).toBe(0);
  });

  it('a second instance hands over and quits before making anything', async () => {
    world.lock = false;
    world.calls.length = 0;
    const windowsBefore = world.windows.length;
    vi.resetModules();
    await import('./../index');
    expect(world.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(world.windows).toHaveLength(windowsBefore);
  });
});
