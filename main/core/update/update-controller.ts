// The update policy: when to ask for a new version, what to do with the answer, what to tell
// the user, and when to restart. Electron-free; the app hands it electron-updater (or, for
// deb/tar.gz, a plain feed reader) as its engine, and its clock, power, network and download
// state as functions. Rules:
// - automatic checks: a few seconds after start, then every 6 h; none while automatic
//   updates are off, offline or on battery (they wait until that ends); never two starts
//   within an hour, whatever triggers them; after a failure the next one waits 1 h, 2 h, 4 h…
// - a check from the menu always asks (the user wants an answer now), but never twice at once;
// - a failure (no network, 404, bad checksum or signature) leaves the running app as it
//   was, logs one line, and backs off; only a check the user asked for is answered aloud;
// - self-updating installs download in the background and install on the next quit; one
//   notification per version says so, and the menu offers "Restart to update to x.y.z";
// - that restart never cuts a video download short: it asks, and can wait for them.
import { ENGLISH, type MainText } from '../text';
import { textOf } from '../text/text-error';
import type { FeedVerdict } from './feed';
import {
  failureBackoffMs,
  UPDATE_TIMING,
  type UpdateClock,
  type UpdateTiming,
} from './update-timing';

export interface UpdateEngine {
  readonly mode: 'self' | 'notify';
  /** Asks the release feed about the newest version. Rejects on any failure. */
  check(): Promise<{ verdict: FeedVerdict; version: string }>;
  /** Self-updating installs: downloads and verifies the version the last check found. */
  download(): Promise<void>;
  /** Self-updating installs: quits, installs the downloaded version and starts it. */
  install(): void;
  /** Notify-only installs: where a person gets this version by hand. */
  releaseUrl(version: string): string;
}

export type UpdateStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string }
  /** Downloaded and verified: installs on quit, or now through the menu. */
  | { kind: 'ready'; version: string; restartWhenIdle: boolean }
  /** Notify-only installs: a newer version exists. */
  | { kind: 'available'; version: string; url: string };

export interface UpdateNotice {
  title: string;
  body: string;
  /** What clicking it does. */
  click: { action: 'restart' } | { action: 'open'; url: string } | { action: 'none' };
}

export type RestartAnswer = 'wait' | 'now' | 'cancel';

export interface UpdateControllerDeps {
  engine: UpdateEngine;
  currentVersion: string;
  productName: string;
  /** Read at every decision, so a change is seen as soon as conditionsChanged() is called. */
  conditions: {
    automatic(): boolean;
    online(): boolean;
    onBattery(): boolean;
  };
  downloads: {
    /** Video downloads running or queued. */
    active(): number;
    /** Resolves once none is running or queued. */
    idle(): Promise<void>;
  };
  /** Restart asked while videos download: wait for them, restart now, or not at all. */
  askRestartDuringDownloads(count: number): Promise<RestartAnswer>;
  notify(notice: UpdateNotice): void;
  /** The words in the language of the moment, read when a notice is made. Default English. */
  text?: () => MainText;
  log(line: string): void;
  clock: UpdateClock;
  timing?: UpdateTiming;
}

export interface UpdateController {
  status(): UpdateStatus;
  /** "Check for updates…": asks now and answers with a notification. */
  checkNow(): Promise<void>;
  /** "Restart to update": installs now, or after the running downloads, or not (asks). */
  restart(): Promise<void>;
  /** Automatic updates, network or power changed (or the machine woke): re-evaluate. */
  conditionsChanged(): void;
  /** The check (and download) in progress, if any; for tests and shutdown. */
  settled(): Promise<void>;
  onChange(listener: (status: UpdateStatus) => void): () => void;
  close(): void;
}

