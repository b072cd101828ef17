// The fake server's billing routes: each credit a test can choose answers as pika-api.md
// says gateways do, behind the same token check as the feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from './index';

let fake: FakePika;
beforeAll(async () => {
  fake = await startFakePika();
});
afterAll(() => fake.close());

const get = (path: string, token = fake.token) =>
  fetch(`${fake.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
const SUB = '/v1/dashboard/billing/subscription';
const USAGE = '/v1/dashboard/billing/usage?start_date=1716149437000&end_date=1746517437000';

describe('fake billing routes', () => {
  it('answers api.gpt.ge shapes by default: a $5 limit and usage in hundredths', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 1.39 });
    expect(await (await get(SUB)).json()).toMatchObject({
      object: 'billing_subscription',
      hard_limit_usd: 5,
      soft_limit_usd: 5,
    });
    expect(await (await get(USAGE)).json()).toEqual({ object: 'list', total_usage: 139 });
    // The query string is logged, so tests can check the window asked for.
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/dashboard/billing/usage',
      query: 'start_date=1716149437000&end_date=1746517437000',
    });
  });

  it('sends the unlimited marker and the balance_usd variant', async () => {
    fake.setCredit({ kind: 'unlimited', usedUsd: 2 });
    expect(await (await get(SUB)).json()).toMatchObject({ hard_limit_usd: 100_000_000 });
    fake.setCredit({ kind: 'balance', limitUsd: 5, usedUsd: 1.394104, balanceUsd: 3.605896 });
    expect(await (await get(SUB)).json()).toMatchObject({
      used_usd: 1.394104,
      balance_usd: 3.605896,
      status: 'normal',
    });
  });

  it('plays a gateway without credit: a 404, a web page, another JSON shape', async () => {
    fake.setCredit({ kind: 'not-found' });
    const missing = await get(SUB);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 page not found');
    fake.setCredit({ kind: 'html' });
    const page = await get(USAGE);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/^<!doctype html>/);
    fake.setCredit({ kind: 'odd-shape' });
    expect(await (await get(SUB)).json()).not.toHaveProperty('hard_limit_usd');
    fake.setCredit({ kind: 'server-error', status: 503 });
    expect((await get(SUB)).status).toBe(503);
    fake.setCredit({ kind: 'no-usage', limitUsd: 5 });
    expect((await get(SUB)).status).toBe(200);
    expect((await get(USAGE)).status).toBe(404);
    fake.setCredit({ kind: 'answer', status: 403, body: '{"error":{"message":"no"}}' });
    expect((await get(USAGE)).status).toBe(403);
  });

  it('refuses a wrong token with 401, as the feed does', async () => {
    fake.setCredit({ kind: 'limit', limitUsd: 5, usedUsd: 1 });
    const refused = await get(SUB, 'wrong-token');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('is chosen per server at start', async () => {
    const other = await startFakePika({ credit: { kind: 'not-found' } });
    try {
      expect(
        (await fetch(`${other.url}${SUB}`, { headers: { Authorization: `Bearer ${other.token}` } }))
          .status,
      ).toBe(404);
    } finally {
      await other.close();
    }
  });
});
