// Settings and the encrypted token live in electron-store files under userData. The JSON
// schema checks types; ranges and cross-field rules are checked field by field when read
// (validate-settings), so one odd value falls back to its default instead of all of them.
import { join } from 'node:path';
import { app } from 'electron';
import Store, { type Schema } from 'electron-store';
import { LANGUAGE_SETTINGS } from '../../core/i18n/locale';
import { defaultSettings, type Settings } from '../../core/settings';
import { openStoreFile, type OpenedStore } from '../settings/open-store-file';
import type { SecretStorage } from '../token/token-vault';

export interface SettingsFile {
  settings: Settings;
  /** The request rate learnt per gateway origin (see app/settings/rate-memory.ts). */
  learntRates?: Record<string, unknown>;
}

export const SETTINGS_SCHEMA: Schema<SettingsFile> = {
  settings: {
    type: 'object',
    properties: {
      baseUrl: { type: 'string' },
      autoDownload: { type: 'boolean' },
      downloadDir: { type: 'string' },
      notifications: { type: 'boolean' },
      launchAtLogin: { type: 'boolean' },
      autoUpdate: { type: 'boolean' },
      pollFloorSec: { type: 'number' },
      pollCapSec: { type: 'number' },
      stalledAfterMin: { type: 'number' },
      lowCreditUsd: { type: 'number' },
      // Loose on purpose: an unknown mode or a bad URL falls back to the default when read
      // (validate-settings) instead of setting the whole file aside.
      network: {
        type: 'object',
        properties: { mode: { type: 'string' }, proxyUrl: { type: 'string' } },
      },
      pollMaxPerMin: { type: 'number' },
      taskLayout: { type: 'string', enum: ['list', 'grid'] },
      language: { type: 'string', enum: [...LANGUAGE_SETTINGS] },
    },
  },
  learntRates: { type: 'object' },
};

/** The user's Videos folder (Downloads where there is none) + /Pika. */
export function defaultDownloadDir(): string {
  for (const name of ['videos', 'downloads', 'home'] as const) {
    try {
      return join(app.getPath(name), 'Pika');
    } catch {
      // this folder kind is unknown on this system; try the next
    }
  }
  return join(app.getPath('userData'), 'Pika');
}

export function appDefaults(): Settings {
  return defaultSettings(defaultDownloadDir());
}

export function openSettingsStore(): OpenedStore<Store<SettingsFile>> {
  const defaults = appDefaults();
  return openStoreFile(
    () =>
      new Store<SettingsFile>({
        name: 'settings',
        schema: SETTINGS_SCHEMA,
        defaults: { settings: defaults },
      }),
    join(app.getPath('userData'), 'settings.json'),
  );
}

/** The encrypted token (base64) in its own file, so settings can be shared or reset alone. */
export function openVaultStorage(): SecretStorage {
  const { store } = openStoreFile(
    () => new Store<{ token?: string }>({ name: 'vault', schema: { token: { type: 'string' } } }),
    join(app.getPath('userData'), 'vault.json'),
  );
  return {
    read: () => store.get('token'),
    write: (base64) => store.set('token', base64),
    erase: () => store.delete('token'),
  };
}
