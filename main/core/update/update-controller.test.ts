import { describe, expect, it } from 'vitest';
import { createUpdateController, type RestartAnswer, type UpdateNotice } from './update-controller';
import { manualClock, scriptedEngine } from './update-test-kit';
import { UPDATE_TIMING } from './update-timing';
import { updateMenuEntries } from './update-view';
import { UpdateFeedError } from './feed';
import { mainText, type MainText } from '../text';
import { say } from '../text/message-ref';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

function setup(mode: 'self' | 'notify' = 'self', timing = UPDATE_TIMING, text?: () => MainText) {
  const clock = manualClock();
  const scripted = scriptedEngine(mode);
  const env = { automatic: true, online: true, onBattery: false };
  const downloads = { active: 0, idleWaiters: [] as (() => void)[] };
  const notices: UpdateNotice[] = [];
  const logs: string[] = [];
  const asked: number[] = [];
  let answer: RestartAnswer = 'cancel';
  const controller = createUpdateController({
    engine: scripted.engine,
    currentVersion: '1.0.0',
    productName: 'Pika Tray',
    conditions: {
      automatic: () => env.automatic,
      online: () => env.online,
      onBattery: () => env.onBattery,
    },
    downloads: {
      active: () => downloads.active,
      idle: () => new Promise<void>((resolve) => downloads.idleWaiters.push(resolve)),
    },
    askRestartDuringDownloads: async (count) => {
      asked.push(count);
      return answer;
    },
    notify: (notice) => notices.push(notice),
    log: (line) => logs.push(line),
    clock,
    timing,
    ...(text ? { text } : {}),
  });
  const checkStarts: number[] = [];
  const origCheck = scripted.engine.check.bind(scripted.engine);
  scripted.engine.check = () => {
    checkStarts.push(clock.now());
    return origCheck();
  };
  return {
    clock,
    scripted,
    env,
    downloads,
    notices,
    logs,
    asked,
    controller,
    checkStarts,
    setAnswer: (a: RestartAnswer) => (answer = a),
    /** Lets the controller's awaits run after the test answered the engine. */
    settle: () => controller.settled(),
  };
}

