import { describe, expect, it } from 'vitest';
import { makeTask } from '../test-support/fixtures';
import { createTaskStore } from './task-store';

describe('task store', () => {
  it('lists newest first after reset', () => {
    const store = createTaskStore();
    const old = makeTask({ addedAt: 1000 });
    const mid = makeTask({ addedAt: 2000 });
    const young = makeTask({ addedAt: 3000 });
    store.reset([mid, old, young]);
    expect(store.tasks().map((t) => t.id)).toEqual([young.id, mid.id, old.id]);
  });

  it('tasks added together keep the order they were added in (pasted), not id order', () => {
    const store = createTaskStore();
    const earlier = makeTask({ id: 'aaaa-earlier', addedAt: 1000 });
    const pasted = ['zzzz-first', 'mmmm-second', 'bbbb-third'].map((id) =>
      makeTask({ id, addedAt: 2000 }),
    );
    store.reset([earlier, ...pasted]);
    expect(store.tasks().map((t) => t.id)).toEqual([
      'zzzz-first',
      'mmmm-second',
      'bbbb-third',
      'aaaa-earlier',
    ]);
    // The same when they arrive as upserts (main's 'added' events, in paste order).
    const live = createTaskStore();
    live.reset([earlier]);
    live.apply(pasted.map((task) => ({ type: 'upsert' as const, task })));
    expect(live.tasks().map((t) => t.id)).toEqual(store.tasks().map((t) => t.id));
  });

  it('applies upsert, patch and remove in order, and notifies once per batch', () => {
    const store = createTaskStore();
    const a = makeTask({ addedAt: 1000, progress: 10 });
    store.reset([a]);
    let notified = 0;
    store.subscribe(() => notified++);
    const b = makeTask({ addedAt: 2000 });
    store.apply([
      { type: 'upsert', task: b },
      { type: 'patch', id: a.id, patch: { progress: 55, state: 'running' } },
      { type: 'patch', id: b.id, patch: { promptText: 'a red fox' } },
    ]);
    expect(notified).toBe(1);
    expect(store.get(a.id)?.progress).toBe(55);
    expect(store.get(b.id)?.promptText).toBe('a red fox');
    expect(store.tasks().map((t) => t.id)).toEqual([b.id, a.id]);

    store.apply([{ type: 'remove', id: a.id }]);
    expect(store.tasks().map((t) => t.id)).toEqual([b.id]);
    expect(notified).toBe(2);
  });

  it('an upsert of a known id replaces the task', () => {
    const store = createTaskStore();
    const a = makeTask({ state: 'running' });
    store.reset([a]);
    store.apply([{ type: 'upsert', task: { ...a, state: 'finished', progress: 100 } }]);
    expect(store.tasks()).toHaveLength(1);
    expect(store.get(a.id)?.state).toBe('finished');
  });

  it('ignores patches and removals of unknown tasks without notifying', () => {
    const store = createTaskStore();
    store.reset([makeTask()]);
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.tasks();
    store.apply([
      { type: 'patch', id: 'nope', patch: { progress: 5 } },
      { type: 'remove', id: 'nope' },
    ]);
    expect(notified).toBe(0);
    expect(store.tasks()).toBe(before);
    expect(store.get('nope')).toBeUndefined();
  });

  it('keeps the same snapshot until something changes, a new one after', () => {
    const store = createTaskStore();
    const a = makeTask();
    store.reset([a]);
    const first = store.tasks();
    expect(store.tasks()).toBe(first);
    store.apply([{ type: 'patch', id: a.id, patch: { progress: 99 } }]);
    expect(store.tasks()).not.toBe(first);
    expect(first[0]?.progress).toBe(40); // the old snapshot was not mutated
  });

  it('a patch cannot change a task id', () => {
    const store = createTaskStore();
    const a = makeTask();
    store.reset([a]);
    store.apply([{ type: 'patch', id: a.id, patch: { id: 'other' } }]);
    expect(store.get(a.id)?.id).toBe(a.id);
  });

  it('unsubscribe stops notifications', () => {
    const store = createTaskStore();
    let notified = 0;
    const off = store.subscribe(() => notified++);
    off();
    store.reset([makeTask()]);
    expect(notified).toBe(0);
  });

  it('handles thousands of tasks and a progress batch quickly', () => {
    const store = createTaskStore();
    const tasks = Array.from({ length: 5000 }, (_, i) => makeTask({ addedAt: i }));
    store.reset(tasks);
    const t0 = performance.now();
    for (let k = 0; k < 50; k++) {
      store.apply(
        tasks
          .slice(0, 20)
          .map((t) => ({ type: 'patch' as const, id: t.id, patch: { progress: k } })),
      );
      store.tasks();
    }
    expect(store.tasks()).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
