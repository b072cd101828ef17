import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  popoverWindowOptions,
  webPreferencesFor,
  withCsp,
} from './security';
import { popoverPosition } from './popover-position';

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = webPreferencesFor('/app/dist/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('makes a hidden, frameless popover that stays off the taskbar', () => {
    const options = popoverWindowOptions({ preloadPath: '/p.cjs', isDev: false });
    expect(options).toMatchObject({
      width: 380,
      height: 560,
      show: false,
      frame: false,
      skipTaskbar: true,
    });
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
  });

  it('enforces a strict CSP, replacing any the response carried', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' app://poster data:; font-src 'self'; connect-src 'none'; media-src 'self' app://video; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    const headers = withCsp({ 'content-security-policy': ['default-src *'], 'X-Other': 'a' });
    expect(headers).toEqual({
      'X-Other': ['a'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('popover position', () => {
  const size = { width: 380, height: 560 };
  const workArea = { x: 0, y: 25, width: 1440, height: 875 };

  it('opens below a tray icon in a top bar, centred and inside the screen', () => {
    expect(
      popoverPosition({
        trayBounds: { x: 1000, y: 0, width: 24, height: 24 },
        cursor: { x: 0, y: 0 },
        workArea,
        size,
      }),
    ).toEqual({ x: 822, y: 33 });
    // At the right edge it is pushed back in.
    expect(
      popoverPosition({
        trayBounds: { x: 1420, y: 0, width: 20, height: 24 },
        cursor: { x: 0, y: 0 },
        workArea,
        size,
      }).x,
    ).toBe(1440 - 380 - 8);
  });

  it('opens above a taskbar icon at the bottom', () => {
    const area = { x: 0, y: 0, width: 1920, height: 1040 };
    const pos = popoverPosition({
      trayBounds: { x: 1700, y: 1045, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      workArea: area,
      size,
    });
    expect(pos.y + size.height).toBeLessThanOrEqual(1040);
    expect(pos.y).toBe(1040 - 560 - 8);
  });

  it('uses the pointer when the tray has no bounds (Linux)', () => {
    const pos = popoverPosition({
      trayBounds: { x: 0, y: 0, width: 0, height: 0 },
      cursor: { x: 700, y: 30 },
      workArea,
      size,
    });
    expect(pos).toEqual({ x: 510, y: 34 });
  });
});