describe('update policy: when to check', () => {
  it('checks once a few seconds after start, then every 6 hours after a good answer', async () => {
    const t = setup();
    const start = t.clock.now();
    t.clock.advance(UPDATE_TIMING.firstDelayMs - 1);
    expect(t.checkStarts).toEqual([]);
    t.clock.advance(1);
    expect(t.checkStarts).toEqual([start + 10 * SEC]);
    t.scripted.answer('same', '1.0.0');
    await t.settle();
    t.clock.advance(6 * HOUR - 1);
    expect(t.checkStarts).toHaveLength(1);
    t.clock.advance(1);
    expect(t.checkStarts).toHaveLength(2);
    expect(t.checkStarts[1]! - t.checkStarts[0]!).toBe(6 * HOUR);
    expect(t.notices).toEqual([]);
    expect(t.controller.status()).toEqual({ kind: 'checking' });
  });

  it('never checks automatically while offline or on battery; checks when that ends', async () => {
    const t = setup();
    t.env.online = false;
    t.clock.advance(3 * HOUR);
    expect(t.checkStarts).toEqual([]);
    t.env.online = true;
    t.env.onBattery = true;
    t.controller.conditionsChanged();
    t.clock.advance(HOUR);
    expect(t.checkStarts).toEqual([]);
    t.env.onBattery = false;
    t.controller.conditionsChanged();
    t.clock.advance(0);
    expect(t.checkStarts).toEqual([t.clock.now()]);
  });

  it('notices the network came back without being told, within the blocked re-check time', () => {
    const t = setup();
    t.env.online = false;
    t.clock.advance(2 * HOUR);
    expect(t.checkStarts).toEqual([]);
    t.env.online = true;
    t.clock.advance(UPDATE_TIMING.blockedRecheckMs);
    expect(t.checkStarts).toHaveLength(1);
  });

  it('stops a scheduled check when the machine goes on battery before it is due', () => {
    const t = setup();
    t.clock.advance(5 * SEC);
    t.env.onBattery = true;
    t.controller.conditionsChanged();
    t.clock.advance(24 * HOUR);
    expect(t.checkStarts).toEqual([]);
  });

  it('with automatic updates off checks only when asked from the menu', async () => {
    const t = setup();
    t.env.automatic = false;
    t.controller.conditionsChanged();
    t.clock.advance(48 * HOUR);
    expect(t.checkStarts).toEqual([]);
    const asked = t.controller.checkNow();
    expect(t.checkStarts).toHaveLength(1);
    t.scripted.answer('same', '1.0.0');
    await asked;
    expect(t.notices.map((n) => n.title)).toEqual(['Pika Tray is up to date']);
    t.clock.advance(48 * HOUR);
    expect(t.checkStarts).toHaveLength(1);
  });

  it('never starts two automatic checks within an hour, however often conditions flap', async () => {
    // Even with a retry after one minute the hour between two checks holds.
    const t = setup('self', { ...UPDATE_TIMING, failureBaseMs: MIN, failureMaxMs: 2 * MIN });
    // Every check fails at once, and the network drops and returns every minute for two days.
    for (let minute = 0; minute < 48 * 60; minute++) {
      t.env.online = minute % 2 === 0;
      t.controller.conditionsChanged();
      t.clock.advance(MIN);
      if (t.scripted.checks.length > 0 && t.checkStarts.length > t.logs.length) {
        t.scripted.fail(new Error('getaddrinfo ENOTFOUND github.com'));
        await t.settle();
      }
    }
    expect(t.checkStarts.length).toBeGreaterThan(3);
    const gaps = t.checkStarts.slice(1).map((at, i) => at - t.checkStarts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(HOUR);
  });

  it('a menu check just before the first automatic one pushes it an hour on', async () => {
    const t = setup();
    t.clock.advance(5 * SEC);
    const manual = t.controller.checkNow();
    t.scripted.answer('same', '1.0.0');
    await manual;
    t.clock.advance(HOUR - 6 * SEC);
    expect(t.checkStarts).toHaveLength(1);
    // A good answer sets the next check 6 h on.
    t.clock.advance(6 * HOUR);
    expect(t.checkStarts).toHaveLength(2);
  });

  it('never runs two checks at once: a menu check during a check joins it', async () => {
    const t = setup();
    t.clock.advance(10 * SEC);
    const joined = t.controller.checkNow();
    expect(t.checkStarts).toHaveLength(1);
    t.scripted.answer('same', '1.0.0');
    await joined;
    expect(t.scripted.checks).toHaveLength(1);
  });
});

describe('update policy: failures', () => {
  it('backs off after each failure in a row (1, 2, 4, 8, 16, 24, 24 h), logs one line each, and resets on success', async () => {
    const t = setup();
    t.clock.advance(10 * SEC);
    for (let i = 0; i < 7; i++) {
      t.scripted.fail(
        new Error(
          i % 2
            ? 'HttpError: 404 Not Found\n"method: GET url: …"'
            : 'net::ERR_INTERNET_DISCONNECTED',
        ),
      );
      await t.settle();
      t.clock.advance(t.clock.pending()[0]! - t.clock.now());
    }
    const gaps = t.checkStarts.slice(1).map((at, i) => (at - t.checkStarts[i]!) / HOUR);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 24, 24]);
    expect(t.logs).toHaveLength(7);
    expect(t.logs.every((line) => !line.includes('\n'))).toBe(true);
    expect(t.logs[1]).toBe(
      'Update check failed (next automatic try in 2 h): HttpError: 404 Not Found',
    );
    expect(t.notices).toEqual([]);
    t.scripted.answer('same', '1.0.0');
    await t.settle();
    expect(t.clock.pending()[0]! - t.clock.now()).toBe(6 * HOUR);
  });

  it('a bad checksum while downloading leaves the app as it was, logs one line and backs off', async () => {
    const t = setup();
    t.clock.advance(10 * SEC);
    t.scripted.answer('newer', '1.1.0');
    await Promise.resolve();
    await Promise.resolve();
    expect(t.controller.status()).toEqual({ kind: 'downloading', version: '1.1.0' });
    t.scripted.downloads[0]!.reject(new Error('sha512 checksum mismatch, expected abc, got def'));
    await t.settle();
    expect(t.controller.status()).toEqual({ kind: 'idle' });
    expect(t.scripted.installs()).toBe(0);
    expect(t.notices).toEqual([]);
    expect(t.logs).toEqual([
      'Update download failed (next automatic try in 1 h): sha512 checksum mismatch, expected abc, got def',
    ]);
    expect(t.clock.pending()[0]! - t.clock.now()).toBe(HOUR);
  });

  it('answers a failed menu check with a notification', async () => {
    const t = setup();
    const asked = t.controller.checkNow();
    t.scripted.fail(new Error('HttpError: 404'));
    await asked;
    expect(t.notices).toEqual([
      { title: 'Could not check for updates', body: 'HttpError: 404', click: { action: 'none' } },
    ]);
    expect(t.logs).toHaveLength(1);
  });

  it('says why its own feed failed in the language of the moment; the log stays English', async () => {
    let locale: 'en' | 'zh-Hans' = 'en';
    const t = setup('notify', UPDATE_TIMING, () => mainText(locale));
    const asked = t.controller.checkNow();
    locale = 'zh-Hans'; // Settings -> Language changed while the check was under way
    t.scripted.fail(new UpdateFeedError('http', say('update.feedHttp', 404)));
    await asked;
    expect(t.notices).toEqual([
      { title: '无法检查更新', body: '更新源返回了 HTTP 404。', click: { action: 'none' } },
    ]);
    expect(t.logs.at(-1)).toContain('The update feed answered HTTP 404.');
  });
});

