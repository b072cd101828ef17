import { describe, expect, it } from 'vitest';
import type { CreditAmounts } from '../credit/types';
import { createLowCreditPolicy } from './low-credit-policy';

const left = (remainingUsd: number | null, unlimited = false): CreditAmounts => ({
  limitUsd: unlimited ? null : 5,
  usedUsd: 0,
  remainingUsd,
  unlimited,
});

describe('low credit warning', () => {
  it('warns once when credit falls below the threshold, again only after it rose above', () => {
    const policy = createLowCreditPolicy({ enabled: () => true });
    expect(policy.observe(left(3.61), 1)).toBeNull();
    const warning = policy.observe(left(0.8), 1);
    expect(warning).toEqual({
      kind: 'credit',
      taskId: null,
      title: 'Pika credit is running low',
      body: '$0.80 left on this token (below your $1.00 warning). Top it up before the next video is refused.',
    });
    expect(policy.observe(left(0.5), 1)).toBeNull();
    expect(policy.observe(left(0.2), 1)).toBeNull();
    // A top-up re-arms it; falling again warns again.
    expect(policy.observe(left(10), 1)).toBeNull();
    expect(policy.observe(left(0.9), 1)?.body).toMatch(/^\$0\.90 left/);
  });

  it('exactly at the threshold is not below it', () => {
    const policy = createLowCreditPolicy({ enabled: () => true });
    expect(policy.observe(left(1), 1)).toBeNull();
    expect(policy.observe(left(0.99), 1)).not.toBeNull();
  });

  it('threshold 0 is off, and unlimited or unknown credit says nothing', () => {
    const policy = createLowCreditPolicy({ enabled: () => true });
    expect(policy.observe(left(0.1), 0)).toBeNull();
    expect(policy.observe(left(null, true), 1)).toBeNull();
    expect(policy.observe(left(null), 1)).toBeNull();
    // Turned on while already low: warns.
    expect(policy.observe(left(0.1), 1)).not.toBeNull();
  });

  it('with notifications off the crossing is dropped, not saved for later', () => {
    let enabled = false;
    const policy = createLowCreditPolicy({ enabled: () => enabled });
    expect(policy.observe(left(0.5), 1)).toBeNull();
    enabled = true;
    expect(policy.observe(left(0.4), 1)).toBeNull();
    expect(policy.observe(left(2), 1)).toBeNull();
    expect(policy.observe(left(0.4), 1)).not.toBeNull();
  });
});
