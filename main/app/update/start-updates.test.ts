// Which engine each kind of install gets, from what electron-builder leaves in resources/
// (app-update.yml, package-type) and the AppImage runtime's $APPIMAGE; the deb/tar.gz engine
// reads a real feed over loopback through the net.fetch stand-in; the restart question.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainText } from '../../core/text';
import { askRestartDuringDownloads, chooseUpdateEngine, type UpdateInstall } from './start-updates';
import { loadAutoUpdater, type UpdaterLike } from './updater-engine';

let resources: string;
let server: http.Server;
let feedBase: string;

beforeAll(async () => {
  resources = await mkdtemp(path.join(os.tmpdir(), 'pika-update-res-'));
  server = http.createServer((req, res) => {
    if (req.url === '/releases/latest-linux.yml') {
      res.end('version: 0.3.0\nfiles:\n  - url: Pika-Tray-0.3.0.AppImage\n    sha512: abc\n');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases/`;
});

afterAll(async () => {
  await rm(resources, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function install(overrides: Partial<UpdateInstall> = {}) {
  const loads: number[] = [];
  const fetched: string[] = [];
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: async () => null,
    downloadUpdate: async () => [],
    quitAndInstall: () => {},
    on: () => undefined,
  } satisfies UpdaterLike;
  const value: UpdateInstall = {
    app: { isPackaged: true, getVersion: () => '0.1.0' },
    resourcesPath: resources,
    platform: 'linux',
    arch: 'x64',
    env: {},
    net: {
      fetch: (input, init) => {
        fetched.push(String(input));
        return fetch(input, init);
      },
    },
    loadUpdater: async () => {
      loads.push(1);
      return updater;
    },
    ...overrides,
  };
  return { value, loads, fetched, updater };
}

describe('choosing the update engine', () => {
  it('an AppImage uses electron-updater (and turns its auto-download off)', async () => {
    const i = install({ env: { APPIMAGE: '/home/u/Pika-Tray.AppImage' } });
    const chosen = await chooseUpdateEngine(i.value, () => {});
    expect(chosen.mode).toBe('self');
    expect(chosen.engine?.mode).toBe('self');
    expect(i.loads).toHaveLength(1);
    expect(i.updater.autoDownload).toBe(false);
  });

  it('macOS and Windows use electron-updater', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const i = install({ platform });
      expect((await chooseUpdateEngine(i.value, () => {})).mode).toBe('self');
      expect(i.loads).toHaveLength(1);
    }
  });

  it('a deb reads the feed named in app-update.yml through net.fetch and never loads electron-updater', async () => {
    await writeFile(path.join(resources, 'package-type'), 'deb');
    await writeFile(
      path.join(resources, 'app-update.yml'),
      `provider: generic\nurl: ${feedBase}\nupdaterCacheDirName: pika-tray-updater\n`,
    );
    try {
      const i = install();
      const chosen = await chooseUpdateEngine(i.value, () => {});
      expect(chosen.mode).toBe('notify');
      expect(i.loads).toEqual([]);
      expect(await chosen.engine!.check()).toEqual({ verdict: 'newer', version: '0.3.0' });
      expect(i.fetched).toEqual([`${feedBase}latest-linux.yml`]);
      expect(chosen.engine!.releaseUrl('0.3.0')).toBe(feedBase);
    } finally {
      await rm(path.join(resources, 'package-type'));
      await rm(path.join(resources, 'app-update.yml'));
    }
  });

  it('a tar.gz without app-update.yml has updates off and says so in one line', async () => {
    const logs: string[] = [];
    const i = install();
    const chosen = await chooseUpdateEngine(i.value, (line) => logs.push(line));
    expect(chosen).toEqual({ mode: 'off', engine: null });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^Updates are off for this tar\.gz install: .*app-update\.yml/);
  });

  it('a development run never updates', async () => {
    const i = install({ app: { isPackaged: false, getVersion: () => '0.1.0' } });
    expect(await chooseUpdateEngine(i.value, () => {})).toEqual({ mode: 'off', engine: null });
    expect(i.loads).toEqual([]);
  });

  it("reaches electron-updater's updaters through the CommonJS default export", async () => {
    // Constructing an updater needs Electron: check what loadAutoUpdater reaches for.
    const module = await import('electron-updater');
    expect(Object.getOwnPropertyDescriptor(module.default, 'autoUpdater')?.get).toBeTypeOf(
      'function',
    );
    expect(module.default.AppImageUpdater.prototype).toBeInstanceOf(module.default.AppUpdater);
    await expect(loadAutoUpdater('linux')).rejects.toThrow(/electron/i);
  });
});

describe('asking before a restart stops downloads', () => {
  it('maps the three buttons and names the count', async () => {
    const asked: MessageBoxOptions[] = [];
    const dialog = (response: number) => ({
      showMessageBox: async (options: MessageBoxOptions): Promise<MessageBoxReturnValue> => {
        asked.push(options);
        return { response, checkboxChecked: false };
      },
    });
    expect(await askRestartDuringDownloads(dialog(0), 1)).toBe('wait');
    expect(await askRestartDuringDownloads(dialog(1), 2)).toBe('now');
    expect(await askRestartDuringDownloads(dialog(2), 2)).toBe('cancel');
    expect(asked[0]).toMatchObject({
      buttons: ['Restart when downloads finish', 'Restart now', 'Cancel'],
      cancelId: 2,
      defaultId: 0,
      message: 'A video is still downloading.',
    });
    expect(asked[1]!.message).toBe('2 videos are still downloading.');
    expect(await askRestartDuringDownloads(dialog(1), 3, mainText('zh-Hans'))).toBe('now');
    expect(asked[3]).toMatchObject({
      buttons: ['下载完成后重启', '立即重启', '取消'],
      message: '还有 3 个视频正在下载。',
    });
  });
});
