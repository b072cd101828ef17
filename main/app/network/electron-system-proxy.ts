// The Electron side of "System proxy": Chromium's resolver as the core's port, and the
// events after which its answers may have changed. Chromium already follows the OS proxy
// settings and PAC files by itself; what it cannot tell us is that our cached answers are
// stale, so a wake-up drops them (and the online watch in compose.ts does on a lost or
// regained connection; the cache also ages out after a minute).
import type { PowerMonitor, Session } from 'electron';
import type { ResolveProxyPort } from '../../core/http/system-proxy-resolver';
import type { NetworkService } from './network-service';

/** session.resolveProxy as a port; the session is read per call (it exists once ready). */
export function electronResolveProxy(
  session: () => Pick<Session, 'resolveProxy'>,
): ResolveProxyPort {
  return (url) => session().resolveProxy(url);
}

/**
 * Drops cached proxy answers when the machine wakes (another network, or the proxy app not
 * yet running). Connect it before the power events that resume polling, so the first poll
 * after a wake already asks Chromium afresh.
 */
export function connectNetworkEvents(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  network: Pick<NetworkService, 'networkChanged'>,
): void {
  powerMonitor.on('resume', () => network.networkChanged());
  powerMonitor.on('unlock-screen', () => network.networkChanged());
}
