// Settings -> Language reaching main's own words: real services (settings on disk, the
// effective locale from the OS's preferred languages), the real tray driver and menu
// template, and a typed stand-in for Electron's Tray that records what it is given.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainText, type MainText } from '../../core/text';
import type { TrayState } from '../../core/tray/tray-state';
import type { UpdateMenuEntry } from '../../core/update/update-view';
import { updateMenuEntries } from '../../core/update/update-view';
import { createNodeServices, type NodeServices } from '../node-services';
import { createTrayDriver } from '../tray/tray-driver';
import { trayMenuTemplate } from '../tray/tray-menu';
import { followLanguage, relabelTray, type RelabelTray } from './follow-language';

let dir: string;
let app: NodeServices | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-follow-lang-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
  app = null;
  await rm(dir, { recursive: true, force: true });
});

function start(preferredLanguages: readonly string[]): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: 'http://127.0.0.1:9',
    preferredLanguages,
  });
  return app;
}

/** Electron's Tray as far as the app's tray uses it: the menu it would build, and the tooltip. */
function stubTray(words: () => MainText) {
  let credit: string | null = null;
  let update: readonly UpdateMenuEntry[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  const tooltips: string[] = [];
  const noop = () => undefined;
  const actions = {
    open: noop,
    togglePolling: noop,
    openDownloads: noop,
    openSettings: noop,
    quit: noop,
  };
  const rebuild = () =>
    menus.push(trayMenuTemplate({ paused: false, update, credit }, actions, words()));
  const tray: RelabelTray = {
    setCredit: (line) => {
      credit = line;
    },
    setUpdateEntries: (entries) => {
      update = entries;
    },
    relabel: rebuild,
  };
  rebuild();
  const labels = () =>
    menus
      .at(-1)!
      .filter((i) => i.label)
      .map((i) => i.label);
  return { tray, menus, tooltips, labels };
}

describe('following Settings -> Language', () => {
  it('the OS speaks Chinese: 简体中文 from the start; English and back at once, without a restart', async () => {
    vi.useFakeTimers();
    const { services, tracker } = start(['zh-CN', 'en-US']);
    const words = () => mainText(services.locale());
    const { tray, tooltips, labels } = stubTray(words);
    const driver = createTrayDriver({
      tracker,
      online: () => true,
      paused: () => false,
      text: words,
      delayMs: 10,
      apply: (state: TrayState) => tooltips.push(state.tooltip),
    });
    const changed: string[] = [];
    const language = followLanguage({
      settings: services.settings,
      locale: () => services.locale(),
      changed: (text) => {
        changed.push(text.locale);
        relabelTray(tray, {
          creditLine: () => text.t.menu.credit('$3.61'),
          updateEntries: () => updateMenuEntries('self', { kind: 'idle' }, text),
          refreshTooltip: () => driver.refresh(),
        });
      },
    });

    expect(labels()).toEqual([
      '打开 Pika Tray',
      '暂停轮询',
      '打开下载文件夹',
      '设置…',
      '退出 Pika Tray',
    ]);
    expect(tooltips.at(-1)).toBe('Pika Tray——没有正在生成的视频');

    services.settings.update({ language: 'en' });
    vi.advanceTimersByTime(20);
    expect(changed).toEqual(['en']);
    expect(labels()).toEqual([
      'Open Pika Tray',
      'Credit: $3.61',
      'Pause checking',
      'Open downloads folder',
      'Settings…',
      'Check for updates…',
      'Quit Pika Tray',
    ]);
    expect(tooltips.at(-1)).toBe('Pika Tray — no videos generating');
    expect(language.text().locale).toBe('en');

    // 'system' again means the OS's Chinese; a change that keeps the language redraws nothing.
    services.settings.update({ language: 'system' });
    vi.advanceTimersByTime(20);
    expect(labels()).toContain('余额：$3.61');
    expect(labels()).toContain('检查更新…');
    expect(tooltips.at(-1)).toBe('Pika Tray——没有正在生成的视频');
    services.settings.update({ language: 'zh-Hans' });
    services.settings.update({ notifications: false });
    expect(changed).toEqual(['en', 'zh-Hans']);

    language.close();
    services.settings.update({ language: 'en' });
    expect(changed).toEqual(['en', 'zh-Hans']);
    driver.close();
  });

  it('an English OS: English until the setting says 简体中文', () => {
    const { services } = start(['en-GB', 'zh-CN']);
    const changed: string[] = [];
    followLanguage({
      settings: services.settings,
      locale: () => services.locale(),
      changed: (text) => changed.push(text.t.dialog.chooseFolder),
    });
    expect(services.locale()).toBe('en');
    services.settings.update({ language: 'zh-Hans' });
    expect(changed).toEqual(['选择下载文件夹']);
  });
});
