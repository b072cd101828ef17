// The update wiring with stand-ins typed against electron.d.ts and electron-updater's own
// AppUpdater type: electron-updater is driven as the policy says, power, network, settings
// and downloads reach the policy, and its answers reach the tray menu and notifications.
import { EventEmitter } from 'node:events';
import type { UpdateCheckResult } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../core/settings';
import type { RestartAnswer, UpdateEngine } from '../../core/update/update-controller';
import { manualClock } from '../../core/update/update-test-kit';
import type { UpdateMenuEntry } from '../../core/update/update-view';
import type { NotificationRequest } from '../../core/notify/notification-policy';
import { connectUpdates } from './connect-updates';
import { createUpdaterEngine, type UpdaterLike } from './updater-engine';

const HOUR = 3_600_000;

/** electron-updater's AppUpdater, as far as the app uses it. */
class FakeUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  logger: UpdaterLike['logger'] = console;
  checks = 0;
  downloads = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next check answers (a function so each call can differ). */
  nextCheck: () => Promise<UpdateCheckResult | null> = async () => null;
  nextDownload: () => Promise<string[]> = async () => ['/tmp/update.AppImage'];
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks++;
    return this.nextCheck();
  }
  downloadUpdate(): Promise<string[]> {
    this.downloads++;
    return this.nextDownload();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const found = (version: string, isUpdateAvailable: boolean): UpdateCheckResult => {
  const updateInfo = {
    version,
    files: [{ url: `Pika-Tray-${version}.AppImage`, sha512: 'x' }],
    path: `Pika-Tray-${version}.AppImage`,
    sha512: 'x',
    releaseDate: '2026-12-01T10:00:00.000Z',
  };
  return { isUpdateAvailable, updateInfo, versionInfo: updateInfo };
};

class FakePower extends EventEmitter {
  battery = false;
  isOnBatteryPower(): boolean {
    return this.battery;
  }
}

function setup(options: { autoUpdate?: boolean; engine?: UpdateEngine } = {}) {
  const clock = manualClock();
  const updater = new FakeUpdater();
  const power = new FakePower();
  let settings: Settings = {
    ...defaultSettings('/videos'),
    autoUpdate: options.autoUpdate ?? true,
  };
  const settingsListeners = new Set<(next: Settings, previous: Settings) => void>();
  const statusListeners = new Set<() => void>();
  const net = { online: true };
  const downloads = { running: 0, queued: 0, idle: [] as (() => void)[] };
  const shown: { request: NotificationRequest; click: () => void }[] = [];
  const menus: UpdateMenuEntry[][] = [];
  const logs: string[] = [];
  const opened: string[] = [];
  const asked: number[] = [];
  let answer: RestartAnswer = 'cancel';
  const wiring = connectUpdates({
    mode: options.engine?.mode ?? 'self',
    engine: options.engine ?? createUpdaterEngine(updater, '0.1.0'),
    currentVersion: '0.1.0',
    productName: 'Pika Tray',
    settings: {
      get: () => settings,
      onChange(listener) {
        settingsListeners.add(listener);
        return () => settingsListeners.delete(listener);
      },
    },
    online: () => net.online,
    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    power,
    downloads: {
      counts: () => ({ running: downloads.running, queued: downloads.queued }),
      idle: () => new Promise<void>((resolve) => downloads.idle.push(resolve)),
    },
    notifier: { show: (request, click) => shown.push({ request, click }) },
    askRestart: async (count) => {
      asked.push(count);
      return answer;
    },
    openExternal: (url) => opened.push(url),
    showMenu: (entries) => menus.push(entries),
    log: (line) => logs.push(line),
    clock,
  });
  return {
    clock,
    updater,
    power,
    net,
    downloads,
    shown,
    menus,
    logs,
    opened,
    asked,
    wiring,
    setAnswer: (a: RestartAnswer) => (answer = a),
    setSettings(patch: Partial<Settings>) {
      const previous = settings;
      settings = { ...settings, ...patch };
      for (const listener of settingsListeners) listener(settings, previous);
    },
    statusChanged: () => statusListeners.forEach((listener) => listener()),
    listenerCounts: () => ({
      settings: settingsListeners.size,
      status: statusListeners.size,
      power: ['on-battery', 'on-ac', 'resume'].map((e) => power.listenerCount(e)),
    }),
    /** Runs the first automatic check (10 s after start) to its end. */
    async firstCheck() {
      clock.advance(10_000);
      await wiring.controller.settled();
    },
  };
}

describe('update wiring: electron-updater', () => {
  it('turns off its own downloading and logging, installs on quit, and swallows its error events', () => {
    const t = setup();
    expect(t.updater.autoDownload).toBe(false);
    expect(t.updater.autoInstallOnAppQuit).toBe(true);
    expect(t.updater.logger).toBeNull();
    expect(() => t.updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'))).not.toThrow();
    expect(t.wiring.menuEntries()).toEqual([
      { id: 'update-check', label: 'Check for updates…', enabled: true },
    ]);
  });

  it('finds, downloads, notifies once and offers the restart; the notification restarts', async () => {
    const t = setup();
    t.updater.nextCheck = async () => found('0.2.0', true);
    t.clock.advance(9_999);
    expect(t.updater.checks).toBe(0);
    await t.firstCheck();
    expect([t.updater.checks, t.updater.downloads]).toEqual([1, 1]);
    expect(t.shown.map((s) => s.request)).toEqual([
      {
        title: 'Pika Tray 0.2.0 is ready',
        body: 'It installs when you quit. Click to restart now.',
        taskId: null,
        kind: 'summary',
      },
    ]);
    expect(t.menus.at(-1)).toEqual([
      { id: 'update-restart', label: 'Restart to update to 0.2.0', enabled: true },
    ]);
    expect(t.menus.map((m) => m[0]!.label)).toEqual([
      'Checking for updates…',
      'Downloading update 0.2.0…',
      'Restart to update to 0.2.0',
    ]);
    t.shown[0]!.click();
    await Promise.resolve();
    expect(t.updater.installs).toEqual([[false, true]]);
  });

  it('asks before a restart from the menu would stop downloads, and waits for them if told', async () => {
    const t = setup();
    t.updater.nextCheck = async () => found('0.2.0', true);
    await t.firstCheck();
    t.downloads.running = 1;
    t.downloads.queued = 2;
    t.setAnswer('wait');
    t.wiring.menuAction('update-restart');
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.asked).toEqual([3]);
    expect(t.updater.installs).toEqual([]);
    expect(t.menus.at(-1)![0]).toMatchObject({ id: 'update-restart', enabled: false });
    t.downloads.running = 0;
    t.downloads.queued = 0;
    t.downloads.idle.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.updater.installs).toEqual([[false, true]]);
  });

  it('does not download or notify when electron-updater finds nothing newer', async () => {
    const t = setup();
    t.updater.nextCheck = async () => found('0.1.0', false);
    await t.firstCheck();
    expect([t.updater.checks, t.updater.downloads, t.shown.length]).toEqual([1, 0, 0]);
    expect(t.wiring.controller.status()).toEqual({ kind: 'idle' });
  });
});

