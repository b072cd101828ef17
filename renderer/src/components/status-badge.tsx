import type { TaskState } from '../../../preload/contract';

const LABELS: Record<TaskState, string> = {
  queued: 'Queued',
  running: 'Running',
  finished: 'Finished',
  failed: 'Failed',
  stalled: 'Stalled',
};

/** The task's state; a server status we do not know is shown raw beside it. */
export function StatusBadge({ state, raw }: { state: TaskState; raw?: string | null }) {
  return (
    <span class="badges">
      <span class={`badge badge-${state}`}>{LABELS[state] ?? state}</span>
      {raw ? (
        <span class="badge badge-raw" title={`The server said "${raw}"`}>
          {raw}
        </span>
      ) : null}
    </span>
  );
}