const firstLine = (text: string): string => text.split('\n')[0]!.trim();
const message = (error: unknown): string =>
  firstLine(error instanceof Error ? error.message : String(error));

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 1 ? `${Number(h.toFixed(1))} h` : `${Math.round(ms / 60_000)} min`;
}

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const words = () => (deps.text?.() ?? ENGLISH).t.update;
  const { engine, clock } = deps;
  const timing = deps.timing ?? UPDATE_TIMING;
  const listeners = new Set<(status: UpdateStatus) => void>();
  let status: UpdateStatus = { kind: 'idle' };
  let failures = 0;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  let dueAt = clock.now() + timing.firstDelayMs;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let announced: string | null = null;
  let closed = false;

  const setStatus = (next: UpdateStatus): void => {
    status = next;
    for (const listener of [...listeners]) listener(status);
  };
  const automaticAllowed = (): boolean =>
    deps.conditions.automatic() && deps.conditions.online() && !deps.conditions.onBattery();
  const nextAutomaticAt = (): number => Math.max(dueAt, lastStartedAt + timing.minGapMs);

  function disarm(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }
  function arm(): void {
    disarm();
    // Off: turning the setting on calls conditionsChanged(). Ready: nothing to look for until
    // the new version runs.
    if (closed || inFlight || status.kind === 'ready' || !deps.conditions.automatic()) return;
    timer = clock.setTimeout(tick, Math.max(0, nextAutomaticAt() - clock.now()));
  }
  function tick(): void {
    timer = null;
    if (closed || inFlight || !deps.conditions.automatic()) return;
    if (!automaticAllowed()) {
      // Offline or on battery: wait for conditionsChanged(), or look again a little later.
      timer = clock.setTimeout(tick, timing.blockedRecheckMs);
      return;
    }
    if (clock.now() < nextAutomaticAt()) return arm();
    void run(false);
  }

  /** One notification per version found automatically; a check from the menu always answers. */
  function announce(version: string, notice: UpdateNotice, manual: boolean): void {
    if (!manual && announced === version) return;
    announced = version;
    deps.notify(notice);
  }

  async function attempt(manual: boolean, before: UpdateStatus): Promise<void> {
    setStatus({ kind: 'checking' });
    let stage = 'check';
    try {
      const found = await engine.check();
      if (found.verdict !== 'newer') {
        failures = 0;
        dueAt = clock.now() + timing.intervalMs;
        setStatus({ kind: 'idle' });
        if (manual) {
          deps.notify({
            title: words().upToDateTitle(deps.productName),
            body: words().upToDateBody(deps.currentVersion),
            click: { action: 'none' },
          });
        }
        return;
      }
      const version = found.version;
      if (engine.mode === 'notify') {
        failures = 0;
        dueAt = clock.now() + timing.intervalMs;
        const url = engine.releaseUrl(version);
        setStatus({ kind: 'available', version, url });
        const notice: UpdateNotice = {
          title: words().availableTitle(deps.productName, version),
          body: words().availableBody,
          click: { action: 'open', url },
        };
        announce(version, notice, manual);
        return;
      }
      stage = 'download';
      setStatus({ kind: 'downloading', version });
      await engine.download();
      failures = 0;
      dueAt = clock.now() + timing.intervalMs;
      setStatus({ kind: 'ready', version, restartWhenIdle: false });
      const notice: UpdateNotice = {
        title: words().readyTitle(deps.productName, version),
        body: words().readyBody,
        click: { action: 'restart' },
      };
      announce(version, notice, manual);
    } catch (error) {
      failures += 1;
      const wait = failureBackoffMs(failures, timing);
      dueAt = clock.now() + wait;
      // A failed check keeps what an earlier one found (an available version stays offered).
      setStatus(before.kind === 'available' ? before : { kind: 'idle' });
      deps.log(`Update ${stage} failed (next automatic try in ${hours(wait)}): ${message(error)}`);
      if (manual) {
        deps.notify({
          title: words().checkFailedTitle,
          // Our feed's own failures in the user's language; the updater's words as they came.
          body: firstLine(textOf(error, (deps.text?.() ?? ENGLISH).locale)),
          click: { action: 'none' },
        });
      }
    }
  }

  function run(manual: boolean): Promise<void> {
    disarm();
    lastStartedAt = clock.now();
    const before = status;
    const work = attempt(manual, before).finally(() => {
      inFlight = null;
      arm();
    });
    inFlight = work;
    return work;
  }

  async function installWhenDownloadsEnd(version: string): Promise<void> {
    setStatus({ kind: 'ready', version, restartWhenIdle: true });
    while (deps.downloads.active() > 0) await deps.downloads.idle();
    if (!closed) engine.install();
  }

  arm();

  return {
    status: () => status,
    checkNow() {
      if (closed) return Promise.resolve();
      if (inFlight) return inFlight;
      if (status.kind === 'ready') {
        deps.notify({
          title: words().readyTitle(deps.productName, status.version),
          body: words().readyBody,
          click: { action: 'restart' },
        });
        return Promise.resolve();
      }
      return run(true);
    },
    async restart() {
      if (status.kind !== 'ready' || status.restartWhenIdle) return;
      const { version } = status;
      const active = deps.downloads.active();
      if (active === 0) return engine.install();
      const answer = await deps.askRestartDuringDownloads(active);
      if (closed || status.kind !== 'ready') return;
      if (answer === 'now') engine.install();
      else if (answer === 'wait') await installWhenDownloadsEnd(version);
    },
    conditionsChanged() {
      if (closed || inFlight) return;
      arm();
    },
    settled: () => inFlight ?? Promise.resolve(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      disarm();
      listeners.clear();
    },
  };
}
