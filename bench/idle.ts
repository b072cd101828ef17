// `idle`: a tracker holding only finished tasks (1,000 of them, loaded from a real store) next
// to a baseline process that does nothing, both for 30 s at the same time in their own
// processes: CPU time and timer wake-ups, ours minus the baseline's.
import { startWorker } from './lib/child';
import { atMost, log, printTargets, table, type BenchResult } from './lib/report';
import { round } from './lib/stats';

const SECONDS = 30;
const TASKS = 1000;

interface IdleSide {
  timerInits: number;
  timerWakeups: number;
  cpuSeconds: number;
  tasks: number;
}

export async function runIdle(): Promise<BenchResult> {
  log(`idle: ${TASKS} finished tasks for ${SECONDS} s vs a process doing nothing`);
  const baseline = startWorker('workers/idle.ts');
  const ours = startWorker('workers/idle.ts');
  try {
    await Promise.all([baseline.request({ type: 'ping' }), ours.request({ type: 'ping' })]);
    const [b, o] = await Promise.all([
      baseline.request<IdleSide>({ type: 'idle', seconds: SECONDS, withTracker: false }),
      ours.request<IdleSide>({ type: 'idle', seconds: SECONDS, withTracker: true, tasks: TASKS }),
    ]);
    const figures = {
      seconds: SECONDS,
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
      // A few ms of scheduler noise is not "our code"; a poll or a write would cost far more.
      atMost('idle: CPU seconds above the baseline', figures.extraCpuSeconds, 0.01, ' s'),
    ];
    printTargets(targets);
    return { figures, targets };
  } finally {
    await Promise.all([baseline.stop(), ours.stop()]);
  }
}
