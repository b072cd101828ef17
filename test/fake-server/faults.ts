// The faults a test has switched on, and which request each one hits. A fault with a `count`
// is used up by that many matching requests; one with a `taskId` only hits that task (and its
// videos' media).
import type { FakeFault } from './types';

export type FaultKind = FakeFault['kind'];
export type Route = 'feed' | 'generate' | 'media';

/** Faults that replace the whole answer of an API route (a proxy or the gateway misbehaving). */
export const TRANSPORT_FAULTS: ReadonlySet<FaultKind> = new Set([
  'rate-limit',
  'server-error',
  'html-error',
  'malformed-json',
  'hang',
  'reset',
  'http-status',
]);
/** Faults that change what the feed says about a task. */
export const CONTENT_FAULTS: ReadonlySet<FaultKind> = new Set([
  'unknown-status',
  'empty-videos',
  'finished-without-url',
  'extra-fields',
  'patch-answer',
]);
export const MEDIA_STREAM_FAULTS: ReadonlySet<FaultKind> = new Set([
  'media-reset',
  'media-no-range',
  'media-slow',
  'media-swap',
  'media-encoded',
  'media-empty',
]);

const ROUTE_OF: Partial<Record<FaultKind, Route>> = {
  'task-not-exist': 'feed',
  'unknown-status': 'feed',
  'empty-videos': 'feed',
  'finished-without-url': 'feed',
  'extra-fields': 'feed',
  'patch-answer': 'feed',
  'media-reset': 'media',
  'media-no-range': 'media',
  'media-expired': 'media',
  'media-slow': 'media',
  'media-swap': 'media',
  'media-encoded': 'media',
  'media-empty': 'media',
};

interface Entry {
  fault: FakeFault;
  left: number;
}

export class FaultBook {
  private entries: Entry[] = [];

  add(fault: FakeFault): void {
    const left = fault.count ?? Number.POSITIVE_INFINITY;
    if (left > 0) this.entries.push({ fault, left });
  }

  clear(): void {
    this.entries = [];
  }

  /** The first active fault of one of `kinds` matching the request; uses up one count. */
  take(
    kinds: ReadonlySet<FaultKind>,
    route: Route,
    taskId: string | undefined,
  ): FakeFault | undefined {
    const entry = this.entries.find(
      (e) => kinds.has(e.fault.kind) && matches(e.fault, route, taskId),
    );
    if (!entry) return undefined;
    this.use(entry);
    return entry.fault;
  }

  /** Every active fault of `kinds` matching the request; each uses up one count. */
  takeAll(kinds: ReadonlySet<FaultKind>, route: Route, taskId: string | undefined): FakeFault[] {
    const hit = this.entries.filter(
      (e) => kinds.has(e.fault.kind) && matches(e.fault, route, taskId),
    );
    for (const entry of hit) this.use(entry);
    return hit.map((e) => e.fault);
  }

  private use(entry: Entry): void {
    entry.left -= 1;
    if (entry.left <= 0) this.entries = this.entries.filter((e) => e !== entry);
  }
}

function matches(fault: FakeFault, route: Route, taskId: string | undefined): boolean {
  const only = ROUTE_OF[fault.kind];
  if (only !== undefined && only !== route) return false;
  // Transport faults hit the API routes, not the CDN.
  if (only === undefined && route === 'media') return false;
  if (fault.taskId !== undefined && fault.taskId !== taskId) return false;
  return true;
}
