// What the tracker does with each kind of failure, through the real client and fake server.
import { afterEach, describe, expect, it } from 'vitest';
import { UNKNOWN_TASK_LIMIT } from './create-tracker';
import { waitFor } from './test-wait';
import { elapse, nextEvent, startKit, type Kit } from './tracker-test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('tracker faults (real client, fake server)', () => {
  it('a rejected token (401) pauses ALL polling until the token changes', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const a = fake.addTask({ queuedMs: 0, runMs: 100 });
    const b = fake.addTask({ queuedMs: 0, runMs: 100 });
    kit.setToken('sk-wrong-token-123456');
    tracker.add([a, b]);
    await waitFor(() => tracker.status().tokenRejected, 'tokenRejected');
    expect(tracker.status().blocked).toMatchObject({ kind: 'token-rejected' });
    expect(kit.named('status').some((e) => e.name === 'status' && e.status.tokenRejected)).toBe(
      true,
    );
    const rejected = kit
      .named('error')
      .filter((e) => e.name === 'error' && e.kind === 'token-rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    // The token never shows in what the tracker tells anyone.
    expect(JSON.stringify(kit.events)).not.toContain('sk-wrong-token-123456');
    expect(JSON.stringify(tracker.list())).not.toContain('sk-wrong-token-123456');

    const asked = kit.feedRequests().length;
    await elapse(150);
    expect(kit.feedRequests()).toHaveLength(asked);
    expect(tracker.hasPendingTimer('poll')).toBe(false);
    tracker.pollAllNow(); // a wake-up does not lift a token rejection
    tracker.resume();
    await elapse(50);
    expect(kit.feedRequests()).toHaveLength(asked);

    kit.setToken(fake.token);
    const finishedA = nextEvent(tracker, 'finished', a);
    const finishedB = nextEvent(tracker, 'finished', b);
    tracker.tokenChanged();
    expect(tracker.status()).toMatchObject({ tokenRejected: false, blocked: null });
    await Promise.all([finishedA, finishedB]);
    expect(tracker.get(a)?.lastError).toBeNull();
  });

  it('out of quota (403) pauses all polling, says why, and a re-check tries again', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 60 });
    fake.fault({
      kind: 'http-status',
      status: 403,
      count: 1,
      body: JSON.stringify({
        error: {
          message: 'user quota is not enough',
          type: 'new_api_error',
          code: 'insufficient_user_quota',
        },
      }),
    });
    tracker.add([id]);
    await waitFor(() => tracker.status().blocked != null, 'blocked');
    expect(tracker.status()).toMatchObject({
      tokenRejected: false,
      blocked: { kind: 'forbidden' },
    });
    expect(tracker.get(id)?.lastError).toMatchObject({ kind: 'forbidden' });
    expect(tracker.get(id)?.lastError?.message).toMatch(/quota/i);
    const asked = kit.feedRequests().length;
    await elapse(120);
    expect(kit.feedRequests()).toHaveLength(asked);

    const finished = nextEvent(tracker, 'finished', id);
    tracker.recheck(id);
    await finished;
    expect(tracker.status().blocked).toBeNull();
    expect(tracker.get(id)?.lastError).toBeNull();
  });

  it('a 429 with Retry-After holds every task until then, then carries on', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const a = fake.addTask({ queuedMs: 0, runMs: 2_000 });
    const b = fake.addTask({ queuedMs: 0, runMs: 2_000 });
    tracker.add([a, b]);
    await waitFor(
      () => tracker.get(a)?.state === 'running' && tracker.get(b)?.state === 'running',
      'running',
    );
    fake.fault({ kind: 'rate-limit', retryAfter: '1', count: 1 });
    await waitFor(() => kit!.feedRequests().some((r) => r.status === 429), 'the 429');
    const limitedAt = kit.feedRequests().find((r) => r.status === 429)!.at;
    await waitFor(
      () => kit!.feedRequests().some((r) => r.at - limitedAt > 30 && r.status === 200),
      'polling again',
      3_000,
    );
    const after = kit.feedRequests().filter((r) => r.at > limitedAt);
    // Requests already in flight when the 429 came may land just after it; none was sent later
    // than that until Retry-After had passed.
    const sentLater = after.filter((r) => r.at - limitedAt > 30);
    expect(sentLater.length).toBeGreaterThan(0);
    for (const r of sentLater) expect(r.at - limitedAt).toBeGreaterThanOrEqual(990);
    await waitFor(
      () => tracker.get(a)?.lastError === null && tracker.get(b)?.lastError === null,
      'errors cleared',
    );
    expect(kit.named('error').map((e) => (e.name === 'error' ? e.kind : ''))).toEqual([
      'rate-limited',
    ]);
  });

  it('backs off exponentially through a 5xx burst and recovers', async () => {
    // random = 1: the full-jitter delay sits at its ceiling, so the growth is visible.
    kit = await startKit({ random: () => 0.999, settings: { floorMs: 20, capMs: 400 } });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 1_500 });
    tracker.add([id]);
    await waitFor(() => tracker.get(id)?.state === 'running', 'running');
    fake.fault({ kind: 'server-error', status: 503, count: 2 });
    fake.fault({ kind: 'html-error', status: 502, count: 2 });
    const recovered = nextEvent(tracker, 'finished', id, 6_000);
    await waitFor(() => kit!.named('error', id).length === 4, 'four errors');
    expect(tracker.get(id)?.lastError).toMatchObject({ kind: 'server' });
    expect(tracker.get(id)?.lastError?.message).not.toMatch(/<html/i);
    const failed = kit.feedRequests(id).filter((r) => r.status >= 500);
    expect(failed).toHaveLength(4);
    const gaps = failed.slice(1).map((r, i) => r.at - (failed[i] as { at: number }).at);
    // Ceilings 20, 40, 80 ms after the 1st, 2nd, 3rd failure (random ~1).
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
    expect(gaps[2]).toBeGreaterThanOrEqual(75);
    await waitFor(() => tracker.get(id)?.lastError === null, 'a good answer clears the error');
    await recovered;
    expect(kit.named('failed')).toHaveLength(0);
  });

  it('a task past the stalled limit is marked stalled even while every poll fails, and kept', async () => {
    kit = await startKit({ settings: { stalledAfterMs: 150 } });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    fake.fault({ kind: 'server-error', status: 503, taskId: id });
    const stalled = nextEvent(tracker, 'stalled', id);
    tracker.add([id]);
    const task = await stalled;
    expect(task.state).toBe('stalled');
    expect(task.lastError).toMatchObject({ kind: 'server' });
    expect(kit.feedRequests(id).every((r) => r.status === 503)).toBe(true);
    expect(tracker.status().activeCount).toBe(1);
    // Still asked: once the gateway answers, the task is followed on (still stalled, still kept).
    fake.clearFaults();
    await waitFor(() => tracker.get(id)?.lastError === null, 'an answer after the errors');
    expect(tracker.get(id)?.state).toBe('stalled');
    expect(kit.named('stalled', id)).toHaveLength(1);
  });

  it('"task_not_exist" twice, then found: retried, never failed', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 60 });
    fake.fault({ kind: 'task-not-exist', taskId: id, count: 2 });
    const finished = nextEvent(tracker, 'finished', id);
    tracker.add([id]);
    await finished;
    const errors = kit.named('error', id);
    expect(errors.map((e) => (e.name === 'error' ? e.kind : ''))).toEqual([
      'unknown-task',
      'unknown-task',
    ]);
    expect(kit.named('failed')).toHaveLength(0);
    expect(kit.feedRequests(id).filter((r) => r.status === 400)).toHaveLength(2);
  });

  it('"task_not_exist" counts only in a row: an answer in between starts the count again', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 1_500 });
    const statuses = (): number[] => kit!.feedRequests(id).map((r) => r.status);
    fake.fault({ kind: 'task-not-exist', taskId: id, count: UNKNOWN_TASK_LIMIT - 1 });
    tracker.add([id]);
    await waitFor(() => statuses().includes(200), 'the first answer');
    fake.fault({ kind: 'task-not-exist', taskId: id, count: UNKNOWN_TASK_LIMIT - 1 });
    const unknown = (): number => statuses().filter((s) => s === 400).length;
    await waitFor(
      () =>
        unknown() === 2 * (UNKNOWN_TASK_LIMIT - 1) &&
        statuses().lastIndexOf(200) > statuses().lastIndexOf(400),
      'answered again after the second run of unknowns',
    );
    await waitFor(() => tracker.get(id)?.lastError === null, 'the answer taken in');
    // 4 unknown answers in all, never 3 in a row: the task is still being followed.
    expect(statuses().filter((s) => s === 400)).toHaveLength(2 * (UNKNOWN_TASK_LIMIT - 1));
    expect(kit.named('failed')).toHaveLength(0);
    expect(tracker.get(id)?.state).toBe('running');
  });

  it(`"task_not_exist" ${UNKNOWN_TASK_LIMIT} times in a row: failed, with a clear error, and no more polls`, async () => {
    kit = await startKit();
    const { tracker } = kit;
    const id = '0b6e1f57-9c7d-4d1e-8f3a-5b2c4d6e8f90'; // the server has never heard of it
    const failed = nextEvent(tracker, 'failed', id);
    tracker.add([id]);
    const task = await failed;
    expect(task.state).toBe('failed');
    expect(task.lastError).toMatchObject({ kind: 'unknown-task' });
    expect(task.lastError?.message).toMatch(/^Unknown task id/);
    expect(task.endedAt).not.toBeNull();
    expect(kit.feedRequests(id)).toHaveLength(UNKNOWN_TASK_LIMIT);
    await elapse(120);
    expect(kit.feedRequests(id)).toHaveLength(UNKNOWN_TASK_LIMIT);
    expect(tracker.hasPendingTimer('poll')).toBe(false);
  });

  it('a re-check of a finished task rides out transient errors; a forgotten task stays finished', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 20 });
    const finished = nextEvent(tracker, 'finished', id);
    tracker.add([id]);
    await finished;
    const asked = kit.feedRequests(id).length;
    fake.fault({ kind: 'server-error', status: 502, count: 2, taskId: id });
    tracker.recheck(id);
    await waitFor(() => kit!.feedRequests(id).length === asked + 3, 'two errors, then an answer');
    await waitFor(() => tracker.get(id)?.lastError === null, 'the answer');
    // The gateway forgets old tasks: that does not make a finished task failed.
    fake.fault({ kind: 'task-not-exist', taskId: id });
    for (let i = 0; i < 3; i++) {
      const before = kit.feedRequests(id).length;
      tracker.recheck(id);
      await waitFor(() => kit!.feedRequests(id).length === before + 1, 're-check');
    }
    await waitFor(
      () => tracker.get(id)?.lastError?.kind === 'unknown-task',
      'the unknown answer recorded',
    );
    expect(tracker.get(id)?.state).toBe('finished');
    expect(kit.named('failed')).toHaveLength(0);
    expect(kit.named('finished')).toHaveLength(1);
  });

  it('keeps its state through transient oddities (unknown status, empty videos, finished without URL)', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 40 });
    fake.fault({ kind: 'unknown-status', value: 'processing_v2', count: 2, taskId: id });
    fake.fault({ kind: 'finished-without-url', count: 2, taskId: id });
    fake.fault({ kind: 'extra-fields', taskId: id });
    fake.fault({ kind: 'empty-videos', count: 1, taskId: id });
    const finished = nextEvent(tracker, 'finished', id);
    tracker.add([id]);
    const task = await finished;
    expect(task.videos[0]?.resultUrl).toMatch(/^http/);
    expect(kit.named('failed')).toHaveLength(0);
    expect(kit.named('error', id)).toHaveLength(0);
  });
});
