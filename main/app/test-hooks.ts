// Hooks for the real-app smoke test (test/electron), read from the environment and honoured
// only when the app is not packaged: an installed app never reads them. They let a test run
// the app in its own data folder (which also scopes the single-instance lock to it) and see
// the notifications it shows on any OS, without a notification daemon to listen to.
import { appendFileSync } from 'node:fs';
import type { Notifier } from './notify/notify-wiring';

export interface TestHooks {
  /** PIKA_TRAY_TEST_USER_DATA: use this folder as userData. */
  userDataDir: string | null;
  /** PIKA_TRAY_TEST_NOTIFY_LOG: append each notification shown, one JSON line each. */
  notifyLog: string | null;
}

export function testHooks(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): TestHooks {
  if (isPackaged) return { userDataDir: null, notifyLog: null };
  return {
    userDataDir: env['PIKA_TRAY_TEST_USER_DATA'] || null,
    notifyLog: env['PIKA_TRAY_TEST_NOTIFY_LOG'] || null,
  };
}

/** The notifier, also writing what it shows to the test's log when one is set. */
export function recordingNotifier(notifier: Notifier, logFile: string | null): Notifier {
  if (!logFile) return notifier;
  return {
    show(request, onClick) {
      appendFileSync(logFile, `${JSON.stringify(request)}\n`);
      notifier.show(request, onClick);
    },
  };
}
