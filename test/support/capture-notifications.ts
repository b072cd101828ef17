// Captures real desktop notifications. Run inside a private session bus:
//
//   dbus-run-session -- node --import tsx test/support/capture-notifications.ts [--fail|--hang] \
//     -- <command> [args...]
//
// It takes the name org.freedesktop.Notifications (the freedesktop notification spec's
// server), waits until the bus confirms it owns it, runs the command as a child with the
// same environment (so notify-send finds this bus), and when the child exits prints one JSON
// object: the Notify calls received, the child's exit code, stdout and stderr.
// --fail answers Notify with a D-Bus error; --hang never answers it (a stuck daemon).
// Owning the name first matters: with no server, the bus may auto-start a real daemon (dunst),
// which aborts without a display.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type * as DBusModule from 'dbus-next';

// dbus-next is CommonJS; require keeps its exports exactly as it defines them.
const dbus = createRequire(import.meta.url)('dbus-next') as typeof DBusModule;

export interface CapturedNotification {
  appName: string;
  replacesId: number;
  appIcon: string;
  summary: string;
  body: string;
  actions: string[];
  hints: string[];
  expireTimeout: number;
}

export interface CaptureResult {
  notifications: CapturedNotification[];
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from starting the child to its exit. */
  elapsedMs: number;
}

const BUS_NAME = 'org.freedesktop.Notifications';
const OBJECT_PATH = '/org/freedesktop/Notifications';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const split = argv.indexOf('--');
  const flags = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  if (command.length === 0) {
    process.stderr.write('usage: capture-notifications [--fail|--hang] -- <command> [args...]\n');
    process.exit(2);
  }
  const mode = flags.includes('--hang') ? 'hang' : flags.includes('--fail') ? 'fail' : 'ok';
  const notifications: CapturedNotification[] = [];
  let nextId = 1;

  class NotificationServer extends dbus.interface.Interface {
    Notify(
      appName: string,
      replacesId: number,
      appIcon: string,
      summary: string,
      body: string,
      actions: string[],
      hints: Record<string, unknown>,
      expireTimeout: number,
    ): number | Promise<number> {
      notifications.push({
        appName,
        replacesId,
        appIcon,
        summary,
        body,
        actions,
        hints: Object.keys(hints),
        expireTimeout,
      });
      if (mode === 'fail') {
        throw new dbus.DBusError('org.freedesktop.Notifications.Error', 'refused for the test');
      }
      if (mode === 'hang') return new Promise<number>(() => undefined);
      return nextId++;
    }
    GetCapabilities(): string[] {
      return ['body', 'actions'];
    }
    GetServerInformation(): string[] {
      return ['pika-tray-test-capture', 'pika-tray', '1.0', '1.2'];
    }
    CloseNotification(_id: number): void {}
  }
  NotificationServer.configureMembers({
    methods: {
      Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
      GetCapabilities: { inSignature: '', outSignature: 'as' },
      GetServerInformation: { inSignature: '', outSignature: 'ssss' },
      CloseNotification: { inSignature: 'u', outSignature: '' },
    },
  });

  const bus = dbus.sessionBus();
  bus.export(OBJECT_PATH, new NotificationServer(BUS_NAME));
  const reply = await bus.requestName(BUS_NAME, dbus.NameFlag.DO_NOT_QUEUE);
  if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
    process.stderr.write(`could not own ${BUS_NAME} (reply ${reply})\n`);
    process.exit(3);
  }

  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve([code, sig]));
    },
  );
  const result: CaptureResult = {
    notifications,
    exitCode,
    signal,
    stdout,
    stderr,
    elapsedMs: Math.round(performance.now() - started),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  bus.disconnect();
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`capture-notifications: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
