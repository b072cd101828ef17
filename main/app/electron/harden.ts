// Locks a webContents to our own pages: no navigation, no new windows, no webviews, no
// permissions, and our CSP on every page of ours. A video's link opens through the
// tasks:open-link handler (URL looked up by main, https only), never through navigation.
import type { Session, WebContents } from 'electron';
import { withCsp } from '../window/security';

/** The origin only: a path or query may carry anything. Never throws. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
}

type Hardenable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
/** Contents already locked: 'web-contents-created' and the popover both ask for it. */
const hardened = new WeakSet<Hardenable>();

export function hardenWebContents(
  contents: Hardenable,
  log: (message: string) => void = () => {},
): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`Blocked navigation to ${originOf(url)}`);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
  },
  isOurPage: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isOurPage(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}
