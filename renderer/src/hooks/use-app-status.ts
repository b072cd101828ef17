// Main's view of the app (paused, online, token state), kept current by 'app:status' pushes.
import { useEffect, useState } from 'preact/hooks';
import type { AppStatus, PikaBridge } from '../../../preload/contract';

export function useAppStatus(bridge: PikaBridge): [AppStatus | null, (s: AppStatus) => void] {
  const [status, setStatus] = useState<AppStatus | null>(null);
  useEffect(() => {
    let pushed = false;
    const off = bridge.app.onStatus((s) => {
      pushed = true;
      setStatus(s);
    });
    bridge.app.status().then(
      (s) => {
        if (!pushed) setStatus(s);
      },
      () => undefined,
    );
    return off;
  }, [bridge]);
  return [status, setStatus];
}
