import type { VideoDownload } from '../../../preload/contract';
import { formatBytes } from '../lib/format';
import { ProgressBar } from './progress-bar';
import { useT } from '../i18n/i18n';

/** A download under way (bar and bytes) or failed (why, and Retry). */
export function DownloadLine({
  download,
  onRetry,
}: {
  download: VideoDownload;
  onRetry: () => void;
}) {
  const m = useT().m.download;
  if (download.status === 'downloading') {
    const pct = download.total ? (download.bytes / download.total) * 100 : null;
    return (
      <div class="download-line">
        <ProgressBar value={pct} label={m.progress} />
        <span class="download-text">
          {download.total
            ? m.of(formatBytes(download.bytes), formatBytes(download.total))
            : formatBytes(download.bytes)}
        </span>
      </div>
    );
  }
  if (download.status === 'failed') {
    return (
      <div class="download-line download-failed">
        <span class="download-text" title={download.message}>
          {m.failed(download.message)}
        </span>
        <button type="button" class="btn btn-small" onClick={onRetry}>
          {m.retry}
        </button>
      </div>
    );
  }
  return null;
}
