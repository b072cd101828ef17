// The credit intent, the generate refusal for quota, and the low-credit warning, over the
// real services against the fake server on 127.0.0.1. Only Electron's objects are stand-ins.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import type { NotificationRequest } from '../../core/notify/notification-policy';
import { waitFor } from '../../core/tasks/test-wait';
import type { CreditView } from '../../../preload/contract';
import type { IpcSenderInfo } from '../ipc/handler-types';
import { createIpcRouter } from '../ipc/router';
import { invokeSchemas } from '../ipc/schemas';
import { createSenderCheck } from '../ipc/trusted-sender';
import { createNodeServices, type NodeServices } from '../node-services';
import { connectLowCredit } from '../notify/credit-wiring';

const TOKEN = 'pk-live-Credit-Secret-0123456789';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;
let pushed: CreditView[] = [];

beforeEach(async () => {
  fake = await startFakePika({ token: TOKEN, generatedTask: { queuedMs: 20, runMs: 40 } });
  dir = await mkdtemp(join(tmpdir(), 'pika-credit-'));
  pushed = [];
});
afterEach(async () => {
  // The token never rides along with what goes to the renderer.
  expect(JSON.stringify(pushed)).not.toContain('Credit-Secret');
  await app?.close();
  app = null;
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function start(token: string | null = TOKEN): NodeServices {
  app = createNodeServices({
    storeDir: join(dir, 'store'),
    downloadDir: join(dir, 'Pika'),
    baseUrl: fake.url,
    ...(token === null ? {} : { token }),
    pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 60 },
    clientTimeoutMs: 1000,
    settings: { autoDownload: false },
  });
  app.services.credit.onChange((view) => pushed.push(view));
  return app;
}

const billing = () =>
  fake.requests.filter((r) => r.path === '/v1/dashboard/billing/subscription').length;

describe('credit:refresh', () => {
  it('answers the view, asks at most once a minute, and pushes changes', async () => {
    const { handlers } = start();
    const view = await handlers['credit:refresh']('open');
    expect(view).toMatchObject({
      status: 'known',
      credit: { limitUsd: 5, usedUsd: 1.39, remainingUsd: 3.61, unlimited: false },
      topUpUrl: null,
    });
    expect(pushed.at(-1)).toEqual(view);
    await handlers['credit:refresh']('manual');
    await handlers['credit:refresh']('open');
    expect(billing()).toBe(1);
    // An answer with amounts shows the token works.
    expect((await handlers['settings:get']()).tokenState).toBe('accepted');
  });

  it('goes through the router: our window only, a valid reason only', async () => {
    const { handlers } = start();
    const ours: IpcSenderInfo = {
      webContentsId: 3,
      frameUrl: 'app://renderer/index.html',
      isMainFrame: true,
    };
    const refused: string[] = [];
    const router = createIpcRouter<IpcSenderInfo>({
      handlers,
      send: { 'drag:start': () => undefined },
      isTrustedSender: createSenderCheck({
        windowWebContentsId: () => 3,
        renderer: { pageUrl: 'app://renderer/index.html' },
      }),
      onRejected: (channel) => refused.push(channel),
    });
    await expect(
      router.invoke('credit:refresh', { ...ours, webContentsId: 9 }, ['open']),
    ).rejects.toThrow(/not the Pika Tray window/);
    await expect(router.invoke('credit:refresh', ours, ['auto'])).rejects.toThrow();
    expect(billing()).toBe(0);
    const view = (await router.invoke('credit:refresh', ours, ['open'])) as CreditView;
    pushed.push(view);
    expect(view.status).toBe('known');
    expect(refused).toEqual(['credit:refresh', 'credit:refresh']);
  });

  it('accepts only the two reasons the renderer has', () => {
    expect(invokeSchemas['credit:refresh'].safeParse(['open']).success).toBe(true);
    expect(invokeSchemas['credit:refresh'].safeParse(['manual']).success).toBe(true);
    expect(invokeSchemas['credit:refresh'].safeParse(['finished']).success).toBe(false);
    expect(invokeSchemas['credit:refresh'].safeParse([]).success).toBe(false);
  });

  it('a gateway without credit is hidden; a new token asks again', async () => {
    fake.setCredit({ kind: 'html' });
    const { handlers } = start();
    expect((await handlers['credit:refresh']('open')).status).toBe('hidden');
    await handlers['credit:refresh']('manual');
    expect(billing()).toBe(1);
    fake.setCredit({ kind: 'balance', limitUsd: 5, usedUsd: 1, balanceUsd: 4 });
    await handlers['token:set'](TOKEN.replace('0123', '4567'));
    // The old view is dropped at once.
    expect(app!.services.credit.current().status).toBe('none');
    const after = await handlers['credit:refresh']('open');
    expect(billing()).toBe(2);
    // That token is not the fake's: a 401 here means what it means on the feed.
    expect(after.status).toBe('error');
    expect((await handlers['settings:get']()).tokenState).toBe('rejected');
  });

  it('without a token nothing is asked', async () => {
    const { handlers } = start(null);
    expect((await handlers['credit:refresh']('manual')).status).toBe('none');
    expect(billing()).toBe(0);
  });

  it('a generation accepted and a task finished each refresh the credit (once a minute)', async () => {
    const { handlers } = start();
    const created = await handlers['generate:create']({ promptText: 'a cat' }, 'req-c1');
    expect(created.outcome).toBe('created');
    await waitFor(() => billing() === 1, 'a credit request after the generation', 5000);
    if (created.outcome !== 'created') throw new Error('not created');
    await waitFor(
      () => app!.tracker.get(created.task.id)?.state === 'finished',
      'the task to finish',
      5000,
    );
    // The finish came inside the minute: no second request now (one is due at its end).
    await new Promise((r) => setTimeout(r, 50));
    expect(billing()).toBe(1);
  });
});

describe('generate refused for quota', () => {
  it.each([
    [
      403,
      '{"error":{"message":"user quota is not enough","type":"new_api_error","code":"insufficient_user_quota"}}',
    ],
    [402, '{"error":{"message":"payment required","type":"billing"}}'],
    [429, '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota"}}'],
  ])('HTTP %i says so plainly', async (status, body) => {
    const { handlers } = start();
    fake.fault({ kind: 'http-status', status, body, count: 1 });
    const outcome = await handlers['generate:create']({ promptText: 'a cat' }, `req-q${status}`);
    expect(outcome).toEqual({
      outcome: 'rejected',
      kind: 'forbidden',
      message: `Not created: your credit on ${new URL(fake.url).host} has run out. Top it up, then try again.`,
    });
    // 127.0.0.1 is no known gateway: no top-up link is guessed.
    expect(outcome).not.toHaveProperty('topUpUrl');
    await waitFor(() => billing() === 1, 'the credit to be asked again', 5000);
  });

  it('another 403 stays the refusal it was', async () => {
    const { handlers } = start();
    fake.fault({
      kind: 'http-status',
      status: 403,
      body: '{"error":{"message":"model pika not allowed","type":"new_api_error"}}',
      count: 1,
    });
    const outcome = await handlers['generate:create']({ promptText: 'a cat' }, 'req-f');
    expect(outcome).toMatchObject({ outcome: 'rejected', message: /refused access/ });
  });
});

describe('low credit warning', () => {
  it('one notification below the threshold, none again until credit rose above it', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 4.5 });
    const services = start().services;
    const shown: NotificationRequest[] = [];
    let opened = 0;
    const off = connectLowCredit({
      credit: services.credit,
      settings: services.settings,
      notifier: { show: (request, onClick) => (shown.push(request), onClick()) },
      openSettings: () => (opened += 1),
    });
    await services.credit.refresh('open');
    expect(shown).toEqual([
      expect.objectContaining({ kind: 'credit', title: 'Pika credit is running low' }),
    ]);
    expect(shown[0]!.body).toMatch(/^\$0\.50 left .* \$1\.00 warning/);
    expect(opened).toBe(1);
    off();
  });

  it('the threshold comes from Settings (0 = off)', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 4.5 });
    const services = start().services;
    services.settings.update({ lowCreditUsd: 0 });
    expect(() => services.settings.update({ lowCreditUsd: -1 })).toThrow(/between \$0/);
    const shown: NotificationRequest[] = [];
    connectLowCredit({
      credit: services.credit,
      settings: services.settings,
      notifier: { show: (request) => shown.push(request) },
      openSettings: () => undefined,
    });
    await services.credit.refresh('open');
    expect(shown).toEqual([]);
    expect(services.settings.update({ lowCreditUsd: 2.555 }).lowCreditUsd).toBe(2.56);
  });
});

describe('credit:open-top-up', () => {
  it("opens main's own top-up page for a known gateway, and nothing for another", async () => {
    const { handlers, calls } = start();
    // 127.0.0.1 is no known gateway: nothing is opened.
    await handlers['credit:open-top-up']();
    expect(calls.filter((c) => c.port === 'shell')).toEqual([]);
    app!.services.settings.update({ baseUrl: 'https://api.gpt.ge/' });
    await handlers['credit:open-top-up']();
    expect(calls.filter((c) => c.port === 'shell')).toEqual([
      { port: 'shell', method: 'openExternal', arg: 'https://api.gpt.ge/' },
    ]);
    // The renderer cannot name a URL: the intent takes no argument.
    expect(invokeSchemas['credit:open-top-up'].safeParse(['https://evil.example/']).success).toBe(
      false,
    );
  });
});
