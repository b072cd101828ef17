// Desktop notifications through Electron. Shown notifications are kept referenced until
// closed: a notification object that is garbage-collected loses its click handler.
import { Notification } from 'electron';
import { notificationBodyFor } from '../../core/notify/body-markup';
import type { Notifier } from '../notify/notify-wiring';

export function electronNotifier(options: {
  icon?: string;
  log?: (message: string) => void;
  /** Default: this process's. On Linux (libnotify) the body is read as markup. */
  platform?: NodeJS.Platform;
}): Notifier {
  const platform = options.platform ?? process.platform;
  const live = new Set<Notification>();
  return {
    show(request, onClick) {
      if (!Notification.isSupported()) {
        options.log?.('Notifications are not supported on this system.');
        return;
      }
      const notification = new Notification({
        title: request.title,
        body: notificationBodyFor(platform, request.body),
        ...(options.icon ? { icon: options.icon } : {}),
      });
      live.add(notification);
      const forget = () => live.delete(notification);
      notification.on('click', () => {
        forget();
        onClick();
      });
      notification.on('close', forget);
      notification.on('failed', (_event, error) => {
        forget();
        options.log?.(`A notification could not be shown: ${error}`);
      });
      notification.show();
    },
  };
}
