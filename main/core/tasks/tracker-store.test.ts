// How the tracker uses its store: what is written, when, and that nothing is lost. The feed
// here is a small in-test FeedSource (pure bookkeeping, no HTTP); the HTTP paths are covered
// against the real fake server in the other tracker tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedSource, FeedTask } from '../api/types';
import { createTracker, type Tracker } from './create-tracker';
import type { TrackedTask } from './model';
import { createConfTaskStore, type LoadResult, type TaskStore } from './storage';
import { waitFor } from './test-wait';

const ID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const ID2 = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';

/** A feed whose answer for each task the test sets; unset tasks wait forever. */
function scriptedFeed() {
  const answers = new Map<string, FeedTask>();
  const asked: string[] = [];
  const source: FeedSource = {
    getTask(taskId, opts) {
      asked.push(taskId);
      const answer = answers.get(taskId);
      if (answer) return Promise.resolve(structuredClone(answer));
      return new Promise<FeedTask>((_resolve, reject) => {
        opts?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    },
  };
  const set = (id: string, state: FeedTask['state'], progress: number | null): void => {
    answers.set(id, {
      id,
      promptText: 'a paper boat',
      state,
      progress,
      videos: [
        {
          id,
          status: state === 'running' ? 'pending' : state === 'failed' ? 'error' : state,
          state,
          progress,
          seed: 1,
          resultUrl: state === 'finished' ? `https://cdn.example/${id}.mp4` : null,
          sharingUrl: null,
          videoPoster: null,
          imageThumb: null,
          duration: 5,
          error: null,
        },
      ],
    });
  };
  return { source, set, calls: () => asked.length, asked };
}

/** A store that records every save. */
function recordingStore(initial: TrackedTask[] = []) {
  const saves: { at: number; tasks: TrackedTask[] }[] = [];
  let fail = false;
  const store: TaskStore = {
    load: (): LoadResult => ({ tasks: structuredClone(initial), recoveredFrom: null, dropped: 0 }),
    save(tasks) {
      if (fail) throw new Error('disk full');
      saves.push({ at: Date.now(), tasks: structuredClone(tasks) });
    },
  };
  return { store, saves, failWrites: (value: boolean) => (fail = value) };
}

const trackers: Tracker[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(trackers.splice(0).map((t) => t.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const track = (tracker: Tracker): Tracker => {
  trackers.push(tracker);
  return tracker;
};
const fast = { firstPollMs: 10, floorMs: 10, capMs: 40 };

describe('tracker and its store', () => {
  it('stores a task before its first poll', () => {
    const feed = scriptedFeed();
    const { store, saves } = recordingStore();
    const tracker = track(createTracker({ source: feed.source, store, settings: fast }));
    const result = tracker.add([ID, ID, ID2]);
    expect(result.added.map((t) => t.id)).toEqual([ID, ID2]);
    expect(result.duplicates).toEqual([ID]);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.tasks.map((t) => t.id)).toEqual([ID, ID2]);
    expect(feed.calls()).toBe(0);
    expect(tracker.add([ID]).duplicates).toEqual([ID]);
    expect(() => tracker.add([' '])).toThrow(/Not a task id/);
  });

  it('does not write progress-only changes; writes state changes, coalesced', async () => {
    const feed = scriptedFeed();
    const { store, saves } = recordingStore();
    const tracker = track(
      createTracker({ source: feed.source, store, settings: fast, writeDelayMs: 150 }),
    );
    feed.set(ID, 'running', 10);
    tracker.add([ID]);
    await waitFor(() => tracker.get(ID)?.state === 'running', 'running');
    await waitFor(() => saves.length === 2, 'the write of the state change');
    // Progress moves on several polls: none of them is written.
    for (const progress of [20, 30, 40]) {
      feed.set(ID, 'running', progress);
      await waitFor(() => tracker.get(ID)?.progress === progress, `progress ${progress}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(saves).toHaveLength(2);
    // Several state changes inside one write delay become one write.
    const before = saves.length;
    tracker.markSeen([ID]);
    tracker.setDownload(ID, ID, { status: 'downloading', bytes: 0, total: null, rate: null });
    tracker.setDownload(ID, ID, { status: 'downloading', bytes: 50, total: 100, rate: 10 });
    feed.set(ID, 'finished', 100);
    await waitFor(() => tracker.get(ID)?.state === 'finished', 'finished');
    tracker.setDownload(ID, ID, { status: 'done', path: '/tmp/x.mp4', bytes: 100 });
    await waitFor(() => !tracker.hasPendingTimer(), 'writes to settle', 2_000);
    const writes = saves.slice(before);
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes.length).toBeLessThanOrEqual(2);
    for (let i = 1; i < saves.length; i++) {
      expect(
        (saves[i] as { at: number }).at - (saves[i - 1] as { at: number }).at,
      ).toBeGreaterThanOrEqual(140);
    }
    expect(saves.at(-1)?.tasks[0]).toMatchObject({
      state: 'finished',
      downloads: { [ID]: { status: 'done' } },
    });
  });

  it('close() writes what is pending', async () => {
    const feed = scriptedFeed();
    const { store, saves } = recordingStore();
    const tracker = createTracker({
      source: feed.source,
      store,
      settings: fast,
      writeDelayMs: 60_000,
    });
    tracker.add([ID]);
    feed.set(ID, 'finished', 100);
    await waitFor(() => tracker.get(ID)?.state === 'finished', 'finished');
    await new Promise((r) => setTimeout(r, 20));
    await tracker.close();
    expect(saves.at(-1)?.tasks[0]?.state).toBe('finished');
    expect(tracker.hasPendingTimer()).toBe(false);
    // A download settling after close (app shutting down) is written at once, with no timer.
    const count = saves.length;
    tracker.setDownload(ID, ID, { status: 'failed', message: 'Cancelled on quit.' });
    expect(saves).toHaveLength(count + 1);
    expect(tracker.hasPendingTimer()).toBe(false);
    expect(() => tracker.add([ID2])).toThrow(/closed/);
  });

  it('keeps tasks in memory and writes them later when a write fails', async () => {
    const feed = scriptedFeed();
    const { store, saves, failWrites } = recordingStore();
    const errors: unknown[] = [];
    const tracker = track(
      createTracker({
        source: feed.source,
        store,
        settings: fast,
        writeDelayMs: 10,
        onStoreError: (e) => errors.push(e),
      }),
    );
    failWrites(true);
    tracker.add([ID]);
    expect(errors).toHaveLength(1);
    expect(tracker.get(ID)).toBeDefined();
    failWrites(false);
    tracker.markSeen([ID]); // no change (already seen): nothing new to write
    feed.set(ID, 'running', 5);
    await waitFor(() => saves.length === 1, 'the retried write');
    expect(saves[0]?.tasks.map((t) => t.id)).toEqual([ID]);
  });

  it('resumes active tasks from a real store after a restart, and leaves ended ones alone', async () => {
    // The write delay is long: what reaches disk is add's own write plus close()'s flush.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pika-tracker-'));
    dirs.push(dir);
    const feed = scriptedFeed();
    const first = createTracker({
      source: feed.source,
      store: createConfTaskStore(dir),
      settings: fast,
      writeDelayMs: 60_000,
    });
    first.add([ID, ID2]);
    feed.set(ID2, 'finished', 100);
    await waitFor(() => first.get(ID2)?.state === 'finished', 'ID2 finished');
    await first.close();

    const askedBefore = feed.asked.length;
    feed.set(ID, 'running', 50);
    const second = track(
      createTracker({ source: feed.source, store: createConfTaskStore(dir), settings: fast }),
    );
    expect(second.list().map((t) => t.id)).toEqual([ID, ID2]);
    expect(second.status().activeCount).toBe(1);
    await waitFor(() => second.get(ID)?.state === 'running', 'ID polled again after restart');
    await new Promise((r) => setTimeout(r, 60));
    // Only the active task is asked about; the finished one keeps what it had.
    expect(new Set(feed.asked.slice(askedBefore))).toEqual(new Set([ID]));
    expect(second.get(ID2)).toMatchObject({ state: 'finished', seen: false });
    expect(second.get(ID2)?.videos[0]?.resultUrl).toBe(`https://cdn.example/${ID2}.mp4`);
  });
});
