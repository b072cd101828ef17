// Settings and the token through the real handlers: values are validated and saved by main,
// the token goes in and never comes back, and a token the server refuses shows as such.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app-harness';
import { useHarness } from './harness/use-harness';
import { activeElementId, horizontalOverflow } from './harness/page-probes';
import { screenshot } from './harness/screenshots';

let h: Harness | undefined;
const startHarness = useHarness();

const WAIT = { timeout: 10_000 };

describe('settings end to end', () => {
  it('changes settings: saved by main, refusals shown next to the field', async () => {
    h = await startHarness({ services: { tokenProtection: 'basic_text' } });
    const { page } = h;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByText('A token is saved; not checked yet.').waitFor(WAIT);
    // basic_text protection is said plainly.
    await page.getByText(/No system keyring was found/).waitFor(WAIT);

    await page.getByText('Notify me when a video is ready').click();
    await expect.poll(() => h!.app.services.settings.get().notifications, WAIT).toBe(false);

    const floor = page.getByLabel('Shortest poll interval (seconds)');
    // The number fields offer exactly the range main accepts (validate-settings.ts).
    const ranges = [];
    for (const id of ['pollFloorSec', 'pollCapSec', 'stalledAfterMin', 'pollMaxPerMin']) {
      const input = page.locator(`input#${id}[type=number]`);
      ranges.push([id, await input.getAttribute('min'), await input.getAttribute('max')]);
    }
    expect(ranges).toEqual([
      ['pollFloorSec', '2', '600'],
      ['pollCapSec', '5', '3600'],
      ['stalledAfterMin', '5', '1440'],
      ['pollMaxPerMin', '0', '6000'],
    ]);
    // The cap on requests bounds the tracker's learnt budget at once.
    const perMin = page.getByLabel('Most requests per minute');
    expect(await perMin.inputValue()).toBe('0');
    await perMin.fill('90');
    await perMin.press('Enter');
    await expect.poll(() => h!.app.services.settings.get().pollMaxPerMin, WAIT).toBe(90);
    expect(h.app.tracker.learntRate().max).toBe(90);
    await perMin.fill('7000');
    await perMin.press('Tab');
    await page.locator('#pollMaxPerMin-error').waitFor(WAIT);
    expect(h.app.services.settings.get().pollMaxPerMin).toBe(90);
    await page.locator('#pollMaxPerMin-error').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-max-requests');
    await perMin.fill('90');
    await perMin.press('Tab');
    await floor.fill('12');
    await floor.press('Enter');
    await expect.poll(() => h!.app.services.settings.get().pollFloorSec, WAIT).toBe(12);

    const cap = page.getByLabel('Longest poll interval (seconds)');
    await cap.fill('8');
    await cap.press('Tab');
    await page
      .getByText('The longest poll interval cannot be shorter than the shortest one.')
      .waitFor(WAIT);
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    expect(h.app.services.settings.get().pollCapSec).toBe(60);

    const url = page.getByLabel('Base URL');
    await url.fill('not a url');
    await url.press('Enter');
    await page.locator('#baseUrl-error').waitFor(WAIT);
    expect(h.app.services.settings.get().baseUrl).toBe(h.fake.url);

    await page.getByText('Start Pika Tray when I log in').click();
    await expect.poll(() => h!.app.services.settings.get().launchAtLogin, WAIT).toBe(true);
    expect(h.app.calls).toContainEqual({ port: 'loginItem', method: 'set', arg: 'true' });

    // Automatic updates can be turned off (checks stay in the tray menu).
    expect(h.app.services.settings.get().autoUpdate).toBe(true);
    await page.getByText('Check for updates automatically').click();
    await expect.poll(() => h!.app.services.settings.get().autoUpdate, WAIT).toBe(false);

    // Errors and all: the settings fit the popover's width.
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings');
    await page.getByLabel('Stalled after (minutes)').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-bottom');
    expect(h.pageErrors).toEqual([]);
  });

  it('a bad token: Test says rejected, polling stops, the list says so and leads to settings', async () => {
    h = await startHarness({ token: null });
    const { page, fake } = h;
    // First run: straight to the token field.
    // Labelled "Token" at first, "Replace token" once one is saved.
    const field = page.locator('#token');
    await field.waitFor(WAIT);
    await expect.poll(() => activeElementId(page), WAIT).toBe('token');
    expect(await page.getByLabel('Token', { exact: true }).count()).toBe(1);

    await field.fill('wrong-token-123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A token is saved; not checked yet.').waitFor(WAIT);
    expect(await field.inputValue()).toBe('');
    // The token never reaches the page again.
    expect(await page.content()).not.toContain('wrong-token-123');

    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText(/^Rejected: /).waitFor(WAIT);

    // A task polled with the bad token: the tracker stops, the status push reaches the page.
    const id = fake.addTask({ prompt: 'never seen', queuedMs: 0, runMs: 100 });
    await page.getByRole('tab', { name: 'Tasks' }).click();
    const box = page.getByLabel('Task ids to add');
    await box.fill(id);
    await box.press('Enter');
    await page.getByText(/rejected your API token/).waitFor(WAIT);
    await screenshot(page, 'error-token-rejected');

    await page.getByRole('button', { name: 'Fix token' }).click();
    await expect.poll(() => activeElementId(page), WAIT).toBe('token');
    await field.fill(fake.token);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText('Accepted by the server.').waitFor(WAIT);
    // With a working token, polling resumes and the task ends.
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.locator(`[data-task-id="${id}"] .badge-finished`).waitFor(WAIT);
    await expect.poll(() => page.getByText(/rejected your API token/).count(), WAIT).toBe(0);
  });

  it('an unreachable server is reported as such by Test', async () => {
    // The user confirms sending the token to the new server when main asks.
    h = await startHarness({ services: { confirmTokenOrigin: () => true } });
    const { page } = h;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const url = page.getByLabel('Base URL');
    await url.fill('http://127.0.0.1:9');
    await url.press('Enter');
    await expect
      .poll(() => h!.app.services.settings.get().baseUrl, WAIT)
      .toBe('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText(/^Server unreachable: /).waitFor(WAIT);
  });

  it('a new server gets no token until the user confirms it (issue 16)', async () => {
    h = await startHarness();
    const { page } = h;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const url = page.getByLabel('Base URL');
    await url.fill('http://127.0.0.1:9');
    await url.press('Enter');
    await expect
      .poll(() => h!.app.calls.filter((c) => c.method === 'confirmTokenOrigin').length, WAIT)
      .toBe(1);
    await page.getByText(`Your token was saved for ${h.fake.url}`, { exact: false }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText(/not sent to http:\/\/127\.0\.0\.1:9/).waitFor(WAIT);
    await screenshot(page, 'settings-token-origin');
  });

  it('pause and resume from the header, with the paused state shown', async () => {
    h = await startHarness();
    const { page } = h;
    await page.getByText('No tasks yet').waitFor(WAIT);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Checking is paused.').waitFor(WAIT);
    expect(h.app.tracker.status().paused).toBe(true);
    await page.locator('.banner').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByText('Checking is paused.').count(), WAIT).toBe(0);
    expect(h.app.tracker.status().paused).toBe(false);
  });
});
