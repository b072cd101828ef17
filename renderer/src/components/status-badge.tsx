import type { TaskState } from '../../../preload/contract';
import { useT } from '../i18n/i18n';

/** The task's state; a server status we do not know is shown raw beside it. */
const STATES = new Set<string>([
  'queued',
  'running',
  'finished',
  'failed',
  'stalled',
] satisfies TaskState[]);

export function StatusBadge({ state, raw }: { state: TaskState; raw?: string | null }) {
  const m = useT().m.state;
  return (
    <span class="badges">
      <span class={`badge badge-${state}`}>{STATES.has(state) ? m[state] : state}</span>
      {raw ? (
        <span class="badge badge-raw" title={m.serverSaid(raw)}>
          {raw}
        </span>
      ) : null}
    </span>
  );
}
