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
});