describe('update wiring: deb and tar.gz', () => {
  it('offers the release page: the notification and the menu item open it', async () => {
    const url = 'https://github.com/pika-tray/pika-tray/releases/tag/v0.3.0';
    const t = setup({
      engine: {
        mode: 'notify',
        check: async () => ({ verdict: 'newer', version: '0.3.0' }),
        download: () => Promise.reject(new Error('no')),
        install: () => {
          throw new Error('no');
        },
        releaseUrl: () => url,
      },
    });
    await t.firstCheck();
    expect(t.shown.map((s) => s.request.title)).toEqual(['Pika Tray 0.3.0 is available']);
    expect(t.menus.at(-1)).toEqual([
      { id: 'update-open', label: 'Download version 0.3.0…', enabled: true },
      { id: 'update-check', label: 'Check for updates…', enabled: true },
    ]);
    t.shown[0]!.click();
    t.wiring.menuAction('update-open');
    expect(t.opened).toEqual([url, url]);
  });
});

describe('update wiring: failures leave the app untouched', () => {
  it('a 404 feed: one log line, no notification, the menu offers a check again, backs off', async () => {
    const t = setup();
    t.updater.nextCheck = () =>
      Promise.reject(
        new Error(
          'HttpError: 404 \n"method: GET url: https://github.com/pika-tray/pika-tray/releases.atom"',
        ),
      );
    await t.firstCheck();
    expect(t.logs).toEqual(['Update check failed (next automatic try in 1 h): HttpError: 404']);
    expect(t.shown).toEqual([]);
    expect(t.menus.at(-1)).toEqual([
      { id: 'update-check', label: 'Check for updates…', enabled: true },
    ]);
    t.clock.advance(HOUR - 1);
    expect(t.updater.checks).toBe(1);
    t.clock.advance(1);
    expect(t.updater.checks).toBe(2);
  });

  it('a bad checksum: one log line, nothing installed, no restart offered', async () => {
    const t = setup();
    t.updater.nextCheck = async () => found('0.2.0', true);
    t.updater.nextDownload = () =>
      Promise.reject(new Error('sha512 checksum mismatch, expected a, got b'));
    await t.firstCheck();
    expect(t.logs).toEqual([
      'Update download failed (next automatic try in 1 h): sha512 checksum mismatch, expected a, got b',
    ]);
    expect(t.updater.installs).toEqual([]);
    expect(t.shown).toEqual([]);
    expect(t.wiring.menuEntries().map((e) => e.id)).toEqual(['update-check']);
  });
});

describe('update wiring: conditions', () => {
  it('waits for mains power: no check on battery, one when powerMonitor says on-ac', async () => {
    const t = setup();
    t.power.battery = true;
    t.clock.advance(2 * HOUR);
    expect(t.updater.checks).toBe(0);
    t.power.battery = false;
    t.power.emit('on-ac');
    t.clock.advance(0);
    expect(t.updater.checks).toBe(1);
  });

  it('waits for the network: a status change that says online lets the due check run', () => {
    const t = setup();
    t.net.online = false;
    t.clock.advance(HOUR);
    expect(t.updater.checks).toBe(0);
    t.net.online = true;
    t.statusChanged();
    t.clock.advance(0);
    expect(t.updater.checks).toBe(1);
  });

  it('with automatic updates off only the menu checks; turning them on resumes the schedule', async () => {
    const t = setup({ autoUpdate: false });
    t.clock.advance(24 * HOUR);
    expect(t.updater.checks).toBe(0);
    t.updater.nextCheck = async () => found('0.1.0', false);
    t.wiring.menuAction('update-check');
    await t.wiring.controller.settled();
    expect(t.updater.checks).toBe(1);
    expect(t.shown.map((s) => s.request.title)).toEqual(['Pika Tray is up to date']);
    t.setSettings({ autoUpdate: true });
    t.clock.advance(6 * HOUR);
    expect(t.updater.checks).toBe(2);
  });

  it('close() lets go of power, settings and status listeners and stops the schedule', () => {
    const t = setup();
    expect(t.listenerCounts()).toEqual({ settings: 1, status: 1, power: [1, 1, 1] });
    t.wiring.close();
    expect(t.listenerCounts()).toEqual({ settings: 0, status: 0, power: [0, 0, 0] });
    t.clock.advance(24 * HOUR);
    expect(t.updater.checks).toBe(0);
  });
});
