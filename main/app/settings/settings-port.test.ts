import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../core/api/base-url';
import { normalizeProxyUrl } from '../network/proxy-url-rule';
import { defaultSettings, type Settings } from '../../core/settings';
import { createSettingsPort, type SettingsStorage } from './settings-port';
import { SettingsError } from './validate-settings';

const rules = { normalizeBaseUrl, normalizeProxyUrl };
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
    [{ downloadDir: '/' }, 'downloadDir', /root of the file system/],
    [{ downloadDir: '/home/..' }, 'downloadDir', /root of the file system/],
    [{ downloadDir: '//host/share' }, 'downloadDir', /network share/],
    [{ pollFloorSec: 0 }, 'pollFloorSec', /between 2 and 600/],
    [{ pollFloorSec: Number.NaN }, 'pollFloorSec', /between/],
    [{ pollCapSec: 100_000 }, 'pollCapSec', /between 5 and 3600/],
    [{ stalledAfterMin: 1 }, 'stalledAfterMin', /between 5 and 1440/],
    [{ pollMaxPerMin: 7_000 }, 'pollMaxPerMin', /requests per minute .* between 0 and 6000/],
    [{ pollMaxPerMin: -1 }, 'pollMaxPerMin', /between 0 and 6000/],
    [{ pollFloorSec: 120, pollCapSec: 60 }, 'pollCapSec', /cannot be shorter/],
    [{ network: { mode: 'manual', proxyUrl: '  ' } }, 'network', /Enter the proxy URL/],
    [{ network: { mode: 'manual', proxyUrl: 'ftp://p.example:21' } }, 'network', /not supported/],
    [{ network: { mode: 'manual', proxyUrl: 'http://p.example/x' } }, 'network', /has a path/],
    [{ network: { mode: 'none', proxyUrl: 'http://:7890' } }, 'network', /proxy address/],
    [{ network: { mode: 'vpn', proxyUrl: '' } as never }, 'network', /Choose System proxy/],
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

  it.each(['/', '//host/share/Pika', '\\\\host\\share', '\\\\?\\C:\\x', '//./pipe/x'])(
    'a stored download folder %j falls back to the default on load',
    (downloadDir) => {
      const port = createSettingsPort({
        storage: memoryStorage({ ...defaults, downloadDir, autoDownload: false }),
        defaults,
        rules,
      });
      expect(port.get()).toEqual({ ...defaults, autoDownload: false });
    },
  );
  it('saves the network setting: a typed proxy URL is checked and kept across modes', () => {
    const port = createSettingsPort({ storage: memoryStorage(), defaults, rules });
    expect(defaults.network).toEqual({ mode: 'system', proxyUrl: '' });
    // A bare host:port means http://, as in curl; a password is kept for the proxy.
    expect(
      port.update({ network: { mode: 'manual', proxyUrl: ' 127.0.0.1:7890 ' } }).network,
    ).toEqual({ mode: 'manual', proxyUrl: 'http://127.0.0.1:7890' });
    expect(
      port.update({ network: { mode: 'manual', proxyUrl: 'socks5://me:pw@10.0.0.2:1080/' } })
        .network,
    ).toEqual({ mode: 'manual', proxyUrl: 'socks5://me:pw@10.0.0.2:1080' });
    // Switching away keeps the URL, so switching back restores it.
    expect(
      port.update({ network: { mode: 'none', proxyUrl: 'socks5://me:pw@10.0.0.2:1080' } }).network,
    ).toEqual({ mode: 'none', proxyUrl: 'socks5://me:pw@10.0.0.2:1080' });
  });

  it('a refused proxy URL never has its password in the message', () => {
    const port = createSettingsPort({ storage: memoryStorage(), defaults, rules });
    for (const proxyUrl of [
      'gopher://me:hunter2@p.example:70',
      'http://me:hunter2@p.example:1/x',
      'http://me:hunter2@:1',
    ]) {
      let message = '';
      try {
        port.update({ network: { mode: 'manual', proxyUrl } });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('hunter2');
    }
  });

  it('repairs a stored file field by field instead of dropping it', () => {
    const storage = memoryStorage({
      ...defaults,
      baseUrl: 'https://kept.example.com',
      pollFloorSec: -4,
      downloadDir: 42,
      launchAtLogin: true,
      autoUpdate: 'no',
      unknownOldKey: 'x',
      network: { mode: 'manual', proxyUrl: 'not a proxy ::' },
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
