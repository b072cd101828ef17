// The tracker stores a video's download as plain data (VideoDownload); these build that record
// from what the downloader reports, so the app and the command line record it the same way.
import type { VideoDownload } from '../tasks/model';
import type { MessageRef } from '../text/message-ref';
import type { DownloadError } from './download-error';
import type { DownloadResult } from './download-video';
import type { DownloadProgress } from './progress-meter';

export function downloadingRecord(progress: DownloadProgress): VideoDownload {
  return {
    status: 'downloading',
    bytes: progress.bytes,
    total: progress.total,
    rate: progress.rate,
  };
}

export function doneRecord(result: DownloadResult): VideoDownload {
  return { status: 'done', path: result.path, bytes: result.bytes };
}

export function failedRecord(error: DownloadError | Error): VideoDownload {
  const ref = (error as { ref?: MessageRef }).ref;
  return ref
    ? { status: 'failed', message: error.message, ref }
    : { status: 'failed', message: error.message };
}

/** A finished earlier download worth offering to the downloader for reuse. */
export function previousOf(
  record: VideoDownload | undefined,
): { path: string; bytes: number } | null {
  return record?.status === 'done' ? { path: record.path, bytes: record.bytes } : null;
}
