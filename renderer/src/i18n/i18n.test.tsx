// The window's key flows in both languages, against the in-memory bridge: main's locale
// picks the language, Settings -> Language switches it at once, and both catalogs agree.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../preload/contract';
import { createFakeBridge, defaultStatus, type FakeBridge } from '../test-support/fake-bridge';
import { finishedTask, makeTask, makeVideo } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';
import { en } from './en';
import { zhHans } from './zh-Hans';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function bridgeIn(locale: Locale, init: Parameters<typeof createFakeBridge>[0] = {}): FakeBridge {
  const bridge = createFakeBridge(init);
  bridge.state.systemLocale = locale;
  bridge.state.settings = { ...bridge.state.settings, locale };
  return bridge;
}

const WORDS = {
  en: {
    tasks: 'Tasks',
    settings: 'Settings',
    empty: 'No tasks yet',
    add: 'Task ids to add',
    added: 'Added 2 tasks · 1 already in the list',
    failed: 'Failed',
    server: 'Server said: 内容违反政策',
    filterFinished: /Finished/,
    noFinished: 'No finished tasks match “zzz”.',
    paused: 'Checking is paused.',
    language: 'Language',
  },
  'zh-Hans': {
    tasks: '任务',
    settings: '设置',
    empty: '还没有任务',
    add: '要添加的任务 ID',
    added: '已添加 2 个任务 · 1 个已在列表中',
    failed: '失败',
    server: '服务器返回：内容违反政策',
    filterFinished: /已完成/,
    noFinished: '没有与“zzz”匹配的已完成的任务。',
    paused: '已暂停轮询。',
    language: '语言',
  },
} as const;

describe.each(['en', 'zh-Hans'] as const)('the window in %s', (locale) => {
  const w = WORDS[locale];

  it('empty list, adding tasks, a failed card with the server’s words, filters', async () => {
    const bridge = bridgeIn(locale);
    bridge.state.addResult = () => ({
      added: [makeTask({ promptText: 'a heron' }), makeTask({ promptText: 'b heron' })],
      duplicates: ['x'],
      errors: [],
    });
    renderApp(bridge);
    await screen.findByText(w.empty);
    expect(document.documentElement.lang).toBe(locale);
    const box = screen.getByLabelText(w.add);
    fireEvent.input(box, { target: { value: 'a b x' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText(w.added, { exact: false });

    cleanup();
    const failed = makeTask({
      promptText: 'a cat on the moon',
      state: 'failed',
      videos: [makeVideo({ status: 'error', state: 'failed', error: '内容违反政策' })],
    });
    renderApp(bridgeIn(locale, { tasks: [failed, finishedTask({ promptText: 'done' })] }));
    const card = (await screen.findByText('a cat on the moon')).closest('article')!;
    expect(within(card).getByText(w.server)).toBeTruthy();
    expect(card.querySelector('.badge-failed')?.textContent).toBe(w.failed);
    fireEvent.click(screen.getByRole('radio', { name: w.filterFinished }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    await screen.findByText(w.noFinished);
  });

  it('banners and tabs', async () => {
    renderApp(bridgeIn(locale, { status: defaultStatus({ paused: true }) }));
    await screen.findByText(w.paused);
    expect(screen.getByRole('tab', { name: w.tasks })).toBeTruthy();
    expect(screen.getByRole('tab', { name: w.settings })).toBeTruthy();
  });

  it('Settings -> Language switches the whole window at once', async () => {
    const bridge = bridgeIn(locale);
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('tab', { name: w.settings }));
    const other = locale === 'en' ? 'zh-Hans' : 'en';
    const select = await screen.findByLabelText(w.language);
    fireEvent.change(select, { target: { value: other } });
    const o = WORDS[other];
    await screen.findByRole('tab', { name: o.tasks });
    expect(screen.getByRole('heading', { name: o.settings })).toBeTruthy();
    expect(bridge.state.settings.settings.language).toBe(other);
    // Back to System: the OS's language again.
    fireEvent.change(screen.getByLabelText(o.language), { target: { value: 'system' } });
    await screen.findByRole('tab', { name: w.tasks });
  });
});

describe('catalogs', () => {
  const flat = (o: object, prefix = ''): [string, unknown][] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
    );

  it('have the same keys, and every message has words in both', () => {
    const a = flat(en);
    const b = new Map(flat(zhHans));
    expect([...b.keys()].sort()).toEqual(a.map(([k]) => k).sort());
    for (const [key, value] of a) {
      const zh = b.get(key);
      expect(typeof zh, key).toBe(typeof value);
      if (typeof value === 'string') expect((zh as string).trim(), key).not.toBe('');
    }
  });

  it('the Chinese catalog is Chinese (only URLs, symbols and product names stay as they are)', () => {
    const same = flat(zhHans)
      .filter(([k, v]) => typeof v === 'string' && v === flat(en).find(([ek]) => ek === k)?.[1])
      .map(([k]) => k);
    expect(same).toEqual(['network.proxyUrlPlaceholder']);
  });
});
