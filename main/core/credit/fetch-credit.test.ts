// Reading the credit through the real client against the fake server over loopback: every
// answer shape, the gateways without credit, and the token refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { caughtApiError } from '../../../test/support/caught-api-error';
import { createPikaClient, type PikaClient } from '../api/client';
import { fetchCredit, USAGE_WINDOW_MS } from './fetch-credit';

let fake: FakePika;
let client: PikaClient;
beforeAll(async () => {
  fake = await startFakePika({ token: 'credit-token-0123' });
  client = createPikaClient({ baseUrl: fake.url, getToken: () => fake.token, timeoutMs: 2000 });
});
afterAll(() => fake.close());

const billing = () => fake.requests.filter((r) => r.path.startsWith('/v1/dashboard/billing/'));

describe('fetchCredit', () => {
  it('remaining = limit − used, usage read in hundredths of a dollar over a window ending now', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 1.39 });
    const before = billing().length;
    const now = 1_780_000_000_000;
    expect(await fetchCredit(client, { now })).toEqual({
      offered: true,
      limitUsd: 5,
      usedUsd: 1.39,
      remainingUsd: 3.61,
      unlimited: false,
    });
    const asked = billing().slice(before);
    expect(asked.map((r) => r.path)).toEqual([
      '/v1/dashboard/billing/subscription',
      '/v1/dashboard/billing/usage',
    ]);
    expect(asked[1]!.query).toBe(`start_date=${now - USAGE_WINDOW_MS}&end_date=${now}`);
  });

  it('takes balance_usd and used_usd when the gateway gives them, without asking for usage', async () => {
    fake.setCredit({ kind: 'balance', limitUsd: 5, usedUsd: 1.394104, balanceUsd: 3.605896 });
    const before = billing().length;
    expect(await fetchCredit(client)).toEqual({
      offered: true,
      limitUsd: 5,
      usedUsd: 1.3941,
      remainingUsd: 3.6059,
      unlimited: false,
    });
    expect(billing().length - before).toBe(1);
  });

  it('says "unlimited" for the 100000000 marker, with what was used', async () => {
    fake.setCredit({ kind: 'unlimited', usedUsd: 12.5 });
    expect(await fetchCredit(client)).toEqual({
      offered: true,
      limitUsd: null,
      usedUsd: 12.5,
      remainingUsd: null,
      unlimited: true,
    });
  });

  it.each([
    ['a 404', { kind: 'not-found' } as const, /HTTP 404/],
    ['a web page', { kind: 'html' } as const, /web page/],
    ['another JSON shape', { kind: 'odd-shape' } as const, /unknown shape \(hard_limit_usd/],
  ])('a gateway answering %s does not offer credit', async (_what, credit, reason) => {
    fake.setCredit(credit);
    const reading = await fetchCredit(client);
    expect(reading).toEqual({ offered: false, reason: expect.stringMatching(reason) });
  });

  it('a limit without a usage route says nothing about what is left; unlimited needs none', async () => {
    fake.setCredit({ kind: 'no-usage', limitUsd: 5 });
    expect(await fetchCredit(client)).toEqual({
      offered: false,
      reason: expect.stringMatching(/HTTP 404/),
    });
    fake.setCredit({ kind: 'no-usage', limitUsd: 100_000_000 });
    expect(await fetchCredit(client)).toEqual({
      offered: true,
      limitUsd: null,
      usedUsd: null,
      remainingUsd: null,
      unlimited: true,
    });
  });

  it('an error envelope with HTTP 200 is "not offered", unless it says the quota is gone', async () => {
    fake.setCredit({
      kind: 'answer',
      status: 200,
      body: '{"error":{"message":"billing is disabled","type":"new_api_error"}}',
    });
    expect(await fetchCredit(client)).toEqual({
      offered: false,
      reason: 'the gateway refused its billing route: "billing is disabled"',
    });
    fake.setCredit({
      kind: 'answer',
      status: 403,
      body: '{"error":{"message":"user quota is not enough","type":"new_api_error","code":"insufficient_user_quota"}}',
    });
    const error = await caughtApiError(fetchCredit(client));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'insufficient_user_quota' });
  });

  it('a rejected token is a token-rejected error, with the token scrubbed', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 1 });
    const wrong = createPikaClient({ baseUrl: fake.url, getToken: () => 'wrong-token-xyz' });
    const error = await caughtApiError(fetchCredit(wrong));
    expect(error.kind).toBe('token-rejected');
    expect(error.status).toBe(401);
    expect(error.message).not.toContain('wrong-token-xyz');
  });

  it('a failing gateway is a retryable error, not "not offered"', async () => {
    fake.setCredit({ kind: 'server-error', status: 503 });
    const error = await caughtApiError(fetchCredit(client));
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/credit/);
  });

  it('an unreachable gateway is a network error naming the credit', async () => {
    const gone = await startFakePika();
    await gone.close();
    const offline = createPikaClient({ baseUrl: gone.url, getToken: () => 'x-token' });
    const error = await caughtApiError(fetchCredit(offline));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^Could not get the token's credit: .*refused/);
  });
});
