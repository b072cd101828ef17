// What `pika-tray watch` shows: progress bars redrawn in place on a terminal, plain lines
// when the output is a pipe or a file, or one JSON object per line per event (--json).
import { textOf } from '../../core/text/text-error';
import { basename } from 'node:path';
import stringWidth from 'string-width';
import type { DownloadProgress, DownloadResult } from '../../core/download';
import type { TaskError, TrackedTask } from '../../core/tasks/model';
import type { CliText } from '../i18n';

export interface WatchView {
  /** The task's state or progress changed; `retrying` when the last check failed. */
  update(task: TrackedTask, retrying: TaskError | null): void;
  finished(task: TrackedTask): void;
  /** `fromServer`: the error is the server's own words (human views mark them as such). */
  failed(task: TrackedTask, error: string, fromServer?: boolean): void;
  stalled(task: TrackedTask): void;
  timeout(task: TrackedTask): void;
  downloadProgress(task: TrackedTask, videoId: string, progress: DownloadProgress): void;
  downloaded(task: TrackedTask, videoId: string, result: DownloadResult): void;
  downloadFailed(task: TrackedTask, videoId: string, error: string): void;
  /** Draws the final state; nothing is written after this. */
  close(): void;
}

function promptOf(task: TrackedTask, max: number): string {
  const flat = task.promptText.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  // In terminal columns: forty Chinese characters are eighty columns.
  return stringWidth(flat) > max ? `“${fitColumns(flat, max - 1)}…”` : `“${flat}”`;
}

function secondsSince(task: TrackedTask): number {
  return Math.round((Date.now() - task.addedAt) / 1000);
}

function sinceAdded(task: TrackedTask, text: CliText): string {
  return text.fmt.duration(secondsSince(task));
}

// --json ---------------------------------------------------------------------------------

export function createJsonView(out: (line: string) => void): WatchView {
  const emit = (event: Record<string, unknown>) => out(JSON.stringify(event));
  return {
    update: (task, retrying) =>
      emit({
        type: 'update',
        taskId: task.id,
        state: task.state,
        progress: task.progress,
        prompt: task.promptText,
        ...(retrying ? { retrying: retrying.message } : {}),
      }),
    finished: (task) =>
      emit({
        type: 'finished',
        taskId: task.id,
        prompt: task.promptText,
        videos: task.videos.map((v) => ({
          id: v.id,
          state: v.state,
          url: v.resultUrl,
          seed: v.seed,
          duration: v.duration,
        })),
      }),
    failed: (task, error) => emit({ type: 'failed', taskId: task.id, error }),
    stalled: (task) =>
      emit({
        type: 'stalled',
        taskId: task.id,
        state: task.state,
        progress: task.progress,
        runningForSec: secondsSince(task),
      }),
    timeout: (task) =>
      emit({ type: 'timeout', taskId: task.id, state: task.state, progress: task.progress }),
    downloadProgress: () => undefined,
    downloaded: (task, videoId, result) =>
      emit({
        type: 'downloaded',
        taskId: task.id,
        videoId,
        path: result.path,
        bytes: result.bytes,
        reused: result.reused,
      }),
    downloadFailed: (task, videoId, error) =>
      emit({ type: 'failed', taskId: task.id, videoId, stage: 'download', error }),
    close: () => undefined,
  };
}

// plain lines ----------------------------------------------------------------------------

export function createPlainView(out: (line: string) => void, text: CliText): WatchView {
  const lastLine = new Map<string, string>();
  const say = (task: TrackedTask, line: string) => out(`${task.id}  ${line}`);
  const t = text.t.watch;
  const state = (task: TrackedTask) => text.t.state[task.state];
  const size = (bytes: number) => text.fmt.fileSize(bytes);
  return {
    update(task, retrying) {
      const progress = task.progress === null ? '' : ` ${text.fmt.percent(task.progress / 100)}`;
      const line = retrying
        ? `${state(task)}${progress} (${t.retrying(textOf(retrying, text.locale))})`
        : `${state(task)}${progress} ${promptOf(task, 60)}`.trimEnd();
      // Only news: the same line twice in a row says nothing.
      if (lastLine.get(task.id) === line) return;
      lastLine.set(task.id, line);
      say(task, line);
    },
    finished: (task) =>
      say(task, t.finishedLine(promptOf(task, 60), text.fmt.plural(task.videos.length, t.videos))),
    failed: (task, error, fromServer) =>
      say(task, t.failed(fromServer ? text.t.server.said(error) : error)),
    stalled: (task) => say(task, t.stalledLine(state(task), sinceAdded(task, text))),
    timeout: (task) => say(task, t.timedOutWhile(state(task))),
    downloadProgress: () => undefined,
    downloaded: (task, _videoId, result) =>
      say(
        task,
        `${result.reused ? t.alreadySaved : t.saved} ${result.path} (${size(result.bytes)})`,
      ),
    downloadFailed: (task, videoId, error) => say(task, t.downloadFailed(videoId, error)),
    close: () => undefined,
  };
}

