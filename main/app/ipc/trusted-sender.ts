// Who may call the main process: only our own window, showing our own renderer page. The
// webContents id pins the window; the URL check refuses our window after it was somehow
// navigated elsewhere (navigation is also blocked, this is the second lock).
import { pathToFileURL } from 'node:url';
import type { IpcSenderInfo } from './handler-types';

export interface RendererLocation {
  /** Absolute folder holding the built renderer (dist/renderer). */
  rendererDir: string;
  /** The Vite dev server's origin in development, e.g. http://localhost:5173. */
  devServerUrl?: string | null;
}

/** True when `url` is a page of our renderer: a file under rendererDir, or the dev server. */
export function isRendererUrl(url: string, where: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    const base = pathToFileURL(
      where.rendererDir.endsWith('/') ? where.rendererDir : `${where.rendererDir}/`,
    );
    // URL parsing has already resolved any ../ segments, so a prefix test is exact.
    return parsed.href.startsWith(base.href) && parsed.host === '';
  }
  if (where.devServerUrl) {
    const dev = new URL(where.devServerUrl);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin
    );
  }
  return false;
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
