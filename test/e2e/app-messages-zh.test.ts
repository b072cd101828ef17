// Main's own messages reach the window in its language: in Simplified Chinese (the OS's
// language here) a settings field error, an add-box parse error, a token test failure, the
// network test result and a generate refusal, each through the real router and handlers;
// switching Settings -> Language to English changes the next message at once. Screenshots:
// test-output/screenshots/msgapp-zh-*.png.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app-harness';
import { englishLeft } from './harness/page-probes';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

const startHarness = useHarness();
const WAIT = { timeout: 10_000 };
const ZH = { services: { preferredLanguages: ['zh-CN', 'en-US'] } } as const;

async function openSettings(h: Harness): Promise<void> {
  await h.page.getByRole('tab', { name: '设置' }).click();
  await h.page.getByRole('heading', { name: '设置' }).waitFor(WAIT);
}

describe('main’s messages in the window’s language', () => {
  it('a settings field error in Chinese, then in English after switching', async () => {
    const h = await startHarness(ZH);
    const { page } = h;
    await openSettings(h);
    const cap = page.getByLabel('最长轮询间隔（秒）');
    await cap.fill('4');
    await cap.press('Tab');
    const error = page.locator('#pollCapSec-error');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toBe('最长轮询间隔（秒）必须在 5 到 3600 之间。');
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    await error.scrollIntoViewIfNeeded();
    expect(await englishLeft(page)).toEqual([]);
    await screenshot(page, 'msgapp-zh-settings-error');

    await cap.fill('60');
    await cap.press('Tab');
    await page.locator('#language').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor(WAIT);
    const capEn = page.getByLabel('Longest poll interval (seconds)');
    await capEn.fill('4');
    await capEn.press('Tab');
    await page
      .locator('#pollCapSec-error')
      .getByText('Longest poll interval (seconds) must be between 5 and 3600.')
      .waitFor(WAIT);
    expect(h.pageErrors).toEqual([]);
  });

  it('add-box parse errors in Chinese', async () => {
    const h = await startHarness(ZH);
    const { page } = h;
    const box = page.getByLabel('要添加的任务 ID');
    await box.fill('abc\nhttps://example.com/video/1');
    await box.press('Enter');
    const errors = page.locator('.add-errors');
    await errors.waitFor(WAIT);
    await errors.getByText('任务 ID 至少有 6 个字符。').waitFor(WAIT);
    await errors.getByText('此链接没有指向任务：应为 …/pika/feed/<任务 ID>。').waitFor(WAIT);
    expect(await errors.textContent()).not.toMatch(/task id/i);
    expect(await englishLeft(page)).toEqual([]);
    await screenshot(page, 'msgapp-zh-add-errors');
    expect(h.pageErrors).toEqual([]);
  });

  it('a token test the server refuses, in Chinese', async () => {
    const h = await startHarness({ ...ZH, token: 'pk-not-the-right-token' });
    const { page } = h;
    await openSettings(h);
    await page.getByRole('button', { name: '测试', exact: true }).click();
    await page
      .getByText('已被拒绝：服务器拒绝了此令牌（无效、已过期或额度已用完）。')
      .waitFor(WAIT);
    // The fake gateway's own words (in the credit line) are shown as it sent them.
    expect(await englishLeft(page, ['Invalid token'])).toEqual([]);
    await screenshot(page, 'msgapp-zh-token-test');
    expect(h.pageErrors).toEqual([]);
  });

  it('the network test result, in Chinese', async () => {
    const h = await startHarness(ZH);
    const { page, fake } = h;
    await openSettings(h);
    const section = page.getByRole('group', { name: '网络' });
    await section.getByRole('radio', { name: /^不使用代理/ }).check();
    await expect.poll(() => h.app.services.settings.get().network.mode, WAIT).toBe('none');
    await section.getByRole('button', { name: '测试连接' }).click();
    const result = page.locator('#network-test-result');
    await result.getByText(/^网关 127\.0\.0\.1:\d+ 已应答/).waitFor(WAIT);
    const host = new URL(fake.url).host;
    expect(await result.textContent()).toMatch(
      new RegExp(`^网关 ${host.replace(/\./g, '\\.')} 已应答（直接连接，HTTP \\d{3}）。$`),
    );
    await result.scrollIntoViewIfNeeded();
    expect(await englishLeft(page)).toEqual([]);
    await screenshot(page, 'msgapp-zh-network-test');
    expect(h.pageErrors).toEqual([]);
  });

  it('a generate refusal (out of credit), in Chinese', async () => {
    const h = await startHarness(ZH);
    const { page, fake } = h;
    fake.fault({
      kind: 'http-status',
      status: 402,
      count: 1,
      body: JSON.stringify({ error: { message: '余额不足', type: 'insufficient_user_quota' } }),
    });
    await page.getByRole('tab', { name: '新建视频' }).click();
    await page.getByLabel('提示词', { exact: true }).fill('一只纸船漂过下雨的街道');
    await page.getByRole('button', { name: '生成视频' }).click();
    const host = new URL(fake.url).host;
    await page.getByText(`未创建：你在 ${host} 的额度已用完。请充值后重试。`).waitFor(WAIT);
    expect(fake.generateBodies).toHaveLength(1);
    expect(h.app.tracker.list()).toEqual([]);
    expect(await englishLeft(page)).toEqual([]);
    await screenshot(page, 'msgapp-zh-generate-refusal');
    expect(h.pageErrors).toEqual([]);
  });
});
