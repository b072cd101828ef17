// Every English word the main process shows people: tray menu and tooltip, notifications,
// native dialogs, update items, the credit line. Electron-free, so core modules take it as a
// parameter and the CLI's notifications use it too. zh-Hans.ts must cover exactly these keys.
import { defineCatalog } from '../i18n';

export const en = defineCatalog({
  tray: {
    tokenRejected: 'Pika token rejected — add a new one in Settings',
    waiting: (videos: string) => `${videos} waiting`,
    paused: 'Paused',
    pausedWaiting: (videos: string) => `Paused — ${videos} waiting to be checked`,
    offlineWaiting: (videos: string) => `Offline — ${videos} waiting for the connection`,
    proxyWaiting: (proxy: string, videos: string) =>
      `Proxy unreachable (${proxy}) — ${videos} waiting`,
    generating: (videos: string, progress: string) => `${videos} generating — ${progress}`,
    progressSeparator: ', ',
    offline: 'Offline',
    proxyUnreachable: (proxy: string) => `Proxy unreachable (${proxy})`,
    idle: 'Pika Tray — no videos generating',
    idleOffline: 'Pika Tray — offline',
    idleProxy: (proxy: string) => `Pika Tray — proxy unreachable (${proxy})`,
    stalled: 'stalled',
    queued: 'queued',
    starting: 'starting',
    videos: { one: '# video', other: '# videos' },
    newReady: { one: '# new video ready', other: '# new videos ready' },
    readyAndFailed: (ready: string, failed: number) => `${ready}, ${failed} failed`,
    failed: (videos: string) => `${videos} failed`,
  },
  menu: {
    open: 'Open Pika Tray',
    pause: 'Pause checking',
    resume: 'Resume checking',
    downloads: 'Open downloads folder',
    settings: 'Settings…',
    quit: 'Quit Pika Tray',
    credit: (left: string) => `Credit: ${left}`,
    unlimited: 'unlimited',
  },
  update: {
    check: 'Check for updates…',
    checking: 'Checking for updates…',
    downloading: (version: string) => `Downloading update ${version}…`,
    restartingAfterDownloads: (version: string) =>
      `Restarting to update to ${version} after downloads…`,
    restart: (version: string) => `Restart to update to ${version}`,
    download: (version: string) => `Download version ${version}…`,
    askDownloading: {
      one: 'A video is still downloading.',
      other: '# videos are still downloading.',
    },
    askDetail:
      'Restarting now stops them; they carry on from where they stopped when Pika Tray starts again.',
    restartWhenDone: 'Restart when downloads finish',
    restartNow: 'Restart now',
    cancel: 'Cancel',
    upToDateTitle: (product: string) => `${product} is up to date`,
    upToDateBody: (version: string) => `You have version ${version}, the newest there is.`,
    availableTitle: (product: string, version: string) => `${product} ${version} is available`,
    availableBody:
      'Click to open its download page. This install is updated by hand or by your package manager.',
    readyTitle: (product: string, version: string) => `${product} ${version} is ready`,
    readyBody: 'It installs when you quit. Click to restart now.',
    checkFailedTitle: 'Could not check for updates',
  },
  notify: {
    videoReady: 'Video ready',
    generationFailed: 'Generation failed',
    task: (id: string) => `Task ${id}`,
    noReason: 'The server gave no reason.',
    /** The server's own words, as it sent them, in whatever language. */
    serverSaid: (words: string) => `The server said: “${words}”`,
    readyTitle: { one: '# video ready', other: '# videos ready' },
    failedTitle: { one: '# video failed', other: '# videos failed' },
    readyAndFailedTitle: (ready: number, failed: number) => `${ready} ready, ${failed} failed`,
    more: (count: number) => `and ${count} more`,
    addFailed: (why: string) => `The task could not be added: ${why}`,
    nothingAdded: (why: string) => `Nothing was added: ${why}`,
    noTaskId: 'Nothing was added: No task id was found.',
    lowCreditTitle: 'Pika credit is running low',
    lowCreditBody: (remaining: string, threshold: string) =>
      `${remaining} left on this token (below your ${threshold} warning). Top it up before the next video is refused.`,
  },
  dialog: {
    chooseFolder: 'Choose the download folder',
    couldNotStart: (product: string) => `${product} could not start`,
    tokenOriginTitle: 'Send your token to a new server?',
    tokenOriginMessage: (to: string) => `Send your saved Pika API token to ${to}?`,
    tokenOriginSavedFor: (from: string) => `The token was saved for ${from}. `,
    tokenOriginDetail: (to: string) =>
      `The API base URL now points at ${to}. Only send it if you changed the URL ` +
      'yourself and trust that server; otherwise choose "Don\'t send" and enter a ' +
      'token for the new server in Settings.',
    dontSend: "Don't send",
    sendTo: (to: string) => `Send to ${to}`,
  },
});

export type MainCatalog = typeof en;
