// What the tray icon shows, derived from the task list and the app's status. Pure: the
// Electron adapter feeds it and only swaps images and text when the result changes.
//
// Precedence, highest first, and why:
//   1. error (token rejected)  nothing can be checked or created until the user acts, so this
//                              outranks even a deliberate pause.
//   2. paused                  the user's own choice; showing "working" while nothing is being
//                              checked would lie, and an offline network does not matter then.
//   3. error (offline)         only while there are tasks to check: offline with nothing
//                              running is no reason to turn the icon red (a laptop on a train).
//   3b. error (proxy)          the network is up but the gateway's requests fail at the proxy
//                              (Clash closed, a 407): say so instead of blaming the network,
//                              under the same only-while-checking rule.
//   4. working                 something is being generated; progress is in the tooltip.
//   5. unseen                  finished (or failed) videos the user has not looked at yet.
//   6. idle
// New unseen videos are never hidden by a higher state: `badgeCount` carries their number in
// every state, and the tooltip gets a line for them.
import { isEnded, type TrackedTask } from '../tasks/model';
import { ENGLISH, type MainText } from '../text';
// One list of states, shared with the tray images made under these names (build/tray/).
import { TRAY_STATES, type TrayState as TrayStateName } from '../tray-icons';

export { TRAY_STATES, type TrayStateName };

export type TrayError = 'token-rejected' | 'offline' | 'proxy-unreachable';

export interface TrayInput {
  tasks: TrackedTask[];
  paused: boolean;
  tokenRejected: boolean;
  online: boolean;
  /** The credit line ("Credit: $3.61"), last in the tooltip; absent or null: not shown. */
  credit?: string | null;
  /** The proxy (scheme://host:port) the gateway's requests fail at; absent or null if none. */
  proxyUnreachable?: string | null;
}

export interface TrayState {
  state: TrayStateName;
  tooltip: string;
  /** Videos ended but not yet seen; absent when there are none. */
  badgeCount?: number;
  /** Which error, when state is 'error'. */
  error?: TrayError;
}

/** Windows cuts tray tooltips at 127 characters; stay under it everywhere. */
export const TOOLTIP_MAX = 127;
/** Tasks whose progress is listed in the tooltip before "…". */
const LISTED = 4;

export function trayStateFrom(input: TrayInput, text: MainText = ENGLISH): TrayState {
  const t = text.t.tray;
  const videos = (count: number) => text.fmt.plural(count, t.videos);
  const active = input.tasks.filter((t) => !isEnded(t.state)).sort((a, b) => a.addedAt - b.addedAt);
  const unseen = input.tasks.filter((t) => isEnded(t.state) && !t.seen);
  const unseenLine = unseenText(unseen, text);
  const proxy = input.online ? (input.proxyUnreachable ?? null) : null;
  const extra = (first: string, ...rest: (string | null)[]) =>
    [first, ...rest].filter((line): line is string => !!line).join('\n');

  let result: TrayState;
  if (input.tokenRejected) {
    result = {
      state: 'error',
      error: 'token-rejected',
      tooltip: extra(
        t.tokenRejected,
        active.length ? t.waiting(videos(active.length)) : null,
        unseenLine,
      ),
    };
  } else if (input.paused) {
    result = {
      state: 'paused',
      tooltip: extra(active.length ? t.pausedWaiting(videos(active.length)) : t.paused, unseenLine),
    };
  } else if (!input.online && active.length > 0) {
    result = {
      state: 'error',
      error: 'offline',
      tooltip: extra(t.offlineWaiting(videos(active.length)), unseenLine),
    };
  } else if (proxy && active.length > 0) {
    result = {
      state: 'error',
      error: 'proxy-unreachable',
      tooltip: extra(t.proxyWaiting(proxy, videos(active.length)), unseenLine),
    };
  } else if (active.length > 0) {
    result = { state: 'working', tooltip: extra(workingText(active, text), unseenLine) };
  } else if (unseen.length > 0) {
    result = {
      state: 'unseen',
      tooltip: extra(unseenLine!, connectionLine(input.online, proxy, text)),
    };
  } else {
    result = {
      state: 'idle',
      tooltip: !input.online ? t.idleOffline : proxy ? t.idleProxy(proxy) : t.idle,
    };
  }
  // Last, so the clip takes it first: the state lines matter more.
  if (input.credit) result.tooltip = `${result.tooltip}\n${input.credit}`;
  result.tooltip = clip(result.tooltip);
  if (unseen.length > 0) result.badgeCount = unseen.length;
  return result;
}

/** True when the tray would look the same: skip the update (progress ticks are frequent). */
export function sameTrayState(a: TrayState, b: TrayState): boolean {
  return (
    a.state === b.state &&
    a.tooltip === b.tooltip &&
    a.badgeCount === b.badgeCount &&
    a.error === b.error
  );
}

/** What is wrong with the connection, when nothing more urgent is shown. */
function connectionLine(online: boolean, proxy: string | null, text: MainText): string | null {
  if (!online) return text.t.tray.offline;
  return proxy ? text.t.tray.proxyUnreachable(proxy) : null;
}

function workingText(active: TrackedTask[], text: MainText): string {
  const t = text.t.tray;
  const parts = active.slice(0, LISTED).map((task) => progressText(task, text));
  if (active.length > LISTED) parts.push('…');
  return t.generating(text.fmt.plural(active.length, t.videos), parts.join(t.progressSeparator));
}

function progressText(task: TrackedTask, text: MainText): string {
  if (task.state === 'stalled') return text.t.tray.stalled;
  if (task.state === 'queued') return text.t.tray.queued;
  if (task.progress === null) return text.t.tray.starting;
  return text.fmt.percent(Math.max(0, Math.min(100, Math.round(task.progress))) / 100);
}

function unseenText(unseen: TrackedTask[], text: MainText): string | null {
  const t = text.t.tray;
  const failed = unseen.filter((task) => task.state === 'failed').length;
  const ready = unseen.length - failed;
  if (ready > 0 && failed > 0) return t.readyAndFailed(text.fmt.plural(ready, t.newReady), failed);
  if (ready > 0) return text.fmt.plural(ready, t.newReady);
  if (failed > 0) return t.failed(text.fmt.plural(failed, t.videos));
  return null;
}

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= TOOLTIP_MAX ? text : `${chars.slice(0, TOOLTIP_MAX - 1).join('')}…`;
}
