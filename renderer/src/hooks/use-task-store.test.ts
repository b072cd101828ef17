import { describe, expect, it } from 'vitest';
import { createTaskStore } from '../store/task-store';
import { createFakeBridge } from '../test-support/fake-bridge';
import { makeTask } from '../test-support/fixtures';
import { connectStore } from './use-task-store';

describe('connectStore', () => {
  it('subscribes before listing, skips changes already in the list, applies later ones', async () => {
    const a = makeTask({ progress: 50 });
    const bridge = createFakeBridge({ tasks: [a] });
    const store = createTaskStore();
    let loaded: string | null | undefined;
    const off = connectStore(bridge, store, (e) => (loaded = e));
    expect(bridge.listenerCount('tasks:changed')).toBe(1);
    // Pushed before the list answer: already reflected in it, must not roll progress back.
    bridge.emit('tasks:changed', [{ type: 'patch', id: a.id, patch: { progress: 10 } }]);
    await Promise.resolve();
    await Promise.resolve();
    expect(loaded).toBeNull();
    expect(store.get(a.id)?.progress).toBe(50);
    bridge.emit('tasks:changed', [{ type: 'patch', id: a.id, patch: { progress: 70 } }]);
    expect(store.get(a.id)?.progress).toBe(70);
    off();
    expect(bridge.listenerCount('tasks:changed')).toBe(0);
  });

  it('reports a failed list', async () => {
    const bridge = createFakeBridge();
    bridge.tasks.list = async () => {
      throw new Error("Error invoking remote method 'tasks:list': Error: store locked");
    };
    let loaded: string | null | undefined;
    connectStore(bridge, createTaskStore(), (e) => (loaded = e));
    await new Promise((r) => setTimeout(r, 0));
    expect(loaded).toBe('store locked');
  });
});
