// Settings -> Network in real Chromium, through the real preload, router and handlers: Test
// goes through a real loopback CONNECT proxy to the fake Pika server, which sits behind TLS
// under a name only that proxy resolves (https://api.pika.test).
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startProxiedGateway, type ProxiedGateway } from '../support/proxied-gateway';
import type { Harness } from './harness/app-harness';
import { activeElementId, horizontalOverflow } from './harness/page-probes';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

const WAIT = { timeout: 10_000 };
const startHarness = useHarness();
let gw: ProxiedGateway | null = null;

afterEach(async () => {
  await gw?.close();
  gw = null;
});

/** The app with its gateway set to https://api.pika.test, which only `gw.proxy` reaches. */
async function behindProxy(colorScheme: 'light' | 'dark' = 'light'): Promise<Harness> {
  // Media on a CDN name only the proxy resolves: a feed link to 127.0.0.1 from a gateway that
  // is not local would be refused (issue 16).
  gw = await startProxiedGateway({ fake: { token: 'e2e-network-token' }, cdn: true });
  const h = await startHarness({
    token: 'e2e-network-token',
    // The token is saved for the proxied gateway: it is sent nowhere else (issue 16).
    baseUrl: gw.baseUrl,
    colorScheme,
    services: { httpOptions: { ca: gw.ca } },
  });
  await h.page.getByRole('tab', { name: 'Settings' }).click();
  await h.page.getByRole('group', { name: 'Network' }).waitFor(WAIT);
  return h;
}

describe('Settings -> Network end to end', () => {
  it('Manual: Test reaches the gateway through the proxy, then the proxy is saved', async () => {
    const h = await behindProxy();
    const { page } = h;
    const proxy = gw!.proxy;
    const section = page.getByRole('group', { name: 'Network' });
    expect(await section.getByRole('radio', { name: /^System proxy/ }).isChecked()).toBe(true);

    // No proxy: the name does not resolve, and Test says so.
    await section.getByRole('radio', { name: /^No proxy/ }).check();
    await expect.poll(() => h.app.services.settings.get().network.mode, WAIT).toBe('none');
    await section.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByText(/^Gateway unreachable: api\.pika\.test could not be reached directly/)
      .waitFor(WAIT);
    expect(proxy.seen).toEqual([]);

    await section.getByRole('radio', { name: /^Manual/ }).check();
    const url = page.getByLabel('Proxy URL');
    await expect.poll(() => activeElementId(page), WAIT).toBe('proxyUrl');
    await url.fill(proxy.url);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByText(`The gateway api.pika.test answered through ${proxy.url} (HTTP 401).`)
      .waitFor(WAIT);
    expect(proxy.seen).toEqual(['api.pika.test:443']);

    await url.press('Enter');
    await expect
      .poll(() => h.app.services.settings.get().network, WAIT)
      .toEqual({ mode: 'manual', proxyUrl: proxy.url });
    expect(await horizontalOverflow(page)).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-network');
    expect(h.pageErrors).toEqual([]);
  });

  it('a bad URL is refused next to the field; a dead proxy is named by Test and by the banner', async () => {
    const h = await behindProxy('dark');
    const { page } = h;
    const section = page.getByRole('group', { name: 'Network' });
    await section.getByRole('radio', { name: /^Manual/ }).check();
    const url = page.getByLabel('Proxy URL');
    await url.fill('ftp://me:hunter2@127.0.0.1:21');
    await url.press('Enter');
    const error = page.locator('#proxyUrl-error');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toMatch(/Proxies of type ftp:\/\/ are not supported/);
    expect(await error.textContent()).not.toContain('hunter2');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(h.app.services.settings.get().network.mode).toBe('system');

    const dead = `http://127.0.0.1:${await freePort()}`;
    await url.fill(dead);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(`Proxy problem: The proxy ${dead} could not be reached`).waitFor(WAIT);
    await url.press('Enter');
    await expect.poll(() => h.app.services.settings.get().network.proxyUrl, WAIT).toBe(dead);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-network-dark');

    // Polling through the dead proxy: the window names the proxy instead of saying offline.
    const id = gw!.fake.addTask({ queuedMs: 0, runMs: 100 });
    await page.getByRole('tab', { name: 'Tasks' }).click();
    const box = page.getByLabel('Task ids to add');
    await box.fill(id);
    await box.press('Enter');
    await page.getByText(`Proxy unreachable: The proxy ${dead} could not be reached`).waitFor(WAIT);
    expect(await page.getByText(/^Offline\./).count()).toBe(0);
    await screenshot(page, 'banner-proxy-unreachable-dark');

    // Back to the working proxy, without a restart: the task finishes, the banner goes.
    h.app.services.settings.update({ network: { mode: 'manual', proxyUrl: gw!.proxy.url } });
    await page.locator(`[data-task-id="${id}"] .badge-finished`).waitFor(WAIT);
    await expect.poll(() => page.getByText(/Proxy unreachable/).count(), WAIT).toBe(0);
    // The finished card's poster comes through app://poster, fetched by main through the
    // working proxy from the CDN name only it resolves: the page loads nothing else.
    expect(h.pageErrors).toEqual([]);
  });
});
