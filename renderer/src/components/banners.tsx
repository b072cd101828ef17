// The app-wide states a user must know about, most urgent first: token rejected or missing,
// offline (or the proxy failing while the network is up), paused, and a task list that had to be set aside.
import type { AppStatus } from '../../../preload/contract';
import { useT } from '../i18n/i18n';

export function Banners({
  status,
  onSettings,
  onResume,
  recoveredDismissed,
  onDismissRecovered,
  onSettingsView,
}: {
  status: AppStatus | null;
  /** The token field is already on screen: no need to point at it. */
  onSettingsView: boolean;
  onSettings: () => void;
  onResume: () => void;
  recoveredDismissed: boolean;
  onDismissRecovered: () => void;
}) {
  const { m } = useT();
  if (!status) return null;
  return (
    <div class="banners">
      {status.tokenState === 'rejected' ? (
        <div class="banner banner-error" role="alert">
          <span>{m.banners.tokenRejected}</span>
          <button type="button" class="btn btn-small" onClick={onSettings}>
            {m.banners.fixToken}
          </button>
        </div>
      ) : status.tokenState === 'missing' && !onSettingsView ? (
        <div class="banner banner-warn" role="status">
          <span>{m.banners.tokenMissing}</span>
          <button type="button" class="btn btn-small" onClick={onSettings}>
            {m.banners.addToken}
          </button>
        </div>
      ) : null}
      {!status.online ? (
        <div class="banner banner-warn" role="status">
          <span>{m.banners.offline}</span>
        </div>
      ) : status.proxyProblem ? (
        <div class="banner banner-warn" role="status">
          <span>
            {m.banners.proxyUnreachable} {status.proxyProblem.message} {m.banners.proxyAfter}
          </span>
        </div>
      ) : null}
      {status.paused ? (
        <div class="banner banner-info" role="status">
          <span>{m.banners.paused}</span>
          <button type="button" class="btn btn-small" onClick={onResume}>
            {m.banners.resume}
          </button>
        </div>
      ) : null}
      {status.storeRecoveredFrom && !recoveredDismissed ? (
        <div class="banner banner-warn" role="alert">
          <span>
            {m.banners.recoveredBefore} <code class="path">{status.storeRecoveredFrom}</code>{' '}
            {m.banners.recoveredAfter}
          </span>
          <button type="button" class="btn btn-small" onClick={onDismissRecovered}>
            {m.banners.ok}
          </button>
        </div>
      ) : null}
    </div>
  );
}
