// A clock moved by hand and an engine whose answers the test gives, for the update policy.
import type { FeedVerdict } from './feed';
import type { UpdateEngine } from './update-controller';
import type { UpdateClock } from './update-timing';

export interface ManualClock extends UpdateClock {
  /** Moves time on, running every timer that falls due on the way, in order. */
  advance(ms: number): void;
  /** Timers still waiting, as due times. */
  pending(): number[];
}

export function manualClock(start = 1_000_000): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = end;
    },
    pending: () => [...timers.values()].map((t) => t.at).sort((a, b) => a - b),
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An engine that records calls and waits for the test to answer each one. */
export function scriptedEngine(mode: 'self' | 'notify') {
  const checks: Deferred<{ verdict: FeedVerdict; version: string }>[] = [];
  const downloads: Deferred<void>[] = [];
  let installs = 0;
  const engine: UpdateEngine = {
    mode,
    check() {
      const d = deferred<{ verdict: FeedVerdict; version: string }>();
      checks.push(d);
      return d.promise;
    },
    download() {
      const d = deferred<void>();
      downloads.push(d);
      return d.promise;
    },
    install() {
      installs++;
    },
    releaseUrl: (version) => `https://example.test/releases/v${version}`,
  };
  return {
    engine,
    checks,
    downloads,
    installs: () => installs,
    /** Answers the latest check. */
    answer(verdict: FeedVerdict, version: string) {
      checks.at(-1)!.resolve({ verdict, version });
    },
    fail(error: Error) {
      checks.at(-1)!.reject(error);
    },
  };
}
