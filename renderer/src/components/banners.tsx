// The app-wide states a user must know about, most urgent first: token rejected or missing,
// offline (or the proxy failing while the network is up), paused, and a task list that had to be set aside.
import type { AppStatus } from '../../../preload/contract';

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
  if (!status) return null;
  return (
    <div class="banners">
      {status.tokenState === 'rejected' ? (
        <div class="banner banner-error" role="alert">
          <span>
            The server rejected your API token. Checking is stopped until you set a new one.
          </span>
          <button type="button" class="btn btn-small" onClick={onSettings}>
            Fix token
          </button>
        </div>
      ) : status.tokenState === 'missing' && !onSettingsView ? (
        <div class="banner banner-warn" role="status">
          <span>Add your API token to start tracking tasks.</span>
          <button type="button" class="btn btn-small" onClick={onSettings}>
            Add token
          </button>
        </div>
      ) : null}
      {!status.online ? (
        <div class="banner banner-warn" role="status">
          <span>Offline. Tasks will be checked again when the connection is back.</span>
        </div>
      ) : status.proxyProblem ? (
        <div class="banner banner-warn" role="status">
          <span>
            Proxy unreachable: {status.proxyProblem.message} Tasks will be checked again; see
            Settings → Network.
          </span>
        </div>
      ) : null}
      {status.paused ? (
        <div class="banner banner-info" role="status">
          <span>Checking is paused.</span>
          <button type="button" class="btn btn-small" onClick={onResume}>
            Resume
          </button>
        </div>
      ) : null}
      {status.storeRecoveredFrom && !recoveredDismissed ? (
        <div class="banner banner-warn" role="alert">
          <span>
            Your saved task list could not be read. It was set aside at{' '}
            <code class="path">{status.storeRecoveredFrom}</code> and a fresh list was started.
          </span>
          <button type="button" class="btn btn-small" onClick={onDismissRecovered}>
            OK
          </button>
        </div>
      ) : null}
    </div>
  );
}
