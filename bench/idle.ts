// `idle`: a tracker holding only finished tasks (1,000 of them, loaded from a real store) next
// to a baseline process that does nothing, at the same time in their own processes: timer
// wake-ups from start-up on, and CPU time over 30 s once both have settled (15 s), ours minus
// the baseline's.
import { startWorker } from './lib/child';
import { atMost, log, printTargets, table, type BenchResult } from './lib/report';
import { round } from './lib/stats';

const SECONDS = 30;
/** Before CPU is counted; timers are counted from start-up (see workers/idle.ts). */
const SETTLE_SECONDS = 15;
const TASKS = 1000;

interface IdleSide {
  timerInits: number;
  timerWakeups: number;
  cpuSeconds: number;
  tasks: number;
}

export async function runIdle(): Promise<BenchResult> {
  log(`idle: ${TASKS} finished tasks, ${SECONDS} s once settled, vs a process doing nothing`);
  const baseline = startWorker('workers/idle.ts');
  const ours = startWorker('workers/idle.ts');
  try {
    await Promise.all([baseline.request({ type: 'ping' }), ours.request({ type: 'ping' })]);
    const [b, o] = await Promise.all([
      baseline.request<IdleSide>({
        type: 'idle',
        seconds: SECONDS,
        settleSeconds: SETTLE_SECONDS,
        withTracker: false,
      }),
      ours.request<IdleSide>({
        type: 'idle',
        seconds: SECONDS,
        settleSeconds: SETTLE_SECONDS,
        withTracker: true,
        tasks: TASKS,
      }),
    ]);
    const figures = {
      seconds: SECONDS,
      settleSeconds: SETTLE_SECONDS,
      tasks: o.tasks,
      baseline: { ...b, cpuSeconds: round(b.cpuSeconds, 4) },
      ours: { ...o, cpuSeconds: round(o.cpuSeconds, 4) },
      extraTimerWakeups: o.timerWakeups - b.timerWakeups,
      extraTimerInits: o.timerInits - b.timerInits,
      extraCpuSeconds: round(o.cpuSeconds - b.cpuSeconds, 4),
    };
    table([
      ['', 'baseline', 'ours', 'ours - baseline'],
      ['timer wake-ups', b.timerWakeups, o.timerWakeups, figures.extraTimerWakeups],
      ['timers created', b.timerInits, o.timerInits, figures.extraTimerInits],
      ['CPU seconds', round(b.cpuSeconds, 4), round(o.cpuSeconds, 4), figures.extraCpuSeconds],
    ]);
    const targets = [
      atMost('idle: timer wake-ups from our code', figures.extraTimerWakeups, 0),
      atMost('idle: timers created by our code', figures.extraTimerInits, 0),
      // Settled, both sides spend ~0.5 ms in 30 s and differ by 0.2 ms at most; one failed
      // poll or one store write costs several ms.
      atMost('idle: CPU seconds above the baseline', figures.extraCpuSeconds, 0.002, ' s'),
    ];
    printTargets(targets);
    return { figures, targets };
  } finally {
    await Promise.all([baseline.stop(), ours.stop()]);
  }
}