describe('update policy: self-updating installs (macOS zip, Windows NSIS, AppImage)', () => {
  async function ready(t: ReturnType<typeof setup>) {
    t.clock.advance(10 * SEC);
    t.scripted.answer('newer', '1.2.0');
    await Promise.resolve();
    await Promise.resolve();
    t.scripted.downloads[0]!.resolve();
    await t.settle();
  }

  it('downloads a newer version, says so once, offers the restart and stops checking', async () => {
    const t = setup();
    await ready(t);
    expect(t.controller.status()).toEqual({
      kind: 'ready',
      version: '1.2.0',
      restartWhenIdle: false,
    });
    expect(t.notices).toEqual([
      {
        title: 'Pika Tray 1.2.0 is ready',
        body: 'It installs when you quit. Click to restart now.',
        click: { action: 'restart' },
      },
    ]);
    expect(updateMenuEntries('self', t.controller.status())).toEqual([
      { id: 'update-restart', label: 'Restart to update to 1.2.0', enabled: true },
    ]);
    t.clock.advance(48 * HOUR);
    expect(t.checkStarts).toHaveLength(1);
    expect(t.scripted.installs()).toBe(0);
  });

  it('a menu check once the update is ready says so again, in the language of the moment', async () => {
    let locale: 'en' | 'zh-Hans' = 'en';
    const t = setup('self', UPDATE_TIMING, () => mainText(locale));
    await ready(t);
    locale = 'zh-Hans';
    await t.controller.checkNow();
    expect(t.notices.at(-1)).toEqual({
      title: 'Pika Tray 1.2.0 已准备好',
      body: '退出时自动安装。点击立即重启。',
      click: { action: 'restart' },
    });
    expect(t.checkStarts).toHaveLength(1);
  });

  it('does not download when the feed has the same or an older version', async () => {
    const t = setup();
    t.clock.advance(10 * SEC);
    t.scripted.answer('older', '0.9.0');
    await t.settle();
    expect(t.scripted.downloads).toHaveLength(0);
    expect(t.controller.status()).toEqual({ kind: 'idle' });
  });

  it('restarts at once when no video is downloading', async () => {
    const t = setup();
    await ready(t);
    await t.controller.restart();
    expect(t.asked).toEqual([]);
    expect(t.scripted.installs()).toBe(1);
  });

  it('asks before a restart would cut video downloads short; Cancel keeps running', async () => {
    const t = setup();
    await ready(t);
    t.downloads.active = 2;
    t.setAnswer('cancel');
    await t.controller.restart();
    expect(t.asked).toEqual([2]);
    expect(t.scripted.installs()).toBe(0);
    expect(t.controller.status()).toMatchObject({ kind: 'ready', restartWhenIdle: false });
  });

  it('can wait for the downloads and restart when the last one ends', async () => {
    const t = setup();
    await ready(t);
    t.downloads.active = 1;
    t.setAnswer('wait');
    const restarting = t.controller.restart();
    await Promise.resolve();
    await Promise.resolve();
    expect(t.controller.status()).toMatchObject({ kind: 'ready', restartWhenIdle: true });
    expect(updateMenuEntries('self', t.controller.status())[0]).toMatchObject({ enabled: false });
    expect(t.scripted.installs()).toBe(0);
    // A second click while waiting does not ask again.
    await t.controller.restart();
    expect(t.asked).toEqual([1]);
    t.downloads.active = 0;
    t.downloads.idleWaiters.shift()!();
    await restarting;
    expect(t.scripted.installs()).toBe(1);
  });

  it('restarts now when the user says so despite the downloads', async () => {
    const t = setup();
    await ready(t);
    t.downloads.active = 1;
    t.setAnswer('now');
    await t.controller.restart();
    expect(t.scripted.installs()).toBe(1);
  });
});

