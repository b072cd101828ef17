// The token's credit end to end: the built renderer in Chromium, the real preload shim,
// router, credit handler and service, asking the fake server's billing routes.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app-harness';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

let h: Harness | undefined;
const startHarness = useHarness();
const WAIT = { timeout: 15_000 };

const billing = (harness: Harness) =>
  harness.fake.requests.filter((r) => r.path === '/v1/dashboard/billing/subscription').length;

describe('credit end to end', () => {
  it('Settings shows what the token has left beside it; the threshold is saved by main', async () => {
    h = await startHarness({ fake: { credit: { kind: 'limit', limitUsd: 5, usedUsd: 1.39 } } });
    const { page, app } = h;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const line = page.locator('#credit-title');
    await line.getByText('$3.61 left of $5.00').waitFor(WAIT);
    expect(await line.textContent()).toMatch(
      /^Credit \$3\.61 left of \$5\.00 · \$1\.39 used · checked /,
    );
    // The window opening asked once; opening Settings and Refresh inside the minute do not ask again.
    await page.getByRole('button', { name: 'Refresh credit' }).click();
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await line.getByText('$3.61 left').waitFor(WAIT);
    expect(billing(h)).toBe(1);
    await screenshot(page, 'settings-credit');

    const threshold = page.getByLabel('Warn me when credit falls below ($)');
    expect(await threshold.inputValue()).toBe('1.00');
    await threshold.fill('2.5');
    await threshold.press('Enter');
    await expect.poll(() => app.services.settings.get().lowCreditUsd, WAIT).toBe(2.5);
    await threshold.fill('-3');
    await threshold.press('Enter');
    await page
      .getByText('The low-credit warning must be between $0 (off) and $10000.')
      .waitFor(WAIT);
    expect(app.services.settings.get().lowCreditUsd).toBe(2.5);
    expect(h.refused).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('New video says each video is billed, with the credit, next to Create video', async () => {
    h = await startHarness({
      fake: { credit: { kind: 'balance', limitUsd: 5, usedUsd: 1.39, balanceUsd: 3.61 } },
    });
    const { page } = h;
    await page.getByRole('tab', { name: 'New video' }).click();
    const hint = page.locator('#nv-credit');
    await hint.getByText('Each video is billed · credit $3.61').waitFor(WAIT);
    await page
      .getByLabel('Prompt', { exact: true })
      .fill('A paper boat drifting down a rainy street, cinematic');
    // Side by side with the button.
    const button = await page.getByRole('button', { name: 'Create video' }).boundingBox();
    const text = await hint.boundingBox();
    expect(Math.abs(button!.y + button!.height / 2 - (text!.y + text!.height / 2))).toBeLessThan(8);
    expect(text!.x).toBeGreaterThan(button!.x + button!.width);
    await page.getByRole('button', { name: 'Create video' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'new-video-credit');
  });

  it('a generation refused for quota says so plainly', async () => {
    h = await startHarness();
    const { page, fake } = h;
    fake.fault({
      kind: 'http-status',
      status: 403,
      body: '{"error":{"message":"user quota is not enough","type":"new_api_error","code":"insufficient_user_quota"}}',
      count: 1,
    });
    await page.getByRole('tab', { name: 'New video' }).click();
    await page.getByLabel('Prompt', { exact: true }).fill('a fox in the snow');
    await page.getByRole('button', { name: 'Create video' }).click();
    const alert = page.locator('.nv-form-error');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toBe(
      `Not created: your credit on ${new URL(fake.url).host} has run out. Top it up, then try again.`,
    );
    // Not a known gateway: no top-up link is guessed for it.
    expect(await alert.getByRole('button').count()).toBe(0);
    await screenshot(page, 'new-video-quota');
  });

  it('a gateway without credit hides it quietly everywhere', async () => {
    h = await startHarness({ fake: { credit: { kind: 'not-found' } } });
    const { page } = h;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByText('A token is saved').waitFor(WAIT);
    await expect.poll(() => billing(h!), WAIT).toBe(1);
    await expect.poll(() => h!.app.services.credit.current().status, WAIT).toBe('hidden');
    expect(await page.locator('#credit-title').count()).toBe(0);
    expect(await page.locator('#lowCreditUsd').count()).toBe(0);
    await page.getByRole('tab', { name: 'New video' }).click();
    await page
      .locator('#nv-credit')
      .getByText('Each video is billed to your Pika account.')
      .waitFor(WAIT);
    expect(billing(h)).toBe(1);
    expect(h.pageErrors).toEqual([]);
  });
});
