// The credit service over the real client and the fake server, with the clock and the
// one-shot timer injected: what it shows, when it asks, and what it never does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { createPikaClient } from '../api/client';
import { createCreditService, type CreditService, type OneShot } from './credit-service';
import type { CreditView } from './types';

let fake: FakePika;
beforeAll(async () => {
  fake = await startFakePika({ token: 'service-token-1' });
});
afterAll(() => fake.close());

let clock = 1_780_000_000_000;
let token: string | null = 'service-token-1';
let baseUrl = '';
let timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
let tokenAnswers: string[] = [];
let views: CreditView[] = [];
let service: CreditService;

const oneShot: OneShot = (run, ms) => {
  const timer = { run, ms, cancelled: false };
  timers.push(timer);
  return () => {
    timer.cancelled = true;
  };
};
const billingRequests = () =>
  fake.requests.filter((r) => r.path === '/v1/dashboard/billing/subscription').length;

beforeEach(() => {
  clock = 1_780_000_000_000;
  token = fake.token;
  baseUrl = fake.url;
  timers = [];
  tokenAnswers = [];
  views = [];
  fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 1.39 });
  const client = () => createPikaClient({ baseUrl, getToken: () => token });
  service = createCreditService({
    source: { getRoute: (path, opts) => client().getRoute(path, opts) },
    baseUrl: () => baseUrl,
    identity: () => (token === null ? null : `${baseUrl}|${token}`),
    now: () => clock,
    oneShot,
    onTokenAnswer: (state) => tokenAnswers.push(state),
  });
  service.onChange((v) => views.push(v));
});

describe('credit service', () => {
  it('reads the credit when asked and tells listeners (refreshing, then known)', async () => {
    const view = await service.refresh('open');
    expect(view).toEqual({
      status: 'known',
      credit: { limitUsd: 5, usedUsd: 1.39, remainingUsd: 3.61, unlimited: false },
      checkedAt: clock,
      message: null,
      topUpUrl: null,
      refreshing: false,
    });
    expect(views.map((v) => [v.status, v.refreshing])).toEqual([
      ['none', true],
      ['known', false],
    ]);
    expect(tokenAnswers).toEqual(['accepted']);
  });

  it('asks at most once a minute; a finished task inside it is served once at its end', async () => {
    const before = billingRequests();
    await service.refresh('open');
    clock += 20_000;
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 2 });
    await service.refresh('open');
    await service.refresh('finished');
    await service.refresh('generated');
    expect(billingRequests() - before).toBe(1);
    // One timer, for the end of the minute, however many events came.
    expect(timers.map((t) => t.ms)).toEqual([40_000]);
    clock += 40_000;
    timers[0]!.run();
    await until(() => service.current().credit?.remainingUsd === 3);
    expect(billingRequests() - before).toBe(2);
  });

  it('two triggers at once send one request', async () => {
    const before = billingRequests();
    const [a, b] = await Promise.all([service.refresh('open'), service.refresh('manual')]);
    expect(a).toEqual(b);
    expect(billingRequests() - before).toBe(1);
  });

  it('hides credit a gateway does not offer, and asks again only after a day', async () => {
    fake.setCredit({ kind: 'not-found' });
    const view = await service.refresh('open');
    expect(view).toMatchObject({ status: 'hidden', credit: null, message: expect.any(String) });
    // A 404 proves nothing about the token.
    expect(tokenAnswers).toEqual([]);
    const before = billingRequests();
    clock += 3600_000;
    await service.refresh('manual');
    await service.refresh('finished');
    expect(billingRequests()).toBe(before);
    expect(timers).toEqual([]);
    fake.setCredit({ kind: 'unlimited' });
    clock += 24 * 3600_000;
    expect((await service.refresh('open')).credit).toMatchObject({ unlimited: true });
  });

  it('a new token or base URL drops the old view and asks again at once', async () => {
    fake.setCredit({ kind: 'html' });
    expect((await service.refresh('open')).status).toBe('hidden');
    fake.setCredit({ kind: 'balance', limitUsd: 10, usedUsd: 4, balanceUsd: 6 });
    const before = billingRequests();
    token = 'another-token';
    service.sync();
    expect(service.current().status).toBe('none');
    // The fake accepts only its own token: the new one is refused, as on the feed.
    const refused = await service.refresh('open');
    expect(refused).toMatchObject({ status: 'error', message: expect.stringMatching(/401/) });
    expect(tokenAnswers).toEqual(['rejected']);
    expect(JSON.stringify(refused)).not.toContain('another-token');
    token = fake.token;
    expect((await service.refresh('open')).credit?.remainingUsd).toBe(6);
    expect(billingRequests() - before).toBe(2);
  });

  it('an error keeps the last reading beside the message', async () => {
    await service.refresh('open');
    fake.setCredit({ kind: 'server-error', status: 503 });
    clock += 60_000;
    const view = await service.refresh('manual');
    expect(view).toMatchObject({
      status: 'error',
      credit: { remainingUsd: 3.61 },
      message: expect.stringMatching(/HTTP 503/),
    });
  });

  it('links the top-up page of a known gateway only', async () => {
    const known = createCreditService({
      source: { getRoute: () => Promise.reject(new Error('not asked')) },
      baseUrl: () => 'https://api.gpt.ge',
      identity: () => 'x',
      now: () => clock,
      oneShot,
    });
    known.sync();
    expect(known.current().topUpUrl).toBe('https://api.gpt.ge/');
    known.close();
    await service.refresh('open');
    expect(service.current().topUpUrl).toBeNull();
  });

  it('without a token it asks nothing; closed, it arms nothing', async () => {
    token = null;
    const before = billingRequests();
    expect((await service.refresh('manual')).status).toBe('none');
    expect(billingRequests()).toBe(before);
    token = fake.token;
    await service.refresh('open');
    await service.refresh('finished');
    expect(timers).toHaveLength(1);
    service.close();
    expect(timers[0]!.cancelled).toBe(true);
    await service.refresh('finished');
    expect(timers).toHaveLength(1);
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}
