import type { VideoDownload } from '../../../preload/contract';
import { formatBytes } from '../lib/format';
import { ProgressBar } from './progress-bar';

/** A download under way (bar and bytes) or failed (why, and Retry). */
export function DownloadLine({
  download,
  onRetry,
}: {
  download: VideoDownload;
  onRetry: () => void;
}) {
  if (download.status === 'downloading') {
    const pct = download.total ? (download.bytes / download.total) * 100 : null;
    return (
      <div class="download-line">
        <ProgressBar value={pct} label="Download progress" />
        <span class="download-text">
          {formatBytes(download.bytes)}
          {download.total ? ` of ${formatBytes(download.total)}` : ''}
        </span>
      </div>
    );
  }
  if (download.status === 'failed') {
    return (
      <div class="download-line download-failed">
        <span class="download-text" title={download.message}>
          Download failed: {download.message}
        </span>
        <button type="button" class="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  return null;
}
