// Desktop notifications for the command line through node-notifier (notify-send on Linux,
// Notification Center on macOS, toasts on Windows). A notification is a courtesy: failing to
// show one never fails the command, and the wait for it is bounded so a missing or hung
// notification daemon cannot hold the command open.
import notifier from 'node-notifier';
import { notificationBodyFor } from '../core/notify/body-markup';
import { cliText, type CliText } from './i18n';

export interface DesktopNotification {
  title: string;
  body: string;
}

export interface Notifier {
  /** Resolves true when shown, false when it failed or took too long; never rejects. */
  notify(notification: DesktopNotification): Promise<boolean>;
}

export interface NodeNotifier extends Notifier {
  /** True when a notification was given up on while its helper process (notify-send and
   * the like) may still be running: that process would keep this one alive. */
  stuck(): boolean;
}

export interface NodeNotifierOptions {
  /** Longest wait for the notifier to answer. Default 5 s. */
  timeoutMs?: number;
  /** Told why a notification could not be shown (once per failure). */
  onError?: (message: string) => void;
  /** Default: this process's. On Linux (notify-send) the body is read as markup. */
  platform?: NodeJS.Platform;
  /** Language of the reasons given to onError. Default English. */
  text?: CliText;
}

const APP_NAME = 'Pika Tray';

/** Text as one notification line may carry it: no control characters, bounded length. */
export function notificationText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  const chars = Array.from(clean);
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
  // notify-send reads an argument starting with "-" as an option.
  return cut.startsWith('-') ? `\u2060${cut}` : cut;
}

export function createNodeNotifier(options: NodeNotifierOptions = {}): NodeNotifier {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const platform = options.platform ?? process.platform;
  const text = options.text ?? cliText('en');
  let stuck = false;
  return {
    stuck: () => stuck,
    notify({ title, body }) {
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const settle = (shown: boolean, why?: string) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (!shown && why) options.onError?.(why);
          resolve(shown);
        };
        const timer = setTimeout(() => {
          stuck = true;
          settle(false, text.t.notify.noAnswer(String(timeoutMs)));
        }, timeoutMs);
        try {
          notifier.notify(
            {
              title: notificationText(title, 120),
              // Cut first, then escape: an entity is never cut in half.
              message: notificationBodyFor(platform, notificationText(body, 400)) || ' ',
              appName: APP_NAME,
              'app-name': APP_NAME,
              wait: false,
            } as Parameters<typeof notifier.notify>[0],
            (error: Error | null | string) => {
              // notify-send reports through stderr text as well as exit status.
              if (error)
                settle(false, String(error instanceof Error ? error.message : error).trim());
              else settle(true);
            },
          );
        } catch (error) {
          settle(false, error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
