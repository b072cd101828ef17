// Test kit for the tracker's integration tests: the real fake Pika server, the real HTTP
// client, a tracker with tiny durations, and a log of every event in order.
import { createPikaClient, type PikaClient } from '../api/client';
import type { FeedSource } from '../api/types';
import { startFakePika } from '../../../test/fake-server';
import type { FakePika, FakePikaOptions, FakeRequestLog } from '../../../test/fake-server/types';
import { createTracker, type Tracker } from './create-tracker';
import type { TaskState, TrackedTask } from './model';
import type { LoadResult, TaskStore } from './storage';
import type { PollSettings, TrackerStatus } from './tracker-types';

export type LoggedEvent =
  | { name: 'added' | 'finished' | 'failed' | 'stalled'; id: string; state: TaskState }
  | { name: 'changed'; id: string; state: TaskState; keys: string[]; progress: number | null }
  | { name: 'removed'; id: string }
  | { name: 'status'; status: TrackerStatus }
  | { name: 'error'; id: string; kind: string; message: string };

export const FAST: Partial<PollSettings> = {
  firstPollMs: 5,
  floorMs: 15,
  capMs: 60,
  maxInFlight: 4,
};

export function memoryStore(initial: TrackedTask[] = []): TaskStore & { saved: TrackedTask[] } {
  const store = {
    saved: structuredClone(initial),
    load: (): LoadResult => ({
      tasks: structuredClone(store.saved),
      recoveredFrom: null,
      dropped: 0,
    }),
    save(tasks: TrackedTask[]) {
      store.saved = structuredClone(tasks);
    },
  };
  return store;
}

export interface Kit {
  fake: FakePika;
  client: PikaClient;
  tracker: Tracker;
  events: LoggedEvent[];
  /** What the client sends as token (null: none). */
  setToken(token: string | null): void;
  feedRequests(taskId?: string): FakeRequestLog[];
  /** Events of one kind for one task. */
  named(name: LoggedEvent['name'], id?: string): LoggedEvent[];
  /** A second tracker over another store, sharing the same server and client. */
  newTracker(store: TaskStore, settings?: Partial<PollSettings>): Tracker;
  close(): Promise<void>;
}

export function logEvents(tracker: Tracker, events: LoggedEvent[]): void {
  tracker.on('added', (t) => events.push({ name: 'added', id: t.id, state: t.state }));
  tracker.on('changed', (t, keys) =>
    events.push({
      name: 'changed',
      id: t.id,
      state: t.state,
      keys: [...keys],
      progress: t.progress,
    }),
  );
  tracker.on('finished', (t) => events.push({ name: 'finished', id: t.id, state: t.state }));
  tracker.on('failed', (t) => events.push({ name: 'failed', id: t.id, state: t.state }));
  tracker.on('stalled', (t) => events.push({ name: 'stalled', id: t.id, state: t.state }));
  tracker.on('removed', (id) => events.push({ name: 'removed', id }));
  tracker.on('status', (status) => events.push({ name: 'status', status }));
  tracker.on('error', (id, e) =>
    events.push({ name: 'error', id, kind: e.kind, message: e.message }),
  );
}

export async function startKit(
  options: {
    settings?: Partial<PollSettings>;
    fake?: FakePikaOptions;
    store?: TaskStore;
    timeoutMs?: number;
    random?: () => number;
    /** Wraps the real client (to measure it, never to fake it). */
    wrap?: (client: PikaClient) => FeedSource;
  } = {},
): Promise<Kit> {
  const fake = await startFakePika(options.fake);
  let token: string | null = fake.token;
  const client = createPikaClient({
    baseUrl: fake.url,
    getToken: () => token,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const source = options.wrap ? options.wrap(client) : client;
  const events: LoggedEvent[] = [];
  const trackers: Tracker[] = [];
  const newTracker = (store: TaskStore, settings?: Partial<PollSettings>): Tracker => {
    const tracker = createTracker({
      source,
      store,
      settings: { ...FAST, ...options.settings, ...settings },
      writeDelayMs: 20,
      ...(options.random ? { random: options.random } : {}),
    });
    trackers.push(tracker);
    return tracker;
  };
  const tracker = newTracker(options.store ?? memoryStore());
  logEvents(tracker, events);
  return {
    fake,
    client,
    tracker,
    events,
    setToken: (next) => (token = next),
    feedRequests: (taskId) =>
      fake.requests.filter((r) =>
        taskId === undefined ? r.path.startsWith('/pika/feed/') : r.path === `/pika/feed/${taskId}`,
      ),
    named: (name, id) =>
      events.filter((e) => e.name === name && (id === undefined || ('id' in e && e.id === id))),
    newTracker,
    async close() {
      await Promise.all(trackers.map((t) => t.close()));
      await fake.close();
    },
  };
}

/** Resolves when `event` fires for `taskId` (bounded). */
export function nextEvent(
  tracker: Tracker,
  event: 'finished' | 'failed' | 'stalled',
  taskId: string,
  timeoutMs = 5_000,
): Promise<TrackedTask> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      tracker.off(event, listener);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for '${event}' of ${taskId}`));
    }, timeoutMs);
    const listener = (task: TrackedTask): void => {
      if (task.id !== taskId) return;
      clearTimeout(timer);
      tracker.off(event, listener);
      resolve(task);
    };
    tracker.on(event, listener);
  });
}

/** Lets real time pass, to show that something did NOT happen in it. */
export const elapse = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
