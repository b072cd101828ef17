// A task's life through the real HTTP client and the real fake Pika server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracker } from './create-tracker';
import { createConfTaskStore } from './storage';
import { waitFor } from './test-wait';
import {
  elapse,
  logEvents,
  memoryStore,
  nextEvent,
  startKit,
  type Kit,
  type LoggedEvent,
} from './tracker-test-kit';

let kit: Kit | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await kit?.close();
  kit = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('tracker lifecycle (real client, fake server)', () => {
  it('follows a task queued -> running -> finished, with events in order, then stops asking', async () => {
    kit = await startKit();
    const { fake, tracker, events } = kit;
    const id = fake.addTask({ queuedMs: 80, runMs: 250, prompt: 'A lighthouse at dusk' });
    const finished = nextEvent(tracker, 'finished', id);
    const { added } = tracker.add([id]);
    expect(added[0]).toMatchObject({ id, state: 'queued', progress: null, seen: true });
    const task = await finished;

    expect(task).toMatchObject({
      state: 'finished',
      progress: 100,
      promptText: 'A lighthouse at dusk',
      seen: false,
    });
    expect(task.endedAt).not.toBeNull();
    expect(task.lastError).toBeNull();
    expect(task.videos[0]?.resultUrl).toMatch(new RegExp(`^${fake.url}/cdn/v1/${id}/`));

    const mine = events.filter(
      (e): e is Exclude<LoggedEvent, { name: 'status' }> => e.name !== 'status',
    );
    expect(mine[0]).toMatchObject({ name: 'added', id });
    const states = mine.flatMap((e) =>
      e.name === 'changed' && e.keys.includes('state') ? [e.state] : [],
    );
    expect(states).toEqual(['running', 'finished']);
    const progress = mine.flatMap((e) =>
      e.name === 'changed' && e.progress !== null ? [e.progress] : [],
    );
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    // 'finished' comes right after the change that made it so, and only once.
    const finishedAt = mine.findIndex((e) => e.name === 'finished');
    expect(mine[finishedAt - 1]).toMatchObject({ name: 'changed', state: 'finished' });
    expect(kit.named('finished')).toHaveLength(1);
    // The status went from one active task to none.
    const statuses = kit
      .named('status')
      .map((e) => (e.name === 'status' ? e.status.activeCount : -1));
    expect(statuses).toEqual([1, 0]);
    expect(tracker.status()).toMatchObject({
      activeCount: 0,
      paused: false,
      tokenRejected: false,
      blocked: null,
    });

    // Ended: no poll timer at all, and no more requests.
    expect(tracker.hasPendingTimer('poll')).toBe(false);
    const asked = kit.feedRequests(id).length;
    await waitFor(() => !tracker.hasPendingTimer(), 'the last write');
    await elapse(150);
    expect(kit.feedRequests(id)).toHaveLength(asked);
    expect(tracker.hasPendingTimer()).toBe(false);
  });

  it('tells when a running task should finish (finishAt), and clears it once it has', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 1500 });
    const seen: (number | null | undefined)[] = [];
    tracker.on('changed', (task) => {
      if (task.id === id && task.state === 'running') seen.push(task.finishAt);
    });
    const finished = nextEvent(tracker, 'finished', id);
    const start = Date.now();
    tracker.add([id]);
    const task = await finished;
    expect(task.finishAt ?? null).toBeNull();
    const estimates = seen.filter((at): at is number => typeof at === 'number');
    expect(estimates.length).toBeGreaterThan(0);
    // Within the run it predicts an end near the fake server's (start + 1.5 s).
    const last = estimates[estimates.length - 1]!;
    expect(last).toBeGreaterThan(start + 500);
    expect(last).toBeLessThan(start + 4000);
  });

  it('waits firstPollMs before the first poll of a new task (stored at once)', async () => {
    const store = memoryStore();
    kit = await startKit({ store, settings: { firstPollMs: 400 } });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const addedAt = Date.now();
    tracker.add([id]);
    expect(store.saved.map((t) => t.id)).toEqual([id]);
    await waitFor(() => kit!.feedRequests(id).length > 0, 'the first poll');
    expect(kit.feedRequests(id)[0]!.at - addedAt).toBeGreaterThanOrEqual(390);
  });

  it('reports a generation that ends in error as failed, with the reason', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({
      queuedMs: 20,
      runMs: 60,
      outcome: 'error',
      errorMessage: 'Flagged by moderation.',
    });
    const failed = nextEvent(tracker, 'failed', id);
    tracker.add([id]);
    const task = await failed;
    expect(task.state).toBe('failed');
    expect(task.videos[0]?.error).toBe('Flagged by moderation.');
    expect(task.seen).toBe(false);
    expect(kit.named('finished')).toHaveLength(0);
    const asked = kit.feedRequests(id).length;
    await elapse(120);
    expect(kit.feedRequests(id)).toHaveLength(asked);
  });

  it('re-checks an ended task once on request, without a second finished event', async () => {
    kit = await startKit();
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 30 });
    const finished = nextEvent(tracker, 'finished', id);
    tracker.add([id]);
    await finished;
    const asked = kit.feedRequests(id).length;
    tracker.markSeen([id]);
    expect(tracker.get(id)?.seen).toBe(true);
    tracker.recheck(id);
    await waitFor(() => kit!.feedRequests(id).length === asked + 1, 'the re-check request');
    await waitFor(() => tracker.get(id)?.attempts === asked + 1, 'the answer');
    await elapse(100);
    expect(kit.feedRequests(id)).toHaveLength(asked + 1);
    expect(kit.named('finished')).toHaveLength(1);
    expect(tracker.get(id)).toMatchObject({ state: 'finished', seen: true });
  });

  it('marks a task running too long as stalled, keeps polling it at the cap, and still sees it finish', async () => {
    kit = await startKit({ settings: { stalledAfterMs: 120, capMs: 80 } });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 500 });
    const stalled = nextEvent(tracker, 'stalled', id);
    const finished = nextEvent(tracker, 'finished', id, 5_000);
    tracker.add([id]);
    const s = await stalled;
    expect(s.state).toBe('stalled');
    expect(Date.now() - s.addedAt).toBeGreaterThanOrEqual(120);
    expect(tracker.status().activeCount).toBe(1);
    await finished;
    expect(kit.named('stalled')).toHaveLength(1);
    // While stalled, polls came at the cap (80 ms), not faster.
    const times = kit.feedRequests(id).map((r) => r.at);
    const stalledFrom = times.findIndex((t) => t >= s.lastCheckedAt!);
    const gaps = times.slice(stalledFrom + 1).map((t, i) => t - (times[stalledFrom + i] as number));
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(70);
  });

  it('removes a task: no more polls, a removed event, and it is gone from the store', async () => {
    const store = memoryStore();
    kit = await startKit({ store });
    const { fake, tracker } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 5_000 });
    tracker.add([id]);
    expect(store.saved.map((t) => t.id)).toEqual([id]);
    await waitFor(() => tracker.get(id)?.state === 'running', 'running');
    expect(tracker.remove(id)).toBe(true);
    expect(tracker.remove(id)).toBe(false);
    expect(tracker.get(id)).toBeUndefined();
    expect(kit.named('removed', id)).toHaveLength(1);
    const asked = kit.feedRequests(id).length;
    await elapse(120);
    expect(kit.feedRequests(id)).toHaveLength(asked);
    expect(store.saved).toEqual([]);
    expect(tracker.hasPendingTimer()).toBe(false);
  });

  it('resumes tracking from the store after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pika-restart-'));
    dirs.push(dir);
    kit = await startKit({ store: createConfTaskStore(dir) });
    const { fake, tracker, client } = kit;
    const id = fake.addTask({ queuedMs: 0, runMs: 400, prompt: 'A slow tide' });
    const done = fake.addTask({ queuedMs: 0, runMs: 10 });
    tracker.add([id, done]);
    await waitFor(
      () => tracker.get(id)?.state === 'running' && tracker.get(done)?.state === 'finished',
      'both seen',
    );
    await tracker.close();

    // The app starts again: a new tracker over the same file.
    const again = createTracker({
      source: client,
      store: createConfTaskStore(dir),
      settings: { firstPollMs: 5, floorMs: 15, capMs: 60 },
    });
    const events: LoggedEvent[] = [];
    logEvents(again, events);
    try {
      expect(again.list().map((t) => t.id)).toEqual([id, done]);
      expect(again.get(id)).toMatchObject({ promptText: 'A slow tide', state: 'running' });
      expect(again.status().activeCount).toBe(1);
      const doneAsked = kit.feedRequests(done).length;
      await nextEvent(again, 'finished', id);
      expect(kit.feedRequests(done)).toHaveLength(doneAsked);
      expect(
        events.filter((e) => e.name === 'finished').map((e) => ('id' in e ? e.id : '')),
      ).toEqual([id]);
    } finally {
      await again.close();
    }
    expect(
      createConfTaskStore(dir)
        .load()
        .tasks.map((t) => t.state),
    ).toEqual(['finished', 'finished']);
  });
});
