// The popover window: frameless, hidden until the tray opens it, gone on blur, Escape or
// Ctrl/Cmd+W. It is made once and lives until the app quits: closing it (Alt+F4, the window
// manager) only hides it, because the IPC sender check and every tray or notification click
// hold on to this one window.
import { BrowserWindow, screen } from 'electron';
import { popoverPosition, type Rect } from '../window/popover-position';
import { popoverWindowOptions, POPOVER_SIZE } from '../window/security';
import { isRendererUrl, type RendererLocation } from '../ipc/trusted-sender';
import { hardenSession, hardenWebContents } from './harden';

/** A tray click this soon after a blur-hide is the click that caused the blur. */
export const BLUR_CLICK_MS = 300;

export interface PopoverWindow {
  readonly window: BrowserWindow;
  webContentsId(): number | null;
  isVisible(): boolean;
  /** Shows the popover next to the tray icon (or the pointer when there is none). */
  show(trayBounds: Rect | null): void;
  hide(): void;
  toggle(trayBounds: Rect | null): void;
  /** Sends an event to the renderer once its page has loaded (it may still be loading). */
  sendWhenLoaded(channel: string, payload: unknown): void;
  /** Keeps the popover open while `work` runs (a folder dialog takes the focus). */
  keepOpenWhile<T>(work: () => Promise<T>): Promise<T>;
}

export function createPopoverWindow(options: {
  preloadPath: string;
  renderer: RendererLocation;
  icon?: string;
  isDev: boolean;
  /** True once the app is quitting: only then may the window really close. */
  isQuitting(): boolean;
  /**
   * 'anchor': next to the tray icon or the pointer. 'compositor': on a Wayland session, where
   * windows cannot place themselves and the pointer and tray positions are unknown, the
   * compositor places the window (see linux-session.ts).
   */
  placement?: 'anchor' | 'compositor';
  log?: (message: string) => void;
  /** Clock for the blur/click race below (tests pass their own). */
  now?: () => number;
}): PopoverWindow {
  const now = options.now ?? Date.now;
  const win = new BrowserWindow(
    popoverWindowOptions({
      preloadPath: options.preloadPath,
      isDev: options.isDev,
      ...(options.icon ? { icon: options.icon } : {}),
    }),
  );
  const contents = win.webContents;
  hardenWebContents(contents, options.log);
  hardenSession(contents.session, (url) => isRendererUrl(url, options.renderer));

  // Blur hides, except while DevTools (a separate window) has the focus in development.
  // Clicking the tray icon to close the popover blurs it first (Windows, macOS), so the
  // click that follows finds it hidden: a toggle just after a blur-hide leaves it hidden.
  let pinned = 0;
  let blurHiddenAt = -Infinity;
  win.on('blur', () => {
    if (pinned === 0 && !contents.isDevToolsOpened() && win.isVisible()) {
      win.hide();
      blurHiddenAt = now();
    }
  });
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    const closeKeys = (input.control || input.meta) && input.key.toLowerCase() === 'w';
    if (input.key === 'Escape' || closeKeys) {
      event.preventDefault();
      win.hide();
    }
  });

  win
    .loadURL(options.renderer.pageUrl)
    .catch((error: unknown) => options.log?.(`The window did not load: ${String(error)}`));

  const show = (trayBounds: Rect | null): void => {
    if (options.placement === 'compositor') {
      win.show();
      win.focus();
      return;
    }
    const cursor = screen.getCursorScreenPoint();
    const anchor =
      trayBounds && trayBounds.width > 0 ? trayBounds : { ...cursor, width: 0, height: 0 };
    const display = screen.getDisplayMatching(anchor);
    const { x, y } = popoverPosition({
      trayBounds,
      cursor,
      workArea: display.workArea,
      size: POPOVER_SIZE,
    });
    win.setPosition(x, y, false);
    win.show();
    win.focus();
  };
  return {
    window: win,
    webContentsId: () => (win.isDestroyed() ? null : contents.id),
    isVisible: () => !win.isDestroyed() && win.isVisible(),
    show,
    hide: () => {
      if (!win.isDestroyed()) win.hide();
    },
    toggle(trayBounds) {
      if (win.isVisible()) win.hide();
      else if (now() - blurHiddenAt > BLUR_CLICK_MS) show(trayBounds);
    },
    sendWhenLoaded(channel, payload) {
      if (win.isDestroyed()) return;
      if (contents.isLoading())
        contents.once('did-finish-load', () => contents.send(channel, payload));
      else contents.send(channel, payload);
    },
    async keepOpenWhile(work) {
      pinned++;
      try {
        return await work();
      } finally {
        pinned--;
        if (!win.isDestroyed() && win.isVisible()) win.focus();
      }
    },
  };
}