// terminal bars --------------------------------------------------------------------------

export interface Terminal {
  write(text: string): void;
  /** Width in columns (lines are cut to fit, so redrawing in place stays exact). */
  columns(): number;
}

interface Row {
  task: TrackedTask;
  note: string;
  downloads: Map<string, string>;
}

const BAR_WIDTH = 20;
const ICONS: Record<string, string> = {
  queued: '…',
  running: '▶',
  finished: '✓',
  failed: '✗',
  stalled: '⏸',
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` that fits `columns` terminal columns, measured by string-width
 * (East Asian Wide and Fullwidth take two, combining marks none), cut between graphemes. */
export function fitColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let width = 0;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (width + w > columns) break;
    out += segment;
    width += w;
  }
  return out;
}

/** `text` padded with spaces to `columns` terminal columns. */
export function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

function bar(task: TrackedTask): string {
  const pct = task.state === 'finished' ? 100 : (task.progress ?? 0);
  const filled = Math.round((pct / 100) * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
}

export function createBarsView(terminal: Terminal, text: CliText, redrawMs = 100): WatchView {
  const t = text.t.watch;
  const size = (bytes: number) => text.fmt.fileSize(bytes);
  const stateWidth = Math.max(...Object.values(text.t.state).map((name) => stringWidth(name)));
  const rows = new Map<string, Row>();
  let drawnLines = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const saved: string[] = [];

  const row = (task: TrackedTask): Row => {
    let r = rows.get(task.id);
    if (!r) rows.set(task.id, (r = { task, note: '', downloads: new Map() }));
    r.task = task;
    return r;
  };

  const draw = () => {
    timer = null;
    const width = Math.max(20, terminal.columns() - 1);
    const lines: string[] = [];
    for (const { task, note, downloads } of rows.values()) {
      const pct =
        task.progress === null ? '    ' : text.fmt.percent(task.progress / 100).padStart(4);
      const state = padColumns(text.t.state[task.state], stateWidth);
      const head = `${ICONS[task.state] ?? '·'} ${state} ${bar(task)} ${pct}`;
      lines.push(`${head}  ${promptOf(task, 40) || task.id}${note ? `  ${note}` : ''}`);
      for (const line of downloads.values()) lines.push(`    ${line}`);
    }
    let screen = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    for (const line of lines) screen += `\r\x1b[2K${fitColumns(line, width)}\n`;
    // Clear lines left over from a taller previous drawing.
    for (let i = lines.length; i < drawnLines; i++) screen += '\r\x1b[2K\n';
    terminal.write(screen);
    drawnLines = Math.max(lines.length, drawnLines);
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(draw, redrawMs);
  };

  const note = (task: TrackedTask, text: string) => {
    row(task).note = text;
    schedule();
  };

  return {
    update(task, retrying) {
      row(task).note = retrying ? t.retrying(textOf(retrying, text.locale)) : '';
      schedule();
    },
    finished: (task) => note(task, ''),
    failed: (task, error, fromServer) => note(task, fromServer ? text.t.server.said(error) : error),
    stalled: (task) => note(task, t.stalledAfter(sinceAdded(task, text))),
    timeout: (task) => note(task, t.timedOut),
    downloadProgress(task, videoId, p) {
      const of = p.total === null ? '' : ` / ${size(p.total)}`;
      const rate = p.rate === null ? '' : `  ${t.perSecond(size(p.rate))}`;
      row(task).downloads.set(videoId, `↓ ${size(p.bytes)}${of}${rate}`);
      schedule();
    },
    downloaded(task, videoId, result) {
      saved.push(result.path);
      row(task).downloads.set(
        videoId,
        `${result.reused ? t.barAlreadySaved : t.barSaved} ${basename(result.path)} (${size(result.bytes)})`,
      );
      schedule();
    },
    downloadFailed(task, videoId, error) {
      row(task).downloads.set(videoId, t.barFailed(error));
      schedule();
    },
    close() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      draw();
      closed = true;
      // Full paths once at the end, where they can be copied.
      for (const path of saved) terminal.write(`${t.savedPath(path)}\n`);
    },
  };
}
