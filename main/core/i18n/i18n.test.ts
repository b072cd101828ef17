import { describe, expect, it } from 'vitest';
import {
  defineCatalog,
  effectiveLocale,
  formatter,
  isLanguageSetting,
  resolveLocale,
  type Catalog,
} from './index.js';

describe('resolveLocale', () => {
  it.each([
    [['zh-Hans'], 'zh-Hans'],
    [['zh-CN'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-Hans-CN'], 'zh-Hans'],
    [['zh_CN.UTF-8'], 'zh-Hans'],
    [['zh-TW'], 'zh-Hans'],
    [['zh-HK'], 'zh-Hans'],
    [['zh-Hant'], 'zh-Hans'],
    [['en-US'], 'en'],
    [['en-GB', 'zh-CN'], 'en'],
    [['de-DE', 'zh-CN'], 'zh-Hans'],
    [['fr-FR'], 'en'],
    [[], 'en'],
    [['C'], 'en'],
  ] as const)('%j -> %s', (preferred, expected) => {
    expect(resolveLocale(preferred)).toBe(expected);
  });

  it('a fixed setting wins over the OS; system follows it', () => {
    expect(effectiveLocale('en', ['zh-CN'])).toBe('en');
    expect(effectiveLocale('zh-Hans', ['en-US'])).toBe('zh-Hans');
    expect(effectiveLocale('system', ['zh-CN'])).toBe('zh-Hans');
    expect(isLanguageSetting('system')).toBe(true);
    expect(isLanguageSetting('zh-TW')).toBe(false);
  });
});

describe('Catalog typing', () => {
  const en = defineCatalog({
    hello: 'Hello',
    count: (n: number) => `${n} tasks`,
    group: { inner: 'Inner' },
  });
  it('accepts a complete catalog and rejects missing, extra and mistyped keys', () => {
    const zh = {
      hello: '你好',
      count: (n) => `${n} 个任务`,
      group: { inner: '内部' },
    } satisfies Catalog<typeof en>;
    expect(zh.count(2)).toBe('2 个任务');
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    // @ts-expect-error missing key "group"
    const missing = { hello: '你好', count: (n) => `${n}` } satisfies Catalog<typeof en>;
    const extra = {
      hello: '你好',
      count: (n) => `${n}`,
      group: { inner: '内部' },
      // @ts-expect-error extra key
      surplus: '多余',
    } satisfies Catalog<typeof en>;
    const wrongParams = {
      hello: '你好',
      // @ts-expect-error parameter type differs
      count: (n: string) => n,
      group: { inner: '内部' },
    } satisfies Catalog<typeof en>;
    expect([missing, extra, wrongParams]).toHaveLength(3);
  });
});

describe('formatter', () => {
  const en = formatter('en');
  const zh = formatter('zh-Hans');
  it('relative times', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    expect(zh.relativeTime(now - 2 * 60_000, now)).toBe('2分钟前');
    expect(en.relativeTime(now - 2 * 60_000, now)).toBe('2 minutes ago');
    expect(zh.relativeTime(now - 10_000, now)).toBe('刚刚');
    expect(en.relativeTime(now - 86_400_000, now)).toBe('yesterday');
    expect(zh.relativeTime(now - 86_400_000, now)).toBe('昨天');
    expect(zh.relativeTime(now - 3 * 3_600_000, now)).toBe('3小时前');
  });
  it('durations', () => {
    expect(zh.duration(180)).toBe('3分钟');
    expect(en.duration(180)).toBe('3 min');
    expect(en.clipLength(4.24)).toBe('4.2 sec');
    expect(zh.clipLength(65)).toBe('1:05');
  });
  it('numbers, percentages, sizes', () => {
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(zh.percent(0.42)).toBe('42%');
    expect(en.fileSize(512)).toBe('0.5 kB');
    expect(en.fileSize(12.5 * 1024 * 1024)).toBe('13 MB');
    expect(zh.fileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
  it('dates through Intl', () => {
    const t = Date.UTC(2026, 11, 4, 12);
    expect(zh.dateTime(t)).toMatch(/^2026年12月\d日 \d{2}:\d{2}$/);
    expect(en.dateTime(t)).toMatch(/^Dec \d, 2026, \d{1,2}:\d{2}\s[AP]M$/);
  });
  it('plurals through Intl.PluralRules', () => {
    const forms = { one: '# task', other: '# tasks' };
    expect(en.plural(1, forms)).toBe('1 task');
    expect(en.plural(3, forms)).toBe('3 tasks');
    expect(zh.plural(1, { other: '# 个任务' })).toBe('1 个任务');
  });
});
