// Keeps the tray icon, tooltip and badge in step with the tasks and the app status, using
// the core's tray state machine. Updates are coalesced (progress ticks are frequent) and
// only applied when the tray would look different. No timer runs while nothing changes.
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { MainText } from '../../core/text';
import { sameTrayState, trayStateFrom, type TrayState } from '../../core/tray/tray-state';

export interface TrayDriver {
  /** Something outside the tracker changed (online): update soon. */
  refresh(): void;
  close(): void;
}

const EVENTS = ['added', 'changed', 'removed', 'status', 'finished', 'failed', 'stalled'] as const;

export function createTrayDriver<V extends string = string>(options: {
  tracker: TaskTracker;
  online(): boolean;
  /** Paused by the user (a pause for sleep or offline is not shown as paused). */
  paused(): boolean;
  /** The token was refused (by the feed or a token test); default: the tracker's 401. */
  tokenRejected?(): boolean;
  /**
   * The icon variant for the current theme (light/dark/template). Part of what the tray looks
   * like: a theme change with the same state must still swap the icon.
   */
  variant?(): V;
  /** The credit line for the tooltip, or null; call refresh() when it changes. */
  credit?(): string | null;
  /** The proxy the gateway's requests fail at (scheme://host:port), or null. */
  proxyUnreachable?(): string | null;
  apply(state: TrayState, variant: V): void;
  /** The words in the language of the moment; call refresh() when the language changes. */
  text?(): MainText;
  delayMs?: number;
}): TrayDriver {
  const { tracker } = options;
  const delayMs = options.delayMs ?? 150;
  let shown: TrayState | null = null;
  let shownVariant: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const update = (): void => {
    timer = null;
    const next = trayStateFrom(
      {
        tasks: tracker.list(),
        paused: options.paused(),
        tokenRejected: options.tokenRejected?.() ?? tracker.status().tokenRejected,
        online: options.online(),
        credit: options.credit?.() ?? null,
        proxyUnreachable: options.proxyUnreachable?.() ?? null,
      },
      options.text?.(),
    );
    const variant = options.variant?.() ?? ('' as V);
    if (shown && sameTrayState(shown, next) && variant === shownVariant) return;
    shown = next;
    shownVariant = variant;
    options.apply(next, variant);
  };
  const schedule = (): void => {
    timer ??= setTimeout(update, delayMs);
  };
  for (const event of EVENTS) tracker.on(event, schedule);
  update();
  return {
    refresh: schedule,
    close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      for (const event of EVENTS) tracker.off(event, schedule);
    },
  };
}