describe('update policy: notify-only installs (deb, tar.gz)', () => {
  it('offers the release page for a newer version, notifies once per version, never downloads', async () => {
    const t = setup('notify');
    t.clock.advance(10 * SEC);
    t.scripted.answer('newer', '1.3.0');
    await t.settle();
    expect(t.controller.status()).toEqual({
      kind: 'available',
      version: '1.3.0',
      url: 'https://example.test/releases/v1.3.0',
    });
    expect(t.notices).toHaveLength(1);
    expect(t.notices[0]!.click).toEqual({
      action: 'open',
      url: 'https://example.test/releases/v1.3.0',
    });
    expect(updateMenuEntries('notify', t.controller.status()).map((e) => e.label)).toEqual([
      'Download version 1.3.0…',
      'Check for updates…',
    ]);
    t.clock.advance(6 * HOUR);
    t.scripted.answer('newer', '1.3.0');
    await t.settle();
    expect(t.notices).toHaveLength(1);
    // A failure keeps the version offered.
    t.clock.advance(6 * HOUR);
    t.scripted.fail(new Error('offline'));
    await t.settle();
    expect(t.controller.status()).toMatchObject({ kind: 'available', version: '1.3.0' });
    t.clock.advance(HOUR);
    t.scripted.answer('newer', '1.4.0');
    await t.settle();
    expect(t.notices.map((n) => n.title)).toEqual([
      'Pika Tray 1.3.0 is available',
      'Pika Tray 1.4.0 is available',
    ]);
    expect(t.scripted.downloads).toHaveLength(0);
    expect(t.scripted.installs()).toBe(0);
  });
});

describe('update menu entries', () => {
  it('offers nothing in a development run, and a disabled line while busy', () => {
    expect(updateMenuEntries('off', { kind: 'idle' })).toEqual([]);
    expect(updateMenuEntries('self', { kind: 'idle' })).toEqual([
      { id: 'update-check', label: 'Check for updates…', enabled: true },
    ]);
    expect(updateMenuEntries('self', { kind: 'checking' })).toEqual([
      { id: 'update-check', label: 'Checking for updates…', enabled: false },
    ]);
    expect(updateMenuEntries('self', { kind: 'downloading', version: '2.0.0' })).toEqual([
      { id: 'update-check', label: 'Downloading update 2.0.0…', enabled: false },
    ]);
  });
});
