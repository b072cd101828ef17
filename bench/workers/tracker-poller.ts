// Our side of the polling comparison: the real tracker and HTTP client, tracking the given
// ids until each one is reported finished or failed. Answers with detection instants, the
// requests it sent (and how many drew a 429), and this process's CPU time and peak RSS.
import { createPikaClient } from '../../main/core/api/client';
import type { FeedSource } from '../../main/core/api/types';
import { createTracker } from '../../main/core/tasks/create-tracker';
import type { TaskStore } from '../../main/core/tasks/storage';
import type { PollSettings } from '../../main/core/tasks/tracker-types';
import { cpuSeconds, peakRssMb, serveRequests } from '../lib/child';

export interface TrackerRunResult {
  detectedAt: Record<string, number>;
  requests: number;
  rateLimited: number;
  cpuSeconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
}

const memoryStore: TaskStore = {
  load: () => ({ tasks: [], recoveredFrom: null, dropped: 0 }),
  save: () => undefined,
};

async function run(opts: {
  url: string;
  token: string;
  taskIds: string[];
  settings: Partial<PollSettings>;
  deadline: number;
}): Promise<TrackerRunResult> {
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const cpu = process.cpuUsage();
  const client = createPikaClient({ baseUrl: opts.url, getToken: () => opts.token });
  let requests = 0;
  let rateLimited = 0;
  const source: FeedSource = {
    async getTask(id, o) {
      requests++;
      try {
        return await client.getTask(id, o);
      } catch (error) {
        if ((error as { kind?: string }).kind === 'rate-limited') rateLimited++;
        throw error;
      }
    },
  };
  const tracker = createTracker({ source, store: memoryStore, settings: opts.settings });
  const detectedAt: Record<string, number> = {};
  let open = opts.taskIds.length;
  await new Promise<void>((resolve) => {
    const deadline = setTimeout(resolve, opts.deadline - Date.now());
    const ended = (task: { id: string }) => {
      if (detectedAt[task.id] !== undefined) return;
      detectedAt[task.id] = Date.now();
      if (--open === 0) {
        clearTimeout(deadline);
        resolve();
      }
    };
    tracker.on('finished', ended);
    tracker.on('failed', ended);
    tracker.add(opts.taskIds);
  });
  await tracker.close();
  return {
    detectedAt,
    requests,
    rateLimited,
    cpuSeconds: cpuSeconds(cpu),
    peakRssMb: peakRssMb(),
    rssBeforeMb,
  };
}

serveRequests(async (message) => {
  if (message.type !== 'run') throw new Error(`unknown message ${String(message.type)}`);
  return run(message as unknown as Parameters<typeof run>[0]);
});
