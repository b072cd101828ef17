// The downloader's public surface, for the app and the command line.
export { downloadVideo } from './download-video';
export type { DownloadOptions, DownloadResult, VideoToDownload } from './download-video';
export type { DownloadProgress } from './progress-meter';
export { createDownloadQueue } from './download-queue';
export type {
  DownloadQueue,
  DownloadQueueEvents,
  EnqueueOptions,
  QueueOptions,
} from './download-queue';
export { DownloadError } from './download-error';
export type { DownloadErrorKind } from './download-error';
export { nodeFs } from './fs-port';
export type { DownloadFs, FileInfo, WritableFile } from './fs-port';
export { videoFileName, isNameOfVideo, sanitizeFileName } from './file-name';
export { doneRecord, downloadingRecord, failedRecord, previousOf } from './download-record';
