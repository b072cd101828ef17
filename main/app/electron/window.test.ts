import type { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  OnHeadersReceivedListenerDetails,
} from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../window/security';

// Stand-ins for exactly the BrowserWindow / webContents / session / screen calls window.ts
// makes; everything else is absent so an unexpected call fails loudly.
const made = vi.hoisted(() => ({ windows: [] as unknown[] }));
const screenCalls = vi.hoisted(() => ({ count: 0 }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeContents extends Emitter {
    id = 42;
    openHandler: ((d: HandlerDetails) => unknown) | null = null;
    headersListener:
      ((d: Partial<OnHeadersReceivedListenerDetails>, cb: (r: unknown) => void) => void) | null =
      null;
    permissionAnswer: boolean | null = null;
    session = {
      setPermissionRequestHandler: (
        h: (c: unknown, p: string, cb: (ok: boolean) => void) => void,
      ) => h(null, 'media', (ok) => (this.permissionAnswer = ok)),
      setPermissionCheckHandler: () => {},
      webRequest: {
        onHeadersReceived: (l: FakeContents['headersListener']) => {
          this.headersListener = l;
        },
      },
    };
    setWindowOpenHandler(h: (d: HandlerDetails) => unknown) {
      this.openHandler = h;
    }
    isDevToolsOpened() {
      return false;
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new FakeContents();
    visible = false;
    position: [number, number] | null = null;
    loaded: string | null = null;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      made.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isVisible() {
      return this.visible;
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    setPosition(x: number, y: number) {
      this.position = [x, y];
    }
  }
  const screen = {
    getCursorScreenPoint: () => (screenCalls.count++, { x: 700, y: 10 }),
    getDisplayMatching: () => (
      screenCalls.count++,
      { workArea: { x: 0, y: 25, width: 1440, height: 875 } }
    ),
  } satisfies Partial<{ [K in keyof Electron.Screen]: unknown }>;
  return { BrowserWindow, screen, default: { BrowserWindow, screen } };
});

const { createPopoverWindow } = await import('./window');

interface Made {
  options: BrowserWindowConstructorOptions;
  webContents: EventEmitter & {
    openHandler: (d: Partial<HandlerDetails>) => unknown;
    headersListener: (
      d: Partial<OnHeadersReceivedListenerDetails>,
      cb: (r: unknown) => void,
    ) => void;
    permissionAnswer: boolean | null;
  };
  visible: boolean;
  position: [number, number] | null;
  loaded: string | null;
  emit(event: string, ...args: unknown[]): boolean;
}

const clock = { now: 0 };
let quitting = false;

function open(placement?: 'anchor' | 'compositor') {
  const popover = createPopoverWindow({
    ...(placement ? { placement } : {}),
    preloadPath: '/app/dist/preload/index.cjs',
    renderer: { pageUrl: 'app://renderer/index.html' },
    isDev: false,
    isQuitting: () => quitting,
    now: () => clock.now,
  });
  return { popover, win: made.windows.at(-1) as Made };
}

const preventable = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

describe('popover window', () => {
  it('is a hidden, frameless, sandboxed popover loading our renderer file', () => {
    const { win, popover } = open();
    expect(win.options).toMatchObject({
      width: 380,
      height: 560,
      show: false,
      frame: false,
      skipTaskbar: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/app/dist/preload/index.cjs',
      },
    });
    // From the app's own scheme, not file://.
    expect(win.loaded).toBe('app://renderer/index.html');
    expect(popover.webContentsId()).toBe(42);
  });

  it('opens by the tray, toggles, and hides on blur and on Escape', () => {
    const { win, popover } = open();
    popover.show({ x: 1000, y: 0, width: 24, height: 24 });
    expect(win.visible).toBe(true);
    expect(win.position).toEqual([822, 33]);
    win.emit('blur');
    expect(win.visible).toBe(false);
    clock.now += 1000;
    popover.toggle(null); // no tray bounds (Linux): next to the pointer
    expect(win.visible).toBe(true);
    expect(win.position).toEqual([510, 33]);
    const other = preventable();
    win.webContents.emit('before-input-event', other, { type: 'keyDown', key: 'a' });
    expect(win.visible).toBe(true);
    const esc = preventable();
    win.webContents.emit('before-input-event', esc, { type: 'keyDown', key: 'Escape' });
    expect(win.visible).toBe(false);
    expect(esc.defaultPrevented).toBe(true);
  });

  it('closing hides the window (Alt+F4, the window manager), except while quitting', () => {
    const { win, popover } = open();
    popover.show(null);
    const close = preventable();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    quitting = true;
    const onQuit = preventable();
    win.emit('close', onQuit);
    expect(onQuit.defaultPrevented).toBe(false);
    quitting = false;
  });

  it('Ctrl+W and Cmd+W hide the window instead of closing it', () => {
    const { win, popover } = open();
    for (const keys of [
      { control: true, key: 'w' },
      { meta: true, key: 'W' },
    ]) {
      popover.show(null);
      const event = preventable();
      win.webContents.emit('before-input-event', event, { type: 'keyDown', ...keys });
      expect(event.defaultPrevented).toBe(true);
      expect(win.visible).toBe(false);
    }
    popover.show(null);
    const plainW = preventable();
    win.webContents.emit('before-input-event', plainW, { type: 'keyDown', key: 'w' });
    expect(plainW.defaultPrevented).toBe(false);
    expect(win.visible).toBe(true);
  });

  it('on Wayland leaves placement to the compositor: no position, no pointer query', () => {
    const { win, popover } = open('compositor');
    screenCalls.count = 0;
    popover.show({ x: 0, y: 0, width: 0, height: 0 });
    expect(win.visible).toBe(true);
    expect(win.position).toBeNull();
    expect(screenCalls.count).toBe(0);
  });

  it('a tray click that blurred the open popover closes it rather than reopening it', () => {
    const { win, popover } = open();
    const tray = { x: 1000, y: 0, width: 24, height: 24 };
    popover.toggle(tray);
    expect(win.visible).toBe(true);
    // The click on the tray icon takes the focus first, then arrives as a toggle.
    win.emit('blur');
    clock.now += 50;
    popover.toggle(tray);
    expect(win.visible).toBe(false);
    // A later click opens it again.
    clock.now += 1000;
    popover.toggle(tray);
    expect(win.visible).toBe(true);
    // A blur while already hidden does not swallow the next click.
    popover.hide();
    clock.now += 1000;
    win.emit('blur');
    popover.toggle(tray);
    expect(win.visible).toBe(true);
  });

  it('refuses navigation, new windows, webviews and permissions', () => {
    const { win } = open();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      for (const url of ['https://evil.example/', 'not a url']) {
        const event = preventable();
        win.webContents.emit(name, event, url);
        expect(event.defaultPrevented).toBe(true);
      }
    }
    expect(win.webContents.openHandler({ url: 'https://pika.art' })).toEqual({ action: 'deny' });
    expect(win.webContents.permissionAnswer).toBe(false);
  });

  it('puts the CSP on our pages only', () => {
    const { win } = open();
    const answers: unknown[] = [];
    win.webContents.headersListener(
      { url: 'app://renderer/index.html', responseHeaders: {} },
      (r) => answers.push(r),
    );
    win.webContents.headersListener(
      { url: 'https://cdn.pika.art/poster.jpg', responseHeaders: {} },
      (r) => answers.push(r),
    );
    expect(answers).toEqual([
      { responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
      {},
    ]);
  });
});
