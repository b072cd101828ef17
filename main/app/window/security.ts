// The window's security settings as plain data, so tests can assert them without Electron.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_CSP } from '../scheme/app-routes';

/**
 * Sent as a response header with every app:// answer (scheme/app-scheme.ts) and by the
 * end-to-end harness's server: one source, scheme/app-routes.ts.
 */
export const CONTENT_SECURITY_POLICY = APP_CSP;

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
    devTools: true,
  };
}

export function popoverWindowOptions(options: {
  preloadPath: string;
  icon?: string;
  isDev: boolean;
}): BrowserWindowConstructorOptions {
  const prefs = webPreferencesFor(options.preloadPath);
  prefs.devTools = options.isDev;
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    maximizable: false,
    minimizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Pika Tray',
    backgroundColor: '#1c1c1e',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: prefs,
  };
}

/** Adds our CSP to a response's headers, replacing any the server sent. */
export function withCsp(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
