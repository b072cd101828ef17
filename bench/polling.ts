// `polling`: the real tracker vs a naive poller (every task every 5 s), each in its own
// process against its own fresh fake server (also its own process) with the same seeded
// task lifecycles. Time is scaled: every duration is divided by SCALE, figures are
// multiplied back to real-equivalent seconds.
import { DEFAULT_POLL_SETTINGS } from '../main/core/tasks/poll-settings';
import type { PollSettings } from '../main/core/tasks/tracker-types';
import type { FakeTaskSpec, ProgressCurve } from '../test/fake-server/types';
import { startWorker } from './lib/child';
import { atMost, below, log, printTargets, ratio, table, type BenchResult } from './lib/report';
import { percentile, round, seededRandom } from './lib/stats';
import type { TrackerRunResult } from './workers/tracker-poller';

/** 10x: the naive side then asks 1,000 tasks every 0.5 s (2,000 req/s), which one core of
 * this machine serves with room to spare (checked: its delays stay near interval/2). */
export const SCALE = 10;
const NAIVE_INTERVAL_MS = 5_000;

/** What either poller worker answers (the naive one sends the same fields). */
type SideResult = TrackerRunResult;

interface SideFigures {
  requestsPerTask: number;
  requests: number;
  rateLimited: number;
  rateLimitedShare: number;
  /** Real-equivalent seconds. */
  delayP50: number;
  delayP95: number;
  delayMax: number;
  undetected: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** RSS once loaded, before the run. The tracker side loads more code: mostly zod, kept
   * external by config/vite.main.ts and so loaded whole from node_modules (~12 MB). */
  rssBeforeMb: number;
  /** Peak RSS minus RSS once loaded: what tracking the tasks itself cost. */
  rssGrowthMb: number;
  /** Real-equivalent seconds from the first task's start to the last detection. */
  wallSeconds: number;
}

/** Seeded lifecycles: queued 5-60 s, generating 60-250 s (real), 4 % end in an error. */
export function lifecycles(count: number, seed: number): FakeTaskSpec[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    queuedMs: Math.round((5_000 + random() * 55_000) / SCALE),
    runMs: Math.round((60_000 + random() * 190_000) / SCALE),
    outcome: random() < 0.04 ? ('error' as const) : ('finished' as const),
    prompt: 'bench task',
  }));
}

const CURVES: ProgressCurve[] = ['stall-then-jump', 'none', 'race-then-crawl', 'step-back'];

/** The same seeded lifecycles, each task's progress moving along one of the non-linear curves
 * (seeded, mixed): stalls at 0 % then jumps, no progress at all, races to 90 % and crawls,
 * steps back. */
export function nonLinearLifecycles(count: number, seed: number): FakeTaskSpec[] {
  const random = seededRandom(seed * 31 + 1);
  return lifecycles(count, seed).map((spec) => ({
    ...spec,
    progress: CURVES[Math.floor(random() * CURVES.length)] as ProgressCurve,
  }));
}

/** Our defaults with every duration scaled, the learnt budget included (its window too, so a
 * rate per window stays the same rate per real minute). No cap: none is set by default. The
 * budget's max is left out, as Infinity does not survive the trip to the worker as JSON. */
export function scaledSettings(): Partial<PollSettings> {
  const d = DEFAULT_POLL_SETTINGS;
  return {
    floorMs: d.floorMs / SCALE,
    capMs: d.capMs / SCALE,
    firstPollMs: d.firstPollMs / SCALE,
    stalledAfterMs: d.stalledAfterMs / SCALE,
    maxInFlight: d.maxInFlight,
    budget: { windowMs: d.budget.windowMs / SCALE } as PollSettings['budget'],
    budgetStartMax: d.budgetStartMax,
  };
}

