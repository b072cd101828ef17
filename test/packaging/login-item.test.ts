// Launch at login: the XDG autostart entry is written to a real (temporary) config folder and
// read back; the macOS/Windows path goes through a stub typed against Electron's App, so the
// calls are the ones Electron declares.
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { App, LoginItemSettings, LoginItemSettingsOptions, Settings } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HIDDEN_ARG,
  getLaunchAtLogin,
  setLaunchAtLogin,
  startedAtLogin,
} from '../../main/app/login-item';
import type { LoginItemApp } from '../../main/app/login-item';
import {
  autostartFilePath,
  buildAutostartEntry,
  isAutostartEnabled,
  quoteExecArg,
} from '../../main/app/login-item/xdg-autostart';

let tmp: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pika-login-'));
  env = { XDG_CONFIG_HOME: path.join(tmp, 'config'), HOME: path.join(tmp, 'home') };
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// An Electron stand-in that records calls; getLoginItemSettings answers like Windows does,
// only for the same path + args the item was registered with.
function stubApp(platform: 'darwin' | 'win32') {
  const calls: Settings[] = [];
  let registered: Settings | null = null;
  const app: LoginItemApp & { wasOpenedAtLogin: boolean } = {
    wasOpenedAtLogin: false,
    setLoginItemSettings(settings: Settings) {
      calls.push(settings);
      registered = settings.openAtLogin ? settings : null;
    },
    getLoginItemSettings(options?: LoginItemSettingsOptions): LoginItemSettings {
      const matches =
        registered !== null &&
        (platform === 'darwin' ||
          (options?.path === registered.path &&
            JSON.stringify(options?.args) === JSON.stringify(registered.args)));
      return {
        openAtLogin: matches,
        openAsHidden: false,
        wasOpenedAtLogin: app.wasOpenedAtLogin,
        wasOpenedAsHidden: false,
        restoreState: false,
        status: matches ? 'enabled' : 'not-registered',
        executableWillLaunchAtLogin: registered !== null,
        launchItems: [],
      };
    },
  };
  return { app, calls };
}

