// Why a video's download failed, as a person reads it on the task's card (core/download).
import { defineCatalog } from '../../../i18n';

export const downloadEn = defineCatalog({
  diskFull: (fileName: string, dir: string) =>
    `The disk is full: there is no space left to save ${fileName} in ${dir}. Free some space, then download again.`,
  folderMissing: (dir: string) =>
    `The download folder ${dir} does not exist. Create it or choose another folder.`,
  notAFolder: (dir: string) => `The download folder ${dir} is not a folder. Choose another folder.`,
  notWritable: (dir: string) =>
    `Cannot write to the download folder ${dir} (permission denied). Choose a folder you can write to.`,
  couldNotSave: (fileName: string, dir: string, detail: string) =>
    `Could not save ${fileName} in ${dir}: ${detail}`,
  folderNotCreated: (dir: string, detail: string) =>
    `The download folder ${dir} cannot be created: ${detail}`,
  cancelled: 'The download was cancelled.',
  stopped: 'The download was stopped.',
  badUrl: 'The video link is not a valid URL.',
  redirectNowhere: (status: number) =>
    `The video server sent a redirect (HTTP ${status}) without saying where to.`,
  tooManyRedirects: (count: number) => `The video link redirected more than ${count} times.`,
  downgraded: 'The video link redirected from https to plain http; the download was refused.',
  /** `what`: 'an answer' or 'data'. */
  timedOut: (what: string) => `The video server did not send ${what} in time.`,
  connFailed: (detail: string) => `The connection to the video server failed (${detail}).`,
  httpStatus: (status: number) => `The video server answered HTTP ${status}.`,
  emptyFile: 'The video server answered with an empty file (no bytes); nothing was saved.',
  closedEarly: (bytes: number, total: number) =>
    `The connection closed after ${bytes} of ${total} bytes.`,
  expired: (status: number, refreshed: number) =>
    `The video link has expired (HTTP ${status})${refreshed ? ' and asking the feed again gave no working link' : ''}.`,
  failedAfter: (attempts: number, last: string) =>
    `The download failed after ${attempts} attempts: ${last}`,
  failed: (detail: string) => `The download failed: ${detail}`,
  notAFile: (path: string) =>
    `${path} is not a regular file (a link or a device?); it was left alone. Remove it, then download again.`,
  noFreeName: (name: string, dir: string) =>
    `Could not find a free file name for ${name} in ${dir}.`,
  /** `limit` is already written for people ("2 GiB", "512 MiB"). */
  announcedTooLarge: (bytes: number, limit: string) =>
    `The video server announced ${bytes} bytes, more than the ${limit} a video may have; nothing was saved.`,
  compressed: (encoding: string) =>
    `The video server sent the video compressed (${encoding}) although it was asked not to; nothing was saved.`,
  partNotAsked: 'The video server sent part of the file that was not asked for.',
  emptyFile200:
    'The video server answered with an empty file (HTTP 200, 0 bytes); nothing was saved.',
  tooSlow: (kib: number, seconds: number) =>
    `The video server is too slow (under ${kib} KiB in ${seconds} s); the download stopped and resumes from where it is.`,
  moreThanAnnounced: (total: number) =>
    `The video server sent more than the ${total} bytes it announced.`,
  moreThanLimit: (limit: string) =>
    `The video server sent more than ${limit} without announcing a size; the download was stopped and nothing was saved.`,
  partChanged:
    'The partial file changed while downloading (is another download saving into the same folder?).',
  partsDoNotFit: 'The video server keeps sending parts that do not fit.',
  badScheme: (scheme: string) =>
    `The video link uses ${scheme}, but only http and https links are downloaded.`,
  plainHttp: (host: string) =>
    `The link ${host} uses plain http; videos and images are fetched over http only from a local gateway.`,
  internalAddress: (host: string, address: string) =>
    `The server's link points at ${host}${host === address ? '' : ` (${address})`}, an address inside this computer or its network; Pika Tray does not fetch from there unless the gateway itself is local.`,
});
