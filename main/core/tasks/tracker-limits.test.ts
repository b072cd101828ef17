// The tracker's manners toward the gateway: requests in flight and requests per window.
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSource } from '../api/types';
import { waitFor } from './test-wait';
import { elapse, startKit, type Kit } from './tracker-test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

/** The most requests that started inside any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  times = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while ((times[j] as number) - (times[i] as number) >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('tracker limits (real client, fake server)', () => {
  it('never has more than maxInFlight requests open, and uses them all', async () => {
    let open = 0;
    let most = 0;
    // Measures the real client; it answers exactly as the client does.
    const measure = (client: FeedSource): FeedSource => ({
      async getTask(id, opts) {
        open++;
        most = Math.max(most, open);
        try {
          return await client.getTask(id, opts);
        } finally {
          open--;
        }
      },
    });
    kit = await startKit({
      wrap: measure,
      timeoutMs: 120,
      settings: { maxInFlight: 2, floorMs: 10, capMs: 40 },
    });
    const { fake, tracker } = kit;
    const ids = Array.from({ length: 6 }, () => fake.addTask({ queuedMs: 0, runMs: 5_000 }));
    fake.fault({ kind: 'hang', count: 6 }); // each hangs until the client's 120 ms timeout
    tracker.add(ids);
    await waitFor(() => kit!.named('error').length >= 6, 'six timed-out requests', 5_000);
    expect(most).toBe(2);
    expect(kit.named('error').every((e) => e.name === 'error' && e.kind === 'network')).toBe(true);
    await waitFor(
      () => ids.every((id) => tracker.get(id)?.state === 'running'),
      'all running after the hangs',
    );
    expect(most).toBe(2);
  });

  it('keeps to the request budget, so the gateway never has to say 429', async () => {
    const windowMs = 400;
    const sentAt: number[] = [];
    kit = await startKit({
      wrap: (client) => ({
        getTask(id, opts) {
          sentAt.push(Date.now());
          return client.getTask(id, opts);
        },
      }),
      // The gateway counts in fixed 400 ms windows, where 5 per sliding 400 ms can make up to
      // 10; so it allows 10, and would refuse much more: 6 eager tasks alone want ~100.
      fake: { rateLimit: { max: 10, windowMs } },
      // The longest gap (capMs) is far off: it would override the budget (see the next test).
      settings: { floorMs: 5, capMs: 5_000, budget: { max: 5, windowMs } },
    });
    const { fake, tracker } = kit;
    const ids = Array.from({ length: 6 }, () => fake.addTask({ queuedMs: 0, runMs: 5_000 }));
    // Warm the connections first, so cold-start latency does not bunch up the arrivals.
    await Promise.all(ids.slice(0, 4).map((id) => kit!.client.getTask(id)));
    await elapse(windowMs);
    const t0 = Date.now();
    tracker.add(ids);
    await elapse(1_300);
    const sent = kit.feedRequests().filter((r) => r.at >= t0);
    // Eager tasks (5 ms floor, 6 of them) would send far more: the budget held them back.
    expect(sent.length).toBeGreaterThanOrEqual(12);
    expect(sent.length).toBeLessThanOrEqual(5 * Math.ceil(1_300 / windowMs) + 5);
    // Counted when sent (what the budget governs): never more than 5 in any 400 ms, less a few
    // ms between the budget's clock reading and the call reaching the client.
    expect(busiestWindow(sentAt, windowMs - 15)).toBeLessThanOrEqual(5);
    // Arrival times at the server carry connection latency (it varies under load), so the
    // gateway's view is checked by its own limiter instead: it never had to refuse.
    expect(sent.filter((r) => r.status === 429)).toHaveLength(0);
    // Every task got its turn.
    for (const id of ids) expect(sent.filter((r) => r.path.endsWith(id)).length).toBeGreaterThan(1);
  });

  it('learns a bare-429 limit: a few 429s, then it keeps under it', async () => {
    const windowMs = 1_000;
    kit = await startKit({
      // A gateway allowing 20 per fixed second, saying nothing but a bare 429.
      fake: { rateLimit: { max: 20, windowMs } },
      settings: { floorMs: 5, capMs: 5_000, budget: { max: Infinity, windowMs } },
    });
    const { fake, tracker } = kit;
    // No progress reported: each is asked at the floor, so demand far exceeds the limit.
    const ids = Array.from({ length: 6 }, () =>
      fake.addTask({ queuedMs: 0, runMs: 10_000, progress: 'none' }),
    );
    const t0 = Date.now();
    tracker.add(ids);
    await elapse(3_500);
    const sent = kit.feedRequests().filter((r) => r.at >= t0);
    const refused = sent.filter((r) => r.status === 429).length;
    // Six eager tasks (5 ms floor) want ~1,000 a second; a plain poller would be refused
    // almost always. Learning costs a handful of 429s and then keeps under the limit.
    expect(sent.length - refused).toBeGreaterThanOrEqual(40);
    expect(refused).toBeLessThanOrEqual(10);
    expect(tracker.learntRate()).toMatchObject({ limited: true, windowMs });
    expect(tracker.learntRate().max).toBeLessThan(20);
  });

  it.each(['x-ratelimit', 'ratelimit'] as const)(
    'follows a limit stated in %s headers at once: no 429 at all',
    async (headers) => {
      const windowMs = 1_000;
      kit = await startKit({
        fake: { rateLimit: { max: 20, windowMs, headers } },
        settings: { floorMs: 5, capMs: 5_000, budget: { max: Infinity, windowMs } },
      });
      const { fake, tracker } = kit;
      const ids = Array.from({ length: 6 }, () =>
        fake.addTask({ queuedMs: 0, runMs: 10_000, progress: 'none' }),
      );
      const t0 = Date.now();
      tracker.add(ids);
      await elapse(2_500);
      const sent = kit.feedRequests().filter((r) => r.at >= t0);
      expect(sent.filter((r) => r.status === 429)).toHaveLength(0);
      expect(sent.length).toBeGreaterThanOrEqual(30);
      expect(tracker.learntRate().max).toBeLessThanOrEqual(16);
    },
  );

  it('the longest gap between two polls holds however tight the budget', async () => {
    kit = await startKit({
      // One request per minute allowed by the user's cap; 8 running tasks; gap at most 300 ms.
      settings: { floorMs: 20, capMs: 300, budget: { max: 1, windowMs: 60_000 } },
    });
    const { fake, tracker } = kit;
    const ids = Array.from({ length: 8 }, () => fake.addTask({ queuedMs: 0, runMs: 20_000 }));
    tracker.add(ids);
    await waitFor(() => ids.every((id) => kit!.feedRequests(id).length >= 6), 'six polls each');
    for (const id of ids) {
      const at = kit.feedRequests(id).map((r) => r.at);
      const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
      // The budget alone would leave a minute between them; timer and loopback slack on a
      // shared machine stay well under 150 ms.
      expect(Math.max(...gaps)).toBeLessThanOrEqual(300 + 150);
    }
  });

  it('when the budget is tight, the task nearest to finishing is asked first', async () => {
    kit = await startKit({ settings: { floorMs: 15, capMs: 60 } });
    const { fake, tracker } = kit;
    // Progress rises at different speeds: near gets far ahead of mid, mid of far.
    const far = fake.addTask({ queuedMs: 0, runMs: 120_000 });
    const mid = fake.addTask({ queuedMs: 0, runMs: 8_000 });
    const near = fake.addTask({ queuedMs: 0, runMs: 2_500 });
    tracker.add([far, mid, near]);
    const progress = (id: string): number => tracker.get(id)?.progress ?? -1;
    await waitFor(
      () => progress(near) > progress(mid) + 5 && progress(mid) > progress(far) + 5,
      'progress apart',
    );
    tracker.pause();
    await elapse(50); // polls in flight land
    // One request per 300 ms from now on: each turn goes to the best-placed task.
    // The longest gap (60 ms so far) moved out of the way: it goes before the budget.
    tracker.updateSettings({ capMs: 5_000, budget: { max: 1, windowMs: 300 } });
    const t0 = Date.now();
    tracker.pollAllNow();
    tracker.resume();
    await waitFor(
      () => kit!.feedRequests().filter((r) => r.at >= t0).length >= 3,
      'three turns',
      3_000,
    );
    const order = kit
      .feedRequests()
      .filter((r) => r.at >= t0)
      .slice(0, 3)
      .map((r) => r.path.slice('/pika/feed/'.length));
    expect(order).toEqual([near, mid, far]);
  });

  it('pause() stops all polling with no timer held; resume() and pollAllNow() pick up again', async () => {
    kit = await startKit({ settings: { floorMs: 10, capMs: 40 } });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 5_000 });
    tracker.add([id]);
    await waitFor(() => tracker.get(id)?.state === 'running', 'running');
    tracker.pause();
    expect(tracker.status().paused).toBe(true);
    await waitFor(() => tracker.hasPendingTimer('poll') === false, 'no poll timer while paused');
    await elapse(20); // a poll already in flight may land
    const asked = kit.feedRequests(id).length;
    await elapse(120);
    expect(kit.feedRequests(id)).toHaveLength(asked);
    tracker.resume();
    expect(tracker.status().paused).toBe(false);
    await waitFor(() => kit!.feedRequests(id).length > asked, 'polling after resume');
    // pollAllNow asks at once, even when the next poll was far away.
    tracker.updateSettings({ floorMs: 5_000, capMs: 10_000 });
    const before = kit.feedRequests(id).length;
    await elapse(60);
    const quiet = kit.feedRequests(id).length;
    expect(quiet - before).toBeLessThanOrEqual(1);
    tracker.pollAllNow();
    await waitFor(() => kit!.feedRequests(id).length > quiet, 'the wake-up poll', 1_000);
    // Its next poll is now 5 s or more away; lowering the cap brings it in at once.
    await elapse(30);
    const woke = kit.feedRequests(id).length;
    tracker.updateSettings({ floorMs: 10, capMs: 40 });
    await waitFor(() => kit!.feedRequests(id).length > woke, 'a poll within the new cap', 500);
  });
});
