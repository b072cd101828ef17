import { describe, expect, it } from 'vitest';
import { appUserModelId } from './app-identity';
import { APP_ID } from '../core/app-id';
import { isWaylandSession } from './linux-session';

describe('Wayland detection', () => {
  const linux = (env: Record<string, string>, ozonePlatform = '') =>
    isWaylandSession({ platform: 'linux', env, ozonePlatform });

  it('a Wayland session runs natively on Wayland unless X11 is forced', () => {
    expect(linux({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(linux({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    // README: `--ozone-platform=x11` runs the app through XWayland.
    expect(linux({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, 'x11')).toBe(false);
    expect(linux({ DISPLAY: ':0' }, 'wayland')).toBe(true);
  });

  it('X11 sessions and other systems are not Wayland', () => {
    expect(linux({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
    expect(linux({ DISPLAY: ':0' })).toBe(false);
    expect(
      isWaylandSession({ platform: 'darwin', env: { WAYLAND_DISPLAY: 'x' }, ozonePlatform: '' }),
    ).toBe(false);
  });
});

describe('Windows AppUserModelId', () => {
  it('is the app id when packaged, and electron.exe’s path under npm start', () => {
    expect(appUserModelId(true, 'C:\\x\\Pika Tray.exe')).toBe(APP_ID);
    expect(appUserModelId(false, 'C:\\repo\\node_modules\\electron\\dist\\electron.exe')).toBe(
      'C:\\repo\\node_modules\\electron\\dist\\electron.exe',
    );
  });
});
