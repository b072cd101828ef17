// The documented longest gap between two checks of a running task holds whatever the request
// budget does: 20 tasks in `pika-tray watch` (the real command, client and tracker against the
// fake server), time scaled through watch's own options (--max-interval 0.5 s standing for the
// 60 s default), and a budget spent after its first request (--max-rate 1 per minute).
import { describe, expect, it } from 'vitest';
import type { FakePika, ProgressCurve } from '../../../test/fake-server/types';
import { useFakePikaAndTempDir } from '../../../test/support/fake-pika-env';
import { clientFrom, SHARED_OPTIONS } from '../options';
import { runWatch } from './watch';

let fake: FakePika;
useFakePikaAndTempDir('pika-watch-gap-', (env) => ({ fake } = env));

const CURVES: ProgressCurve[] = [
  'linear',
  'stall-then-jump',
  'none',
  'race-then-crawl',
  'step-back',
];
const MAX_INTERVAL_MS = 500;

describe('pika-tray watch: the longest gap between checks', () => {
  it('holds for 20 tasks although the budget allows one request a minute', async () => {
    const ids = Array.from({ length: 20 }, (_, i) =>
      fake.addTask({
        queuedMs: 300,
        runMs: 2_500 + 100 * i,
        progress: CURVES[i % CURVES.length],
      }),
    );
    const out: string[] = [];
    const env = { PIKA_BASE_URL: fake.url, PIKA_TOKEN: fake.token };
    const code = await runWatch(
      [
        ...ids,
        '--json',
        '--no-notify',
        '--interval',
        '0.05',
        '--max-interval',
        String(MAX_INTERVAL_MS / 1000),
        '--max-rate',
        '1',
      ],
      { client: (shared) => clientFrom(shared, env), out: (l) => out.push(l), err: () => {} },
      SHARED_OPTIONS,
    );
    expect(code).toBe(0);
    const finished = out.map((l) => JSON.parse(l) as { type: string; taskId: string });
    expect(new Set(finished.filter((e) => e.type === 'finished').map((e) => e.taskId))).toEqual(
      new Set(ids),
    );
    let requests = 0;
    for (const id of ids) {
      const at = fake.requests.filter((r) => r.path === `/pika/feed/${id}`).map((r) => r.at);
      requests += at.length;
      expect(at.length).toBeGreaterThanOrEqual(2);
      const gaps = at.slice(1).map((t, i) => t - at[i]!);
      // The budget alone would hold each task back a minute; timers and loopback on a shared
      // machine running the whole suite add well under 500 ms.
      expect(Math.max(...gaps), `task ${id}`).toBeLessThanOrEqual(MAX_INTERVAL_MS + 500);
    }
    // The cap did bind: far more than one request a minute went, each one a gap at its limit.
    expect(requests).toBeGreaterThan(40);
  });
});