describe('XDG autostart entry (Linux)', () => {
  it('is written under $XDG_CONFIG_HOME/autostart with the AppImage path and --hidden', async () => {
    const electronApp = stubApp('darwin').app;
    const appImage = path.join(tmp, 'Apps', 'Pika Tray-0.1.0.AppImage');
    const on = await setLaunchAtLogin(true, electronApp, 'linux', {
      env: { ...env, APPIMAGE: appImage },
      execPath: '/tmp/.mount_PikaXYZ/pika-tray',
    });
    expect(on).toBe(true);
    const file = path.join(tmp, 'config', 'autostart', 'pika-tray.desktop');
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Name=Pika Tray\n');
    expect(text).toContain('Comment[zh_CN]=登录时在系统托盘中启动 Pika Tray\n');
    expect(text).toContain(`Exec="${appImage}" --hidden\n`);
    expect(text).not.toContain('.mount_');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    // Atomic write leaves no temp files behind.
    expect(await readdir(path.dirname(file))).toEqual(['pika-tray.desktop']);
  });

  it('uses process.execPath outside an AppImage, and ~/.config without XDG_CONFIG_HOME', async () => {
    const target = { env: { HOME: path.join(tmp, 'home') }, execPath: '/opt/pika-tray/pika-tray' };
    await setLaunchAtLogin(true, stubApp('darwin').app, 'linux', target);
    const file = path.join(tmp, 'home', '.config', 'autostart', 'pika-tray.desktop');
    expect(autostartFilePath(target)).toBe(file);
    expect(await readFile(file, 'utf8')).toContain('Exec=/opt/pika-tray/pika-tray --hidden\n');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the base-directory spec requires', () => {
    expect(autostartFilePath({ env: { XDG_CONFIG_HOME: 'rel/config', HOME: '/home/u' } })).toBe(
      '/home/u/.config/autostart/pika-tray.desktop',
    );
  });

  it('is removed when disabled, and disabling twice is fine', async () => {
    const electronApp = stubApp('darwin').app;
    const target = { env, execPath: '/usr/bin/pika-tray' };
    await setLaunchAtLogin(true, electronApp, 'linux', target);
    expect(await getLaunchAtLogin(electronApp, 'linux', target)).toBe(true);
    expect(await setLaunchAtLogin(false, electronApp, 'linux', target)).toBe(false);
    await expect(stat(autostartFilePath(target))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await setLaunchAtLogin(false, electronApp, 'linux', target)).toBe(false);
  });

  it('reports off when the desktop turned the entry off (Hidden / X-GNOME-Autostart-enabled)', async () => {
    const target = { env };
    const file = autostartFilePath(target);
    await mkdir(path.dirname(file), { recursive: true });
    const entry = buildAutostartEntry({ executable: '/usr/bin/pika-tray', args: [HIDDEN_ARG] });
    await writeFile(file, entry);
    expect(await isAutostartEnabled(target)).toBe(true);
    await writeFile(
      file,
      entry.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(await isAutostartEnabled(target)).toBe(false);
    await writeFile(file, `${entry}Hidden=true\n`);
    expect(await isAutostartEnabled(target)).toBe(false);
  });

  it('quotes and escapes Exec arguments per the Desktop Entry spec', () => {
    expect(quoteExecArg('/usr/bin/pika-tray')).toBe('/usr/bin/pika-tray');
    expect(quoteExecArg('/opt/Pika Tray/pika-tray')).toBe('"/opt/Pika Tray/pika-tray"');
    expect(quoteExecArg('/a/$HOME"x`')).toBe('"/a/\\$HOME\\"x\\`"');
    expect(quoteExecArg('/a/100%')).toBe('/a/100%%');
    expect(() => quoteExecArg('/a\nInjected=1')).toThrow(/line break/);
    // In the file, each quoting backslash is itself escaped (string value rule).
    const entry = buildAutostartEntry({ executable: '/a/b\\c d', args: [] });
    expect(entry).toContain('Exec="/a/b\\\\\\\\c d"\n');
  });

  it('refuses a relative executable with a clear error', () => {
    expect(() => buildAutostartEntry({ executable: 'pika-tray', args: [] })).toThrow(/absolute/);
  });

  it('surfaces a write failure with the path instead of claiming success', async () => {
    // The autostart "folder" is a file: mkdir fails, and the caller hears about it.
    await mkdir(path.join(tmp, 'config'), { recursive: true });
    await writeFile(path.join(tmp, 'config', 'autostart'), 'not a folder');
    await expect(setLaunchAtLogin(true, stubApp('darwin').app, 'linux', { env })).rejects.toThrow(
      /autostart/,
    );
  });
});

describe('Electron login items (macOS, Windows)', () => {
  it('on Windows registers execPath with --hidden and reads back with the same pair', async () => {
    const { app, calls } = stubApp('win32');
    const options = {
      execPath: 'C:\\Users\\u\\AppData\\Local\\Programs\\Pika Tray\\Pika Tray.exe',
    };
    expect(await setLaunchAtLogin(true, app, 'win32', options)).toBe(true);
    expect(calls).toEqual([{ openAtLogin: true, path: options.execPath, args: [HIDDEN_ARG] }]);
    expect(await setLaunchAtLogin(false, app, 'win32', options)).toBe(false);
    expect(calls[1]).toEqual({ openAtLogin: false, path: options.execPath, args: [HIDDEN_ARG] });
  });

  it('passes the app folder before --hidden in development', async () => {
    const { app, calls } = stubApp('win32');
    await setLaunchAtLogin(true, app, 'win32', {
      execPath: 'C:\\e\\electron.exe',
      appArgs: ['C:\\src'],
    });
    expect(calls[0]?.args).toEqual(['C:\\src', HIDDEN_ARG]);
  });

  it('on macOS toggles the login item and writes no autostart file', async () => {
    const { app, calls } = stubApp('darwin');
    expect(await setLaunchAtLogin(true, app, 'darwin', { env })).toBe(true);
    expect(calls).toEqual([{ openAtLogin: true }]);
    expect(await setLaunchAtLogin(false, app, 'darwin', { env })).toBe(false);
    await expect(stat(path.join(tmp, 'config'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('knows a login start: --hidden anywhere, or macOS wasOpenedAtLogin', () => {
    const mac = stubApp('darwin').app;
    expect(startedAtLogin(['/x/pika-tray', HIDDEN_ARG], mac, 'linux')).toBe(true);
    expect(startedAtLogin(['/x/pika-tray'], mac, 'win32')).toBe(false);
    expect(startedAtLogin(['/x/Pika Tray'], mac, 'darwin')).toBe(false);
    mac.wasOpenedAtLogin = true;
    expect(startedAtLogin(['/x/Pika Tray'], mac, 'darwin')).toBe(true);
  });

  it('the stub satisfies the real Electron App type for the methods used', () => {
    const electronApp: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'> =
      stubApp('darwin').app;
    expect(typeof electronApp.getLoginItemSettings).toBe('function');
  });
});
