// The baseline a user writes by hand: every task asked every 5 s (time-scaled), from the
// moment it is added until it reports finished or error. No backoff, no budget. Run as a
// bench worker: `{ type: 'run', ... }` answers with the result plus this process's costs.
import { cpuSeconds, peakRssMb, serveRequests } from '../lib/child';

export interface NaiveResult {
  detectedAt: Record<string, number>;
  requests: number;
  rateLimited: number;
}

export function runNaivePoller(opts: {
  url: string;
  token: string;
  taskIds: string[];
  intervalMs: number;
  deadline: number;
}): Promise<NaiveResult> {
  const detectedAt: Record<string, number> = {};
  let requests = 0;
  let rateLimited = 0;
  let open = opts.taskIds.length;
  return new Promise((resolve) => {
    const timers = new Map<string, NodeJS.Timeout>();
    const done = (id: string) => {
      clearTimeout(timers.get(id));
      timers.delete(id);
      if (--open === 0) finish();
    };
    const finish = () => {
      for (const t of timers.values()) clearTimeout(t);
      clearTimeout(deadlineTimer);
      resolve({ detectedAt, requests, rateLimited });
    };
    const deadlineTimer = setTimeout(finish, opts.deadline - Date.now());
    const poll = async (id: string) => {
      requests++;
      try {
        const res = await fetch(`${opts.url}/pika/feed/${id}`, {
          headers: { Authorization: `Bearer ${opts.token}` },
        });
        if (res.status === 429) rateLimited++;
        if (!res.ok) return void (await res.arrayBuffer());
        const body = (await res.json()) as { videos?: { status?: string; resultUrl?: string }[] };
        const v = body.videos?.[0];
        if (
          timers.has(id) &&
          ((v?.status === 'finished' && v.resultUrl) || v?.status === 'error')
        ) {
          detectedAt[id] = Date.now();
          done(id);
        }
      } catch {
        // a naive script just tries again next time
      }
    };
    // Phases spread over one interval, as if the tasks had been added at different moments:
    // a burst of every task at once would slow the baseline down, not show its design.
    opts.taskIds.forEach((id, i) => {
      const offset = (i / opts.taskIds.length) * opts.intervalMs;
      timers.set(
        id,
        setTimeout(() => {
          if (!timers.has(id)) return;
          void poll(id);
          timers.set(
            id,
            setInterval(() => void poll(id), opts.intervalMs),
          );
        }, offset),
      );
    });
  });
}

serveRequests(async (message) => {
  if (message.type !== 'run') throw new Error(`unknown message ${String(message.type)}`);
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const cpu = process.cpuUsage();
  const result = await runNaivePoller(message as unknown as Parameters<typeof runNaivePoller>[0]);
  return { ...result, cpuSeconds: cpuSeconds(cpu), peakRssMb: peakRssMb(), rssBeforeMb };
});
