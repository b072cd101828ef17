// What `pika-tray watch` shows: progress bars redrawn in place on a terminal, plain lines
// when the output is a pipe or a file, or one JSON object per line per event (--json).
import { basename } from 'node:path';
import type { DownloadProgress, DownloadResult } from '../../core/download';
import type { TrackedTask } from '../../core/tasks/model';

export interface WatchView {
  /** The task's state or progress changed; `retrying` when the last check failed. */
  update(task: TrackedTask, retrying: string | null): void;
  finished(task: TrackedTask): void;
  failed(task: TrackedTask, error: string): void;
  stalled(task: TrackedTask): void;
  timeout(task: TrackedTask): void;
  downloadProgress(task: TrackedTask, videoId: string, progress: DownloadProgress): void;
  downloaded(task: TrackedTask, videoId: string, result: DownloadResult): void;
  downloadFailed(task: TrackedTask, videoId: string, error: string): void;
  /** Draws the final state; nothing is written after this. */
  close(): void;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

function promptOf(task: TrackedTask, max: number): string {
  const flat = task.promptText.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  const chars = Array.from(flat);
  return chars.length > max ? `“${chars.slice(0, max - 1).join('')}…”` : `“${flat}”`;
}

function secondsSince(task: TrackedTask): number {
  return Math.round((Date.now() - task.addedAt) / 1000);
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
        ...(retrying ? { retrying } : {}),
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

export function createPlainView(out: (line: string) => void): WatchView {
  const lastLine = new Map<string, string>();
  const say = (task: TrackedTask, text: string) => out(`${task.id}  ${text}`);
  return {
    update(task, retrying) {
      const progress = task.progress === null ? '' : ` ${task.progress}%`;
      const line = retrying
        ? `${task.state}${progress} (retrying: ${retrying})`
        : `${task.state}${progress} ${promptOf(task, 60)}`.trimEnd();
      // Only news: the same line twice in a row says nothing.
      if (lastLine.get(task.id) === line) return;
      lastLine.set(task.id, line);
      say(task, line);
    },
    finished: (task) =>
      say(task, `finished ${promptOf(task, 60)} (${task.videos.length} video(s))`.trimEnd()),
    failed: (task, error) => say(task, `failed: ${error}`),
    stalled: (task) =>
      say(task, `stalled: still ${task.state} after ${secondsSince(task)} s; stopped waiting`),
    timeout: (task) => say(task, `timed out while ${task.state}`),
    downloadProgress: () => undefined,
    downloaded: (task, _videoId, result) =>
      say(
        task,
        `${result.reused ? 'already saved' : 'saved'} ${result.path} (${formatBytes(result.bytes)})`,
      ),
    downloadFailed: (task, videoId, error) =>
      say(task, `download of video ${videoId} failed: ${error}`),
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

// Wide (CJK, emoji) characters take two columns: count them so lines never wrap.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u;

export function fitColumns(text: string, columns: number): string {
  let width = 0;
  let out = '';
  for (const char of text) {
    const w = WIDE.test(char) ? 2 : 1;
    if (width + w > columns) break;
    out += char;
    width += w;
  }
  return out;
}

function bar(task: TrackedTask): string {
  const pct = task.state === 'finished' ? 100 : (task.progress ?? 0);
  const filled = Math.round((pct / 100) * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
}

export function createBarsView(terminal: Terminal, redrawMs = 100): WatchView {
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
      const pct = task.progress === null ? '   ' : `${String(task.progress).padStart(3)}%`;
      const head = `${ICONS[task.state] ?? '·'} ${task.state.padEnd(8)} ${bar(task)} ${pct}`;
      lines.push(`${head}  ${promptOf(task, 40) || task.id}${note ? `  ${note}` : ''}`);
      for (const text of downloads.values()) lines.push(`    ${text}`);
    }
    let text = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    for (const line of lines) text += `\r\x1b[2K${fitColumns(line, width)}\n`;
    // Clear lines left over from a taller previous drawing.
    for (let i = lines.length; i < drawnLines; i++) text += '\r\x1b[2K\n';
    terminal.write(text);
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
      row(task).note = retrying ? `retrying: ${retrying}` : '';
      schedule();
    },
    finished: (task) => note(task, ''),
    failed: (task, error) => note(task, error),
    stalled: (task) => note(task, `stalled after ${secondsSince(task)} s`),
    timeout: (task) => note(task, 'timed out'),
    downloadProgress(task, videoId, p) {
      const of = p.total === null ? '' : ` / ${formatBytes(p.total)}`;
      const rate = p.rate === null ? '' : `  ${formatBytes(p.rate)}/s`;
      row(task).downloads.set(videoId, `↓ ${formatBytes(p.bytes)}${of}${rate}`);
      schedule();
    },
    downloaded(task, videoId, result) {
      saved.push(result.path);
      row(task).downloads.set(
        videoId,
        `${result.reused ? '= already saved' : '↓ saved'} ${basename(result.path)} (${formatBytes(result.bytes)})`,
      );
      schedule();
    },
    downloadFailed(task, videoId, error) {
      row(task).downloads.set(videoId, `↓ failed: ${error}`);
      schedule();
    },
    close() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      draw();
      closed = true;
      // Full paths once at the end, where they can be copied.
      for (const path of saved) terminal.write(`Saved ${path}\n`);
    },
  };
}
