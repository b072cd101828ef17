// The tracked task: everything the feed said plus what we know locally. Plain data only, so
// it can be stored, sent over IPC and rendered without conversion.
import type { FeedVideo } from '../api/types';
import type { PikaErrorKind } from '../api/errors';
import type { MessageRef } from '../text/message-ref';

/** A task's place in its life. `stalled` = still running past the configured limit. */
export type TaskState = 'queued' | 'running' | 'finished' | 'failed' | 'stalled';

export interface TaskError {
  kind: PikaErrorKind | 'download';
  /** English, always kept: the words for older versions and readers that know no ref. */
  message: string;
  /** The same words as data, rendered in the reader's language (window, CLI, notices). */
  ref?: MessageRef;
}

/** Local download of one video of a task. */
export type VideoDownload =
  | { status: 'downloading'; bytes: number; total: number | null; rate: number | null }
  | { status: 'done'; path: string; bytes: number }
  | { status: 'failed'; message: string; ref?: MessageRef };

export interface TrackedTask {
  id: string;
  /** Empty until the first answer tells us. */
  promptText: string;
  videos: FeedVideo[];
  state: TaskState;
  progress: number | null;
  /** Epoch milliseconds. */
  addedAt: number;
  lastCheckedAt: number | null;
  /** When the task reached finished/failed. */
  endedAt: number | null;
  /** The last error met while polling this task (cleared by the next good answer). */
  lastError: TaskError | null;
  /** Feed requests made for this task. */
  attempts: number;
  /** Downloads by video id. */
  downloads: Record<string, VideoDownload>;
  /** False once finished/failed until the user has seen it (tray badge). */
  seen: boolean;
  /** Epoch ms a running task is expected to finish, from how fast its progress rises
   * (progress-eta.ts); null or absent while unknown. Not stored: it is remade by polling. */
  finishAt?: number | null;
}

/** A task as it is when its id is added: queued, nothing known of it until the first answer. */
export function newTask(id: string, addedAt: number): TrackedTask {
  return {
    id,
    promptText: '',
    videos: [],
    state: 'queued',
    progress: null,
    addedAt,
    lastCheckedAt: null,
    endedAt: null,
    lastError: null,
    attempts: 0,
    downloads: {},
    seen: true,
  };
}

/** True once a task needs no more polling unless the user asks for a re-check. */
export function isEnded(state: TaskState): boolean {
  return state === 'finished' || state === 'failed';
}
