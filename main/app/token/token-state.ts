// What we know about the current token: missing, not yet checked, accepted or rejected.
// A 401 seen by the tracker outranks an older "accepted".
import type { TokenState } from '../../../preload/contract';
import type { TokenStatePort } from '../services';

export function createTokenState(sources: {
  hasToken(): boolean;
  /** The tracker stopped polling on a 401. */
  trackerRejected(): boolean;
}): TokenStatePort & { refresh(): void } {
  let recorded: 'unchecked' | 'accepted' | 'rejected' = 'unchecked';
  const listeners = new Set<(state: TokenState) => void>();
  const compute = (): TokenState => {
    if (!sources.hasToken()) return 'missing';
    if (sources.trackerRejected()) return 'rejected';
    return recorded;
  };
  let last = compute();
  const refresh = (): void => {
    const now = compute();
    if (now === last) return;
    last = now;
    for (const listener of listeners) listener(now);
  };
  return {
    get: compute,
    record(state) {
      recorded = state;
      refresh();
    },
    reset() {
      recorded = 'unchecked';
      refresh();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
  };
}
