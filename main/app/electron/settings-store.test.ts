import type * as FsModule from 'node:fs';
import type * as OsModule from 'node:os';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Hoisted above the mocks, which need the folder: plain require is what runs that early.
const dir = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof FsModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof OsModule;
  return fs.mkdtempSync(`${os.tmpdir()}/pika-settings-store-`);
});

// Only app.getPath is touched; 'videos' is missing unless a test gives it.
const folders = vi.hoisted(() => ({ videos: null as string | null }));
vi.mock('electron', () => {
  const app = {
    getPath: (name: Parameters<Electron.App['getPath']>[0]) => {
      if (name === 'userData') return dir;
      if (name === 'videos' && folders.videos) return folders.videos;
      if (name === 'downloads') return '/home/me/Downloads';
      throw new Error(`no ${name} folder`);
    },
  } satisfies Partial<Electron.App>;
  return { app, default: { app } };
});

// electron-store itself needs a running Electron; its Conf base class does the real work,
// so the stand-in is Conf pointed at the same folder and file name.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class Store extends Conf<Record<string, unknown>> {
    constructor(options: { name: string } & Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name, cwd: dir, projectName: 'pika-tray-test' });
    }
  }
  return { default: Store };
});

const { openSettingsStore, openVaultStorage, defaultDownloadDir, appDefaults, SETTINGS_SCHEMA } =
  await import('./settings-store');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('electron settings store', () => {
  it('defaults the download folder to Videos, else Downloads, + /Pika', () => {
    expect(defaultDownloadDir()).toBe('/home/me/Downloads/Pika');
    folders.videos = '/home/me/Videos';
    try {
      expect(defaultDownloadDir()).toBe('/home/me/Videos/Pika');
    } finally {
      folders.videos = null;
    }
  });

  it('its schema types every setting, and a new file holds every default', () => {
    const keys = Object.keys(appDefaults()).sort();
    const properties = (SETTINGS_SCHEMA.settings as { properties: Record<string, unknown> })
      .properties;
    expect(Object.keys(properties).sort()).toEqual(keys);
    expect(keys).toEqual(
      [
        'autoDownload',
        'baseUrl',
        'downloadDir',
        'launchAtLogin',
        'autoUpdate',
        'network',
        'notifications',
        'pollCapSec',
        'pollFloorSec',
        'pollMaxPerMin',
        'stalledAfterMin',
        'lowCreditUsd',
        'taskLayout',
        'language',
      ].sort(),
    );
  });

  it('writes defaults, keeps what is saved, and sets an unreadable file aside', () => {
    const first = openSettingsStore();
    expect(first.recoveredFrom).toBeNull();
    expect(first.store.get('settings').downloadDir).toBe('/home/me/Downloads/Pika');
    first.store.set('settings', { ...first.store.get('settings'), autoDownload: false });
    expect(openSettingsStore().store.get('settings').autoDownload).toBe(false);

    // A type the schema refuses (hand edit): the file is set aside, not the app crashed.
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ settings: { autoDownload: 'yes' } }));
    const again = openSettingsStore();
    expect(again.recoveredFrom).toMatch(/settings\.json\.unreadable-\d+$/);
    expect(readFileSync(again.recoveredFrom!, 'utf8')).toContain('"yes"');
    expect(again.store.get('settings').autoDownload).toBe(true);

    writeFileSync(file, '{ not json');
    expect(openSettingsStore().recoveredFrom).not.toBeNull();
    expect(readdirSync(dir).filter((f) => f.includes('unreadable'))).toHaveLength(2);
  });

  it('keeps the encrypted token in its own file', () => {
    const vault = openVaultStorage();
    expect(vault.read()).toBeUndefined();
    vault.write('Y2lwaGVy');
    expect(openVaultStorage().read()).toBe('Y2lwaGVy');
    expect(JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'))).toEqual({
      token: 'Y2lwaGVy',
    });
    vault.erase();
    expect(openVaultStorage().read()).toBeUndefined();
  });
});