export async function runSide(
  side: 'naive' | 'ours',
  specs: FakeTaskSpec[],
  options: { rateLimit?: { max: number; windowMs: number }; settings: Partial<PollSettings> },
): Promise<SideFigures & { delays: number[] }> {
  const server = startWorker('workers/fake-server.ts');
  const poller = startWorker(
    side === 'naive' ? 'workers/naive-poller.ts' : 'workers/tracker-poller.ts',
  );
  try {
    const { url, token } = await server.request<{ url: string; token: string }>({
      type: 'start',
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    });
    // Both processes loaded before the clock starts.
    await poller.request({ type: 'ping' });
    const longest = Math.max(...specs.map((s) => (s.queuedMs ?? 0) + (s.runMs ?? 0)));
    const startedAt = Date.now();
    const ids = await server.request<string[]>({ type: 'add', specs });
    const deadline = startedAt + longest * 2 + 60_000 / SCALE;
    const result = await poller.request<SideResult>({
      type: 'run',
      url,
      token,
      taskIds: ids,
      intervalMs: NAIVE_INTERVAL_MS / SCALE,
      settings: options.settings,
      deadline,
    });
    const ended = await server.request<Record<string, number | null>>({ type: 'endedAt', ids });
    const delays: number[] = [];
    let undetected = 0;
    let lastDetection = startedAt;
    for (const id of ids) {
      const at = result.detectedAt[id];
      const end = ended[id];
      if (at === undefined || end === null || end === undefined) {
        undetected++;
        continue;
      }
      lastDetection = Math.max(lastDetection, at);
      delays.push(((at - end) * SCALE) / 1000);
    }
    return {
      delays,
      requestsPerTask: round(result.requests / ids.length, 2),
      requests: result.requests,
      rateLimited: result.rateLimited,
      rateLimitedShare: round(result.rateLimited / Math.max(1, result.requests), 4),
      delayP50: round(percentile(delays, 50), 2),
      delayP95: round(percentile(delays, 95), 2),
      delayMax: round(Math.max(...delays), 2),
      undetected,
      cpuSeconds: round(result.cpuSeconds, 2),
      peakRssMb: round(result.peakRssMb, 1),
      rssBeforeMb: round(result.rssBeforeMb, 1),
      rssGrowthMb: round(result.peakRssMb - result.rssBeforeMb, 1),
      wallSeconds: round(((lastDetection - startedAt) * SCALE) / 1000, 1),
    };
  } finally {
    await server.request({ type: 'close' }).catch(() => undefined);
    await Promise.all([server.stop(), poller.stop()]);
  }
}

const DECILES = [10, 20, 30, 40, 50, 60, 70, 80, 90];

/** Detection delay by decile, real-equivalent seconds: where the median sits and why. */
function delayDeciles(delays: number[]): number[] {
  return DECILES.map((p) => round(percentile(delays, p), 2));
}

function printSides(naive: SideFigures, ours: SideFigures): void {
  const keys = (Object.keys(naive) as (keyof SideFigures | 'delays')[]).filter(
    (k): k is keyof SideFigures => k !== 'delays',
  );
  table([
    ['', 'naive', 'ours', 'ours/naive'],
    ...keys.map((k) => [k, naive[k], ours[k], ratio(ours[k], naive[k])]),
  ]);
}

function printDeciles(sides: Record<string, number[]>): void {
  log('  detection delay deciles (s):');
  table([
    ['', ...DECILES.map((p) => `p${p}`)],
    ...Object.entries(sides).map(([name, delays]) => [name, ...delayDeciles(delays)]),
  ]);
}

const withoutDelays = ({ delays: _, ...figures }: SideFigures & { delays: number[] }) => figures;

/** One rate-limited comparison: both sides against the same fixed-window limit. */
async function limitedRun(
  label: string,
  rateLimit: { max: number; windowMs: number },
  specs: FakeTaskSpec[],
) {
  log(`polling, rate-limited: ${specs.length} tasks, server allows ${label} (fixed window)`);
  const naive = await runSide('naive', specs, { rateLimit, settings: {} });
  const ours = await runSide('ours', specs, { rateLimit, settings: scaledSettings() });
  printSides(naive, ours);
  printDeciles({ naive: naive.delays, ours: ours.delays });
  const name = `polling (${label})`;
  const targets = [
    atMost(`${name}: our p50 delay`, ours.delayP50, 2, ' s'),
    atMost(`${name}: our p50 delay / naive p50`, ratio(ours.delayP50, naive.delayP50), 0.5),
    atMost(`${name}: our p95 delay / naive p95`, ratio(ours.delayP95, naive.delayP95), 1),
    below(`${name}: share of our requests answered 429`, ours.rateLimitedShare * 100, 1, ' %'),
    atMost(`${name}: tasks never detected (ours)`, ours.undetected, 0),
  ];
  return {
    targets,
    figures: {
      tasks: specs.length,
      limit: label,
      naive: withoutDelays(naive),
      ours: withoutDelays(ours),
      delayDeciles: { naive: delayDeciles(naive.delays), ours: delayDeciles(ours.delays) },
    },
  };
}

