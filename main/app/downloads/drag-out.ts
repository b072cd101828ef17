// 'drag:start' from the renderer: resolve the video's file at once and start the OS drag, or
// tell the renderer why not. The renderer names the video, never a path.
import type { EventChannels, VideoRef } from '../../../preload/contract';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { resolveFileSync } from './resolve-file';

export function createDragStart<S>(deps: {
  tracker: Pick<TaskTracker, 'get'>;
  downloadDir(): string;
  /** Starts the OS drag of `file` (the video `ref` names) from the sender's window. */
  start(sender: S, file: string, ref: VideoRef): void;
  refuse(sender: S, info: EventChannels['drag:refused']): void;
}): (sender: S, ref: VideoRef) => void {
  return (sender, ref) => {
    const file = resolveFileSync(deps.tracker, deps.downloadDir(), ref);
    if (!file.ok) {
      deps.refuse(sender, { ref, message: file.message });
      return;
    }
    try {
      deps.start(sender, file.path, ref);
    } catch (error) {
      deps.refuse(sender, {
        ref,
        message: `The drag could not start: ${(error as Error).message}`,
      });
    }
  };
}
