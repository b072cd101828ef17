// The rate-limit header families, parsed from real answers of a real server on 127.0.0.1
// (the fake gateway's limiter and its http-status fault), and from header maps for the rest.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { caughtApiError } from '../../../test/support/caught-api-error';
import { headerReader } from '../http/header-reader';
import { createPikaClient } from './client';
import { readRateLimit } from './rate-limit-headers';
import type { RateLimitInfo } from './types';

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const read = (h: Record<string, string>) => readRateLimit(headerReader(h), NOW);

describe('readRateLimit', () => {
  it('says nothing for a bare answer', () => {
    expect(read({ 'content-type': 'text/plain' })).toBeUndefined();
  });

  it('X-RateLimit-*: reset as seconds from now or as an epoch time', () => {
    expect(
      read({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' }),
    ).toEqual({ limit: 120, remaining: 0, resetMs: 42_000 });
    expect(read({ 'x-ratelimit-reset': String(NOW / 1000 + 30) })).toEqual({ resetMs: 30_000 });
  });

  it('IETF RateLimit-* with a policy naming the window', () => {
    expect(
      read({
        'ratelimit-limit': '100, 100;w=60',
        'ratelimit-remaining': '7',
        'ratelimit-reset': '12',
        'ratelimit-policy': '100;w=60, 1000;w=3600',
      }),
    ).toEqual({ limit: 100, remaining: 7, resetMs: 12_000, windowMs: 60_000 });
  });

  it('the single RateLimit header, OpenAI durations, Retry-After', () => {
    expect(read({ ratelimit: 'limit=50, remaining=3, reset=9' })).toEqual({
      limit: 50,
      remaining: 3,
      resetMs: 9_000,
    });
    expect(
      read({
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-remaining-requests': '59',
        'x-ratelimit-reset-requests': '1m6s',
      }),
    ).toEqual({ limit: 60, remaining: 59, resetMs: 66_000 });
    expect(read({ 'retry-after': '5' })).toEqual({ retryAfterMs: 5_000 });
  });

  it('ignores values it cannot read, and caps a far reset', () => {
    expect(read({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '-1' })).toBeUndefined();
    expect(read({ 'x-ratelimit-reset': '86400' })).toEqual({ resetMs: 600_000 });
  });
});

describe('the client exposes the headers', () => {
  let fake: FakePika | undefined;
  afterEach(() => fake?.close());

  it.each(['x-ratelimit', 'ratelimit'] as const)(
    '%s: on every answer through onRateLimit, and on the 429 error',
    async (headers) => {
      fake = await startFakePika({ rateLimit: { max: 2, windowMs: 60_000, headers } });
      const client = createPikaClient({ baseUrl: fake.url, getToken: () => fake!.token });
      const id = fake.addTask();
      const seen: RateLimitInfo[] = [];
      const onRateLimit = (info: RateLimitInfo) => seen.push(info);
      await client.getTask(id, { onRateLimit });
      await client.getTask(id, { onRateLimit });
      const error = await caughtApiError(client.getTask(id, { onRateLimit }));
      expect(seen.map((s) => [s.limit, s.remaining])).toEqual([
        [2, 1],
        [2, 0],
        [2, 0],
      ]);
      expect(seen[2]!.resetMs).toBeGreaterThan(55_000);
      if (headers === 'ratelimit') expect(seen[0]!.windowMs).toBe(60_000);
      expect(error.kind).toBe('rate-limited');
      expect(error.rateLimit).toEqual(seen[2]);
    },
  );

  it('a 429 with Retry-After carries it in rateLimit too', async () => {
    fake = await startFakePika();
    const client = createPikaClient({ baseUrl: fake.url, getToken: () => fake!.token });
    fake.fault({ kind: 'rate-limit', retryAfter: '3', count: 1 });
    const error = await caughtApiError(client.getTask(fake.addTask()));
    expect(error).toMatchObject({ retryAfterMs: 3000, rateLimit: { retryAfterMs: 3000 } });
  });
});
