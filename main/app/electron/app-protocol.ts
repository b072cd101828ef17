// Registers app:// with Electron. The scheme must be declared privileged before 'ready'
// (standard: real origins and relative URLs; secure: a secure context, like https), and its
// handler installed after. The window then loads app://renderer/index.html, so the page's
// 'self' is the app's own origin only, never every file on the disk as under file://.
import type { Protocol } from 'electron';
import { APP_SCHEME, createSchemeHandler, type RouteTable } from '../scheme/app-scheme';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // stream: a <video> from app://video plays while it loads and can seek (Range).
  privileges: { standard: true, secure: true, codeCache: true, stream: true },
} as const satisfies Electron.CustomScheme;

/** Before 'ready'. */
export function declareAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After 'ready': serves app:// from `routes`. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, routes: RouteTable): void {
  protocol.handle(APP_SCHEME, createSchemeHandler(routes));
}
