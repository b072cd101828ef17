// Placeholder for the "New video" view (generate a video from a prompt). Helper H7 replaces
// this file; the app mounts `NewVideoView` for the 'new' view and passes the props below.
import type { TrackedTask } from '../../../../preload/contract';

export interface NewVideoViewProps {
  /** Call with the created task to show it in the task list (switches to the tasks view). */
  onCreated: (task: TrackedTask) => void;
}

export function NewVideoView(_props: NewVideoViewProps) {
  return (
    <section class="view-pad" aria-labelledby="new-title">
      <h1 id="new-title" class="view-title">
        New video
      </h1>
      <p class="muted">Creating videos from a prompt arrives here soon.</p>
    </section>
  );
}
