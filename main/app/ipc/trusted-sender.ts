// Who may call the main process: only our own window, showing our own renderer page. The
// webContents id pins the window; the URL check refuses our window after it was somehow
// navigated elsewhere (navigation is also blocked, this is the second lock).
import type { IpcSenderInfo } from './handler-types';

export interface RendererLocation {
  /** The URL the window loads the renderer from: app://renderer/index.html in the app. */
  pageUrl: string;
}

/**
 * True when `url` is a page of our renderer: the same scheme and the same host as the page
 * we load, compared exactly (parsed, never as a string prefix). The host is required, so a
 * host-less URL (file:, about:, data:) never passes.
 */
export function isRendererUrl(url: string, where: RendererLocation): boolean {
  let parsed: URL;
  let ours: URL;
  try {
    parsed = new URL(url);
    ours = new URL(where.pageUrl);
  } catch {
    return false;
  }
  return (
    ours.host !== '' &&
    parsed.protocol === ours.protocol &&
    // Hosts are case-insensitive; Chromium lower-cases a standard scheme's host, Node's URL
    // parser does not for a scheme it does not know.
    parsed.host.toLowerCase() === ours.host.toLowerCase() &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export function createSenderCheck(options: {
  /** The id of our window's webContents, or null when there is no window. */
  windowWebContentsId(): number | null;
  renderer: RendererLocation;
}): (sender: IpcSenderInfo) => boolean {
  return (sender) => {
    const id = options.windowWebContentsId();
    return (
      id !== null &&
      sender.webContentsId === id &&
      sender.isMainFrame &&
      sender.frameUrl !== null &&
      isRendererUrl(sender.frameUrl, options.renderer)
    );
  };
}
