// 'drag:start' from the renderer: resolve the video's file at once and start the OS drag, or
// tell the renderer why not. The renderer names the video, never a path.
import type { EventChannels, VideoRef } from '../../../preload/contract';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { resolveFileSync } from './resolve-file';
import type { Locale } from '../../core/i18n/locale';
import { renderMessage, say } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';
import { textArgOf } from '../../core/text/text-arg';

export function createDragStart<S>(deps: {
  tracker: Pick<TaskTracker, 'get'>;
  downloadDir(): string;
  /** Starts the OS drag of `file` (the video `ref` names) from the sender's window. */
  start(sender: S, file: string, ref: VideoRef): void;
  refuse(sender: S, info: EventChannels['drag:refused']): void;
  /** The window's language now: the refusal is told in it (English when not given). */
  locale?(): Locale;
}): (sender: S, ref: VideoRef) => void {
  const locale = (): Locale => deps.locale?.() ?? 'en';
  return (sender, ref) => {
    const file = resolveFileSync(deps.tracker, deps.downloadDir(), ref);
    if (!file.ok) {
      deps.refuse(sender, { ref, message: textOf(file, locale()) });
      return;
    }
    try {
      deps.start(sender, file.path, ref);
    } catch (error) {
      deps.refuse(sender, {
        ref,
        message: renderMessage(say('appErrors.dragFailed', textArgOf(error)), locale()),
      });
    }
  };
}
