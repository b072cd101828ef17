// `persistence`: the real tracker over a real conf task store (tasks.json on disk), 1,000
// tasks whose progress rises every second for a minute. For the first 30 s only progress
// moves; in the last 30 s ten tasks finish every second. Every save() is counted with the
// file's size after it; the baseline is a store that writes the whole list on every change
// the tracker reports (what a naive "save on change" would do in the same run).
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeedTask } from '../main/core/api/feed-schema';
import type { FeedSource } from '../main/core/api/types';
import { createTracker } from '../main/core/tasks/create-tracker';
import { createConfTaskStore, type TaskStore } from '../main/core/tasks/storage';
import { atLeast, atMost, log, printTargets, ratio, table, type BenchResult } from './lib/report';
import { round } from './lib/stats';

const TASKS = 1000;
const SECONDS = 60;
const QUIET_SECONDS = 30;
const FINISHING_PER_SECOND = 10;

export async function runPersistence(): Promise<BenchResult> {
  log(`persistence: ${TASKS} tasks, progress every second for ${SECONDS} s (real time)`);
  const dir = await mkdtemp(join(tmpdir(), 'pika-bench-store-'));
  const t0 = Date.now();
  const ids = Array.from({ length: TASKS }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  const index = new Map(ids.map((id, i) => [id, i]));
  // Task i (i < 300) finishes at 30 s + i / 10; the rest run all minute.
  const finishAt = (i: number): number =>
    i < (SECONDS - QUIET_SECONDS) * FINISHING_PER_SECOND
      ? t0 + (QUIET_SECONDS + Math.floor(i / FINISHING_PER_SECOND)) * 1000
      : Infinity;

  const source: FeedSource = {
    getTask(id) {
      const i = index.get(id) ?? 0;
      const now = Date.now();
      const done = now >= finishAt(i);
      const progress = Math.min(99, (i % 30) + Math.floor((now - t0) / 1000));
      return Promise.resolve(
        parseFeedTask({
          id,
          promptText: `bench task ${i}`,
          videos: [
            {
              id,
              seed: i,
              duration: 5,
              status: done ? 'finished' : 'pending',
              progress: done ? 100 : progress,
              resultUrl: done ? `https://cdn.example/${id}.mp4` : '',
              sharingUrl: '',
              videoPoster: '',
              imageThumb: '',
              error: '',
            },
          ],
        }),
      );
    },
  };

  const conf = createConfTaskStore(dir);
  const saves: { at: number; bytes: number }[] = [];
  const store: TaskStore = {
    load: () => conf.load(),
    save(tasks) {
      // When the write starts: the writer spaces writes from start to start.
      const at = Date.now();
      conf.save(tasks);
      saves.push({ at, bytes: statSync(conf.path).size });
    },
  };
  const tracker = createTracker({
    source,
    store,
    // Every task asked every second, so progress really moves each second.
    settings: {
      firstPollMs: 0,
      floorMs: 1000,
      capMs: 1000,
      maxInFlight: 64,
      budget: { max: 1_000_000, windowMs: 1000 },
    },
  });
  let changes = 0;
  let stateChanges = 0;
  tracker.on('changed', (_task, keys) => {
    changes++;
    if (keys.includes('state')) stateChanges++;
  });
  const settled = t0 + 2000;
  tracker.add(ids);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000 - (Date.now() - t0)));
  const beforeClose = saves.length;
  const endedAt = Date.now();
  await tracker.close();
  await rm(dir, { recursive: true, force: true });

  const quietEnd = t0 + QUIET_SECONDS * 1000;
  const inQuiet = saves.filter((s) => s.at >= settled && s.at < quietEnd);
  // The write on close (whatever is pending when the app quits) is not part of the rate.
  const inBusy = saves.slice(0, beforeClose).filter((s) => s.at >= quietEnd);
  const busySeconds = (endedAt - quietEnd) / 1000;
  const gaps = inBusy.slice(1).map((s, i) => s.at - (inBusy[i] as { at: number }).at);
  const bytes = saves.reduce((a, s) => a + s.bytes, 0);
  const meanFile = bytes / Math.max(1, saves.length);
  // The naive store writes the whole list once per change (sizes as our saves measured).
  const naiveWrites = changes;
  const naiveBytes = naiveWrites * meanFile;
  const figures = {
    tasks: TASKS,
    seconds: SECONDS,
    changesReported: changes,
    stateChanges,
    writes: saves.length,
    bytesWrittenMb: round(bytes / 1024 / 1024, 2),
    fileKb: round(meanFile / 1024, 1),
    writesWhileOnlyProgress: inQuiet.length,
    writesWhileStateChanges: inBusy.length,
    writesPerSecondWhileStateChanges: round(inBusy.length / busySeconds, 2),
    shortestGapBetweenWritesMs: gaps.length > 0 ? Math.min(...gaps) : null,
    writeOnClose: saves.length - beforeClose,
    naiveWrites,
    naiveBytesWrittenMb: round(naiveBytes / 1024 / 1024, 1),
    writesRatio: ratio(saves.length, naiveWrites),
  };
  table([
    ['', 'naive (write on change)', 'ours', 'ours/naive'],
    ['writes', naiveWrites, saves.length, figures.writesRatio],
    ['MB written', figures.naiveBytesWrittenMb, figures.bytesWrittenMb, ratio(bytes, naiveBytes)],
    ['writes, 2-30 s (progress only)', '-', inQuiet.length, '-'],
    ['writes/s, 30-60 s (10 finish/s)', '-', figures.writesPerSecondWhileStateChanges, '-'],
  ]);
  const targets = [
    atMost('persistence: writes while only progress moves', inQuiet.length, 0),
    atMost(
      'persistence: writes per second while states change',
      figures.writesPerSecondWhileStateChanges,
      1,
    ),
    // 10 ms of slack for timer rounding: the writer waits 1,000 ms after the previous write.
    atLeast(
      'persistence: shortest gap between two writes',
      gaps.length > 0 ? Math.min(...gaps) : Infinity,
      990,
      ' ms',
    ),
  ];
  printTargets(targets);
  return { figures, targets };
}
