// The refresh policy with an injected clock: the triggers, the minute, the day, identities.
import { describe, expect, it } from 'vitest';
import { createRefreshPolicy, MIN_GAP_MS, NOT_OFFERED_RETRY_MS } from './refresh-policy';

const T0 = 1_780_000_000_000;

describe('credit refresh policy', () => {
  it('asks on every trigger reason, then at most once a minute', () => {
    for (const reason of ['open', 'generated', 'finished', 'manual'] as const) {
      const policy = createRefreshPolicy();
      expect(policy.decide(reason, 'gw|tok', T0)).toEqual({ kind: 'fetch' });
    }
    const policy = createRefreshPolicy();
    policy.decide('open', 'gw|tok', T0);
    policy.started(T0);
    policy.settled('offered', T0 + 200);
    // Opening the window again inside the minute is not worth a request, nor a timer.
    expect(policy.decide('open', 'gw|tok', T0 + 30_000)).toEqual({ kind: 'skip', why: 'recent' });
    // Events that move the credit are served once the minute is over.
    for (const reason of ['generated', 'finished', 'manual'] as const)
      expect(policy.decide(reason, 'gw|tok', T0 + 30_000)).toEqual({
        kind: 'later',
        at: T0 + MIN_GAP_MS,
      });
    expect(policy.decide('open', 'gw|tok', T0 + MIN_GAP_MS)).toEqual({ kind: 'fetch' });
  });

  it('a failed request still counts toward the minute', () => {
    const policy = createRefreshPolicy();
    policy.decide('manual', 'gw|tok', T0);
    policy.started(T0);
    policy.settled('failed', T0 + 5000);
    expect(policy.decide('open', 'gw|tok', T0 + 10_000).kind).toBe('skip');
  });

  it('without a token nothing is asked', () => {
    expect(createRefreshPolicy().decide('manual', null, T0)).toEqual({
      kind: 'skip',
      why: 'no-token',
    });
  });

  it('"not offered" is asked again only after a day or a new base URL or token', () => {
    const policy = createRefreshPolicy();
    policy.decide('open', 'gw|tok', T0);
    policy.started(T0);
    policy.settled('not-offered', T0);
    const hidden = { kind: 'skip', why: 'not-offered' };
    expect(policy.decide('manual', 'gw|tok', T0 + MIN_GAP_MS)).toEqual(hidden);
    expect(policy.decide('finished', 'gw|tok', T0 + NOT_OFFERED_RETRY_MS - 1)).toEqual(hidden);
    expect(policy.decide('open', 'gw|tok', T0 + NOT_OFFERED_RETRY_MS)).toEqual({ kind: 'fetch' });

    // A new token (or base URL) is a new identity: asked at once, even inside the minute.
    policy.started(T0 + 1);
    policy.settled('not-offered', T0 + 1);
    expect(policy.changed('gw|new-token')).toBe(true);
    expect(policy.decide('open', 'gw|new-token', T0 + 2)).toEqual({ kind: 'fetch' });
    expect(policy.changed('gw|new-token')).toBe(false);
  });

  it('an offered answer clears an older "not offered"', () => {
    const policy = createRefreshPolicy({ minGapMs: 10, notOfferedRetryMs: 100 });
    policy.decide('open', 'a', 0);
    policy.started(0);
    policy.settled('not-offered', 0);
    expect(policy.decide('open', 'a', 100)).toEqual({ kind: 'fetch' });
    policy.started(100);
    policy.settled('offered', 101);
    expect(policy.decide('open', 'a', 111)).toEqual({ kind: 'fetch' });
  });
});
