// Feeds the tracker's endings to the core's notification policy and hands each request to
// the platform's notifier (Electron's Notification in the app). A click opens the window on
// the task, or on the list for a summary.
import {
  connectTracker,
  createNotificationPolicy,
  type NotificationRequest,
  type Schedule,
} from '../../core/notify/notification-policy';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { MainText } from '../../core/text';
import type { SettingsPort } from '../services';

export interface Notifier {
  /** Shows one notification; `onClick` runs when the user clicks it. */
  show(request: NotificationRequest, onClick: () => void): void;
}

export function connectNotifications(options: {
  tracker: TaskTracker;
  settings: Pick<SettingsPort, 'get'>;
  notifier: Notifier;
  /** Opens the window on a task (null: on the task list). */
  open(taskId: string | null): void;
  windowMs?: number;
  schedule?: Schedule;
  /** The words in the language of the moment, read per notification. Default English. */
  text?: () => MainText;
}): { flush(): void; close(): void } {
  const policy = createNotificationPolicy({
    enabled: () => options.settings.get().notifications,
    ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.text ? { text: options.text } : {}),
  });
  policy.onNotify((request) => options.notifier.show(request, () => options.open(request.taskId)));
  const disconnect = connectTracker(options.tracker, policy);
  return {
    flush: () => policy.flush(),
    close() {
      disconnect();
      policy.dispose();
    },
  };
}
