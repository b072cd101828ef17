import { describe, expect, it } from 'vitest';
import type { FeedTask, FeedVideo } from '../api/types';
import { changedKeys, mergeFeed, needsWrite } from './merge-feed';
import { newTask, type TrackedTask } from './model';

const task: TrackedTask = {
  ...newTask('t1', 1_000),
  lastError: { kind: 'server', message: 'Bad gateway' },
  attempts: 2,
};

const video = (patch: Partial<FeedVideo> = {}): FeedVideo => ({
  id: 't1',
  status: 'pending',
  state: 'running',
  progress: 40,
  seed: 7,
  resultUrl: null,
  sharingUrl: null,
  videoPoster: null,
  imageThumb: null,
  duration: null,
  error: null,
  ...patch,
});

const feed = (patch: Partial<FeedTask> = {}): FeedTask => ({
  id: 't1',
  promptText: 'a cat',
  videos: [video()],
  state: 'running',
  progress: 40,
  ...patch,
});

describe('mergeFeed', () => {
  it('takes prompt, videos, progress and state, and clears the last error', () => {
    const after = mergeFeed(task, feed(), 5_000);
    expect(after).toMatchObject({
      promptText: 'a cat',
      state: 'running',
      progress: 40,
      lastCheckedAt: 5_000,
    });
    expect(after.lastError).toBeNull();
    expect(after.videos).toHaveLength(1);
    expect(after.endedAt).toBeNull();
  });

  it('keeps what an earlier answer said when a later one is empty', () => {
    const running = mergeFeed(task, feed(), 5_000);
    const after = mergeFeed(
      running,
      feed({ promptText: '', videos: [], state: 'queued', progress: null }),
      6_000,
    );
    expect(after.promptText).toBe('a cat');
    expect(after.videos).toHaveLength(1);
  });

  it('marks the end once: endedAt, progress 100 and unseen; a repeat keeps endedAt', () => {
    const done = feed({
      state: 'finished',
      progress: 99,
      videos: [video({ state: 'finished', resultUrl: 'https://cdn/x.mp4' })],
    });
    const ended = mergeFeed(task, done, 9_000);
    expect(ended).toMatchObject({ state: 'finished', progress: 100, endedAt: 9_000, seen: false });
    const seen = { ...ended, seen: true };
    const again = mergeFeed(seen, done, 12_000);
    expect(again.endedAt).toBe(9_000);
    expect(again.seen).toBe(true);
  });

  it('a failed task found running again (re-check) is active and has nothing unseen', () => {
    const failed: TrackedTask = { ...task, state: 'failed', endedAt: 5_000, seen: false };
    const after = mergeFeed(failed, feed(), 6_000);
    expect(after).toMatchObject({ state: 'running', endedAt: null, seen: true });
  });
});

describe('what is written to disk', () => {
  const running = mergeFeed(task, feed(), 5_000);

  it('progress and poll bookkeeping alone are not written', () => {
    const next = {
      ...running,
      progress: 55,
      lastCheckedAt: 6_000,
      attempts: 9,
      videos: [video({ progress: 55 })],
    };
    const keys = changedKeys(running, next);
    expect(keys.sort()).toEqual(['attempts', 'lastCheckedAt', 'progress', 'videos']);
    expect(needsWrite(running, next, keys)).toBe(false);
  });

  it('state, urls, errors, seen and settled downloads are written', () => {
    const cases: Partial<TrackedTask>[] = [
      { state: 'finished' },
      { videos: [video({ resultUrl: 'https://cdn/x.mp4' })] },
      { lastError: { kind: 'network', message: 'offline' } },
      { seen: false },
      { downloads: { t1: { status: 'done', path: '/tmp/x.mp4', bytes: 10 } } },
      { downloads: { t1: { status: 'downloading', bytes: 0, total: null, rate: null } } },
    ];
    for (const patch of cases) {
      const next = { ...running, ...patch };
      expect(needsWrite(running, next, changedKeys(running, next)), JSON.stringify(patch)).toBe(
        true,
      );
    }
  });

  it('download byte counts are progress', () => {
    const a = {
      ...running,
      downloads: { t1: { status: 'downloading' as const, bytes: 10, total: 100, rate: 5 } },
    };
    const b = {
      ...running,
      downloads: { t1: { status: 'downloading' as const, bytes: 60, total: 100, rate: 9 } },
    };
    expect(changedKeys(a, b)).toEqual(['downloads']);
    expect(needsWrite(a, b, ['downloads'])).toBe(false);
  });
});
