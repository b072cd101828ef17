import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../core/api/base-url';
import { defaultSettings, type Settings } from '../../core/settings';
import { createSettingsPort, type SettingsStorage } from './settings-port';
import { SettingsError } from './validate-settings';

const rules = { normalizeBaseUrl };
const defaults = defaultSettings('/home/me/Videos/Pika');

function memoryStorage(initial?: unknown) {
  let stored: unknown = initial;
  const storage: SettingsStorage & { stored(): unknown } = {
    read: () => stored,
    write: (s) => {
      stored = structuredClone(s);
    },
    stored: () => stored,
  };
  return storage;
}

describe('settings port', () => {
  it('remembers the task layout; refuses an unknown one; repairs a stored bad one', () => {
    const storage = memoryStorage();
    const port = createSettingsPort({ storage, defaults, rules });
    expect(port.get().taskLayout).toBe('list');
    expect(port.update({ taskLayout: 'grid' }).taskLayout).toBe('grid');
    expect(() => port.update({ taskLayout: 'mosaic' as never })).toThrow(SettingsError);
    expect(port.get().taskLayout).toBe('grid');
    const odd = createSettingsPort({
      storage: memoryStorage({ ...defaults, taskLayout: 'mosaic' }),
      defaults,
      rules,
    });
    expect(odd.get().taskLayout).toBe('list');
  });

  it('starts from defaults and saves a valid patch', () => {
    const storage = memoryStorage();
    const port = createSettingsPort({ storage, defaults, rules });
    const seen: [Settings, Settings][] = [];
    port.onChange((next, prev) => seen.push([next, prev]));
    expect(port.get()).toEqual(defaults);
    const next = port.update({
      baseUrl: ' https://gw.example.com/ ',
      pollFloorSec: 10,
      autoDownload: false,
    });
    expect(next).toMatchObject({
      baseUrl: 'https://gw.example.com',
      pollFloorSec: 10,
      autoDownload: false,
    });
    expect(storage.stored()).toEqual(next);
    expect(seen).toEqual([[next, defaults]]);
  });

  it.each<[Partial<Settings>, keyof Settings, RegExp]>([
    [{ baseUrl: 'ftp://x' }, 'baseUrl', /must start with https/],
    [{ baseUrl: 'not a url' }, 'baseUrl', /base URL/],
    [{ baseUrl: 'http://gw.example.com' }, 'baseUrl', /must use https/],
    [{ downloadDir: 'relative/dir' }, 'downloadDir', /absolute/],
    [{ downloadDir: '   ' }, 'downloadDir', /absolute/],
    [{ pollFloorSec: 0 }, 'pollFloorSec', /between 2 and 600/],
    [{ pollFloorSec: Number.NaN }, 'pollFloorSec', /between/],
    [{ pollCapSec: 100_000 }, 'pollCapSec', /between 5 and 3600/],
    [{ stalledAfterMin: 1 }, 'stalledAfterMin', /between 5 and 1440/],
    [{ pollFloorSec: 120, pollCapSec: 60 }, 'pollCapSec', /cannot be shorter/],
  ])('refuses %j as a whole, naming the field', (patch, field, message) => {
    const storage = memoryStorage();
    const port = createSettingsPort({ storage, defaults, rules });
    let error: unknown;
    try {
      port.update({ autoDownload: false, ...patch });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(port.get()).toEqual(defaults);
    expect(storage.stored()).toBeUndefined();
  });

  it('repairs a stored file field by field instead of dropping it', () => {
    const storage = memoryStorage({
      ...defaults,
      baseUrl: 'https://kept.example.com',
      pollFloorSec: -4,
      downloadDir: 42,
      launchAtLogin: true,
      unknownOldKey: 'x',
    });
    const port = createSettingsPort({ storage, defaults, rules });
    expect(port.get()).toEqual({
      ...defaults,
      baseUrl: 'https://kept.example.com',
      launchAtLogin: true,
    });
    expect(
      createSettingsPort({ storage: memoryStorage('garbage'), defaults, rules }).get(),
    ).toEqual(defaults);
  });
});