export async function runPolling(): Promise<BenchResult> {
  const tasks = 1000;
  log(`polling: ${tasks} tasks, time scaled ${SCALE}x (delays in real-equivalent seconds)`);
  const specs = lifecycles(tasks, 7);
  // Our defaults as shipped: the learnt budget, no cap. Without a limit in force it must not
  // delay anything (the same targets as when this run had a budget as large as naive's rate).
  const defaults = scaledSettings();
  const naive = await runSide('naive', specs, { settings: {} });
  const ours = await runSide('ours', specs, { settings: defaults });
  printSides(naive, ours);
  printDeciles({ naive: naive.delays, ours: ours.delays });

  const limitedTasks = 50;
  const limitedSpecs = lifecycles(limitedTasks, 11);
  const per3min = await limitedRun(
    '480 req / 3 min',
    { max: 480, windowMs: 180_000 / SCALE },
    limitedSpecs,
  );
  const perMin = await limitedRun(
    '120 req / min',
    { max: 120, windowMs: 60_000 / SCALE },
    limitedSpecs,
  );

  const curvedTasks = 200;
  log(
    `polling, non-linear progress: ${curvedTasks} tasks (stall then jump, none, race then crawl, step back)`,
  );
  const curvedSpecs = nonLinearLifecycles(curvedTasks, 13);
  const naiveCurved = await runSide('naive', curvedSpecs, { settings: {} });
  const oursCurved = await runSide('ours', curvedSpecs, { settings: defaults });
  printSides(naiveCurved, oursCurved);
  printDeciles({ naive: naiveCurved.delays, ours: oursCurved.delays });

  const targets = [
    atMost('polling: our p50 delay / naive p50 delay', ratio(ours.delayP50, naive.delayP50), 0.25),
    atMost('polling: our requests / naive requests', ratio(ours.requests, naive.requests), 1),
    atMost('polling: our CPU s / naive CPU s', ratio(ours.cpuSeconds, naive.cpuSeconds), 1),
    atMost('polling: our peak RSS / naive peak RSS', ratio(ours.peakRssMb, naive.peakRssMb), 1),
    atMost('polling: tasks never detected (ours)', ours.undetected, 0),
    ...per3min.targets,
    ...perMin.targets,
    atMost(
      'polling (non-linear): our p50 delay / naive p50',
      ratio(oursCurved.delayP50, naiveCurved.delayP50),
      0.5,
    ),
    atMost(
      'polling (non-linear): our requests / naive requests',
      ratio(oursCurved.requests, naiveCurved.requests),
      1,
    ),
    atMost('polling (non-linear): tasks never detected (ours)', oursCurved.undetected, 0),
  ];
  printTargets(targets);
  return {
    figures: {
      scale: SCALE,
      tasks,
      naive: withoutDelays(naive),
      ours: withoutDelays(ours),
      delayDeciles: { naive: delayDeciles(naive.delays), ours: delayDeciles(ours.delays) },
      ratios: {
        delayP50: ratio(ours.delayP50, naive.delayP50),
        delayP95: ratio(ours.delayP95, naive.delayP95),
        requests: ratio(ours.requests, naive.requests),
        cpuSeconds: ratio(ours.cpuSeconds, naive.cpuSeconds),
        peakRssMb: ratio(ours.peakRssMb, naive.peakRssMb),
        rssGrowthMb: ratio(ours.rssGrowthMb, naive.rssGrowthMb),
      },
      rateLimited: per3min.figures,
      rateLimitedPerMinute: perMin.figures,
      nonLinear: {
        tasks: curvedTasks,
        naive: withoutDelays(naiveCurved),
        ours: withoutDelays(oursCurved),
        delayDeciles: {
          naive: delayDeciles(naiveCurved.delays),
          ours: delayDeciles(oursCurved.delays),
        },
        ratios: {
          delayP50: ratio(oursCurved.delayP50, naiveCurved.delayP50),
          requests: ratio(oursCurved.requests, naiveCurved.requests),
        },
      },
    },
    targets,
  };
}
