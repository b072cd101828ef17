import { describe, expect, it } from 'vitest';
import { finishedTask, makeTask } from '../test-support/fixtures';
import { countByFilter, filterTasks } from './task-filter';

const queued = makeTask({ state: 'queued', promptText: 'A cat surfing a wave' });
const running = makeTask({ state: 'running', promptText: 'Neon city at night' });
const stalled = makeTask({ state: 'stalled', promptText: 'slow CAT dance' });
const done = finishedTask({ promptText: 'Dog on a skateboard' });
const failed = makeTask({ state: 'failed', promptText: 'Rainy street' });
const all = [queued, running, stalled, done, failed];
const ids = (list: { id: string }[]) => list.map((t) => t.id);

describe('task filtering', () => {
  it('active holds queued, running and stalled; finished and failed hold their own', () => {
    expect(ids(filterTasks(all, 'active', ''))).toEqual(ids([queued, running, stalled]));
    expect(ids(filterTasks(all, 'finished', ''))).toEqual([done.id]);
    expect(ids(filterTasks(all, 'failed', ''))).toEqual([failed.id]);
    expect(filterTasks(all, 'all', '')).toHaveLength(5);
  });

  it('searches prompts case-insensitively, every word must match', () => {
    expect(ids(filterTasks(all, 'all', 'cat'))).toEqual(ids([queued, stalled]));
    expect(ids(filterTasks(all, 'all', '  CAT   wave '))).toEqual([queued.id]);
    expect(filterTasks(all, 'all', 'cat skateboard')).toEqual([]);
  });

  it('combines search with the filter, and finds a task by its id', () => {
    expect(ids(filterTasks(all, 'finished', 'cat'))).toEqual([]);
    expect(ids(filterTasks(all, 'active', 'dance'))).toEqual([stalled.id]);
    expect(ids(filterTasks(all, 'all', failed.id.slice(-6)))).toEqual([failed.id]);
  });

  it('leaves out hidden tasks (pending removal) in lists and counts', () => {
    const hidden = new Set([running.id]);
    expect(ids(filterTasks(all, 'active', '', hidden))).toEqual(ids([queued, stalled]));
    expect(countByFilter(all, hidden)).toEqual({ all: 4, active: 2, finished: 1, failed: 1 });
    expect(countByFilter(all)).toEqual({ all: 5, active: 3, finished: 1, failed: 1 });
  });
});
