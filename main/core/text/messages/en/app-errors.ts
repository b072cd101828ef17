// What the window's actions on tasks and videos answer when they cannot be done, and the IPC
// door's refusals (normally never seen: only a foreign or broken caller meets them).
import { defineCatalog } from '../../../i18n';

export const appErrorsEn = defineCatalog({
  taskGone: 'That task is no longer in the list.',
  videoGone: 'That video is no longer in the list.',
  videoNotInTask: 'That video is not part of this task.',
  noLink: 'This video has no link yet.',
  openFailed: (why: string) => `The video could not be opened: ${why}`,
  dragFailed: (why: string) => `The drag could not start: ${why}`,
  notDownloaded: 'The video has not been downloaded yet.',
  stillDownloading: 'The video is still downloading.',
  fileGone: 'The downloaded file is gone (moved or deleted). Download it again.',
  folderGone: 'The download folder does not exist any more.',
  outsideFolder: 'The file is outside the download folder, so Pika Tray will not open it.',
  notAFile: 'The downloaded file is not a regular file.',
  notReady: 'The video is not ready to download yet.',
  badLink: 'That link is not a valid URL.',
  httpsOnly: 'Only https:// links can be opened.',
  linkCredentials: 'Links with credentials are not opened.',
  unknownChannel: (channel: string) => `Unknown channel ${channel}.`,
  notTheWindow: (channel: string) => `Refused ${channel}: the caller is not the Pika Tray window.`,
  /** `issues` are the schema's own words (argument path and problem). */
  invalidArguments: (channel: string, issues: string) =>
    `Invalid arguments for ${channel}: ${issues}`,
});
