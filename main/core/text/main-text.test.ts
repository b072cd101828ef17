// Main's own words in both languages, through the real core modules that make them: the tray
// tooltip (plurals and percentages through Intl), update items, the credit line and the
// low-credit warning. The catalogs themselves are checked by type (Catalog<MainCatalog>).
import { describe, expect, it } from 'vitest';
import { trayLineOf } from '../credit/credit-text';
import { NO_CREDIT_VIEW } from '../credit/types';
import { createLowCreditPolicy } from '../notify/low-credit-policy';
import { newTask, type TaskState, type TrackedTask } from '../tasks/model';
import { trayStateFrom, type TrayInput } from '../tray/tray-state';
import { updateMenuEntries } from '../update/update-view';
import { en } from './en';
import { mainText } from './index';
import { zhHans } from './zh-Hans';

const EN = mainText('en');
const ZH = mainText('zh-Hans');

function task(id: string, state: TaskState, patch: Partial<TrackedTask> = {}): TrackedTask {
  return { ...newTask(id, 1), state, seen: false, ...patch };
}

function input(patch: Partial<TrayInput>): TrayInput {
  return { tasks: [], paused: false, tokenRejected: false, online: true, ...patch };
}

describe('tray tooltip in both languages', () => {
  const running = [
    task('a', 'running', { progress: 45 }),
    task('b', 'queued'),
    task('c', 'running', { progress: null }),
  ];
  it.each([
    [input({}), 'Pika Tray — no videos generating', 'Pika Tray——没有正在生成的视频'],
    [
      input({ tasks: running }),
      '3 videos generating — 45%, queued, starting',
      '3 个视频生成中——45%，排队中，即将开始',
    ],
    [
      input({ tasks: [task('a', 'running', { progress: 10 })] }),
      '1 video generating — 10%',
      '1 个视频生成中——10%',
    ],
    [
      input({ tasks: [task('a', 'finished'), task('b', 'finished'), task('c', 'failed')] }),
      '2 new videos ready, 1 failed',
      '2 个新视频已就绪，1 个失败',
    ],
    [
      input({ tasks: running, paused: true }),
      'Paused — 3 videos waiting to be checked',
      '已暂停——3 个视频等待查询',
    ],
    [
      input({ tasks: running, online: false }),
      'Offline — 3 videos waiting for the connection',
      '已离线——3 个视频等待联网',
    ],
    [
      input({ tasks: running, proxyUnreachable: 'http://127.0.0.1:7890' }),
      'Proxy unreachable (http://127.0.0.1:7890) — 3 videos waiting',
      '代理无法连接（http://127.0.0.1:7890）——3 个视频等待中',
    ],
    [
      input({
        tokenRejected: true,
        credit: trayLineOf(
          {
            ...NO_CREDIT_VIEW,
            status: 'known',
            credit: { limitUsd: 5, usedUsd: 1.39, remainingUsd: 3.61, unlimited: false },
          },
          ZH,
        ),
      }),
      'Pika token rejected — add a new one in Settings\n余额：$3.61',
      'Pika 令牌被拒绝——请在设置中填写新令牌\n余额：$3.61',
    ],
  ])('%#', (state, english, chinese) => {
    expect(trayStateFrom(state, EN).tooltip).toBe(english);
    expect(trayStateFrom(state, ZH).tooltip).toBe(chinese);
  });
});

describe('update items and the credit line', () => {
  it('names the version in either language', () => {
    const ready = { kind: 'ready', version: '1.2.0', restartWhenIdle: false } as const;
    expect(updateMenuEntries('self', ready, EN)[0]!.label).toBe('Restart to update to 1.2.0');
    expect(updateMenuEntries('self', ready, ZH)[0]!.label).toBe('重启以更新到 1.2.0');
    const available = { kind: 'available', version: '1.3.0', url: 'https://x' } as const;
    expect(updateMenuEntries('notify', available, ZH).map((e) => e.label)).toEqual([
      '下载 1.3.0 版…',
      '检查更新…',
    ]);
    const unlimited = { limitUsd: null, usedUsd: 2, remainingUsd: null, unlimited: true };
    expect(trayLineOf({ ...NO_CREDIT_VIEW, status: 'known', credit: unlimited }, ZH)).toBe(
      '余额：无限制',
    );
    expect(trayLineOf({ ...NO_CREDIT_VIEW, status: 'known', credit: unlimited })).toBe(
      'Credit: unlimited',
    );
  });

  it('the low-credit warning is made in the language of the moment', () => {
    let text = ZH;
    const policy = createLowCreditPolicy({ enabled: () => true, text: () => text });
    const low = { limitUsd: 5, usedUsd: 4.5, remainingUsd: 0.5, unlimited: false };
    const high = { ...low, remainingUsd: 4 };
    expect(policy.observe(low, 1)).toMatchObject({
      title: 'Pika 余额不足',
      body: '此令牌仅剩 $0.50（低于你设置的 $1.00 提醒线）。请在下一个视频被拒绝前充值。',
    });
    policy.observe(high, 1);
    text = EN;
    expect(policy.observe(low, 1)).toMatchObject({ title: 'Pika credit is running low' });
  });
});

describe('catalogs', () => {
  /** Every key path of a catalog, to show both have the same (types already insist). */
  const paths = (obj: object, at = ''): string[] =>
    Object.entries(obj).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? paths(v as object, `${at}${k}.`) : [`${at}${k}`],
    );
  it('the Chinese catalog has exactly the English keys, and no English left in it', () => {
    expect(paths(zhHans)).toEqual(paths(en));
    const strings = (obj: object): string[] =>
      Object.values(obj).flatMap((v) =>
        typeof v === 'string'
          ? [v]
          : typeof v === 'object' && v !== null
            ? strings(v as object)
            : [],
      );
    for (const text of strings(zhHans)) {
      // Every Chinese string has Chinese in it (names like Pika Tray stay as they are).
      expect(text, text).toMatch(/[\u4e00-\u9fff]|^…?$|^，$/);
    }
  });
});
