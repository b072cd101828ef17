// One side of the `idle` bench, in its own process: count timer wake-ups (Timeout/Immediate
// callbacks run, seen through async_hooks) from start-up on, and CPU time over `seconds` once
// settled, either doing nothing (the baseline) or holding a real tracker whose tasks are all
// finished.
import { createHook } from 'node:async_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPikaClient } from '../../main/core/api/client';
import { createCreditService, type CreditService } from '../../main/core/credit/credit-service';
import { createTracker } from '../../main/core/tasks/create-tracker';
import type { TrackedTask } from '../../main/core/tasks/model';
import { createConfTaskStore } from '../../main/core/tasks/storage';
import { cpuSeconds, serveRequests } from '../lib/child';

function finishedTasks(count: number): TrackedTask[] {
  const at = Date.now() - 3_600_000;
  return Array.from({ length: count }, (_, i) => ({
    id: `idle-${i}`,
    promptText: `finished task ${i}`,
    videos: [],
    state: 'finished' as const,
    progress: 100,
    addedAt: at,
    lastCheckedAt: at + 200_000,
    endedAt: at + 200_000,
    lastError: null,
    attempts: 9,
    downloads: {},
    seen: true,
  }));
}

serveRequests(async (message) => {
  if (message.type !== 'idle') throw new Error(`unknown message ${String(message.type)}`);
  const seconds = message.seconds as number;
  const settleSeconds = message.settleSeconds as number;
  const timerIds = new Set<number>();
  let inits = 0;
  let wakeups = 0;
  // On before the tracker exists: a timer it arms while starting up or settling, and each
  // time such a timer fires, counts as much as one armed later.
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout' && type !== 'Immediate') return;
      timerIds.add(id);
      inits++;
    },
    before(id) {
      if (timerIds.has(id)) wakeups++;
    },
  });
  hook.enable();
  const dir = await mkdtemp(join(tmpdir(), 'pika-bench-idle-'));
  const store = createConfTaskStore(dir);
  let tracker: ReturnType<typeof createTracker> | null = null;
  let credit: CreditService | null = null;
  if (message.withTracker) {
    store.save(finishedTasks(message.tasks as number));
    // Nothing listens on this port: any request would fail, and show up as CPU and timers.
    const client = createPikaClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => 'idle' });
    tracker = createTracker({ source: client, store });
    // The credit service as the app wires it: asked on events only, so idle it costs nothing.
    const service = createCreditService({
      source: client,
      baseUrl: () => client.baseUrl,
      identity: () => 'idle',
    });
    tracker.on('finished', () => void service.refresh('finished'));
    credit = service;
  }
  // CPU is counted after V8 has settled: some 8 s after start-up its memory reducer runs a
  // one-off full GC on each side, ~90 ms of CPU, whose size varied by ±20 ms between two
  // identical processes; the 30 s after it are what an app left idle costs.
  // Both waits are one timer each on both sides; they cancel out in the comparison.
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  const cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpuUsed = cpuSeconds(cpu);
  hook.disable();
  const result = {
    timerInits: inits,
    timerWakeups: wakeups,
    cpuSeconds: cpuUsed,
    tasks: tracker?.list().length ?? 0,
  };
  credit?.close();
  await tracker?.close();
  await rm(dir, { recursive: true, force: true });
  return result;
});
