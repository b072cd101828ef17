// The token's credit as main last reported it. Asks main when the view mounts and whenever
// the window is shown again (main's policy decides whether a request is due), and follows
// main's credit:changed pushes. `refresh` is the Refresh button.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { NO_CREDIT_VIEW, type CreditView, type PikaBridge } from '../../../preload/contract';

export function useCredit(bridge: PikaBridge): {
  view: CreditView;
  /** Main has answered at least once (until then `view` is a placeholder). */
  loaded: boolean;
  refresh(): void;
  /** Asks as the window opening does: main's policy decides whether a request is due. */
  ask(): void;
} {
  const [view, setView] = useState<CreditView>(NO_CREDIT_VIEW);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const take = (next: CreditView) => {
      if (!live) return;
      setView(next);
      setLoaded(true);
    };
    const off = bridge.credit.onChange(take);
    const ask = () => {
      bridge.credit.refresh('open').then(take, () => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') ask();
    };
    ask();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      off();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [bridge]);
  const refresh = useCallback(() => {
    bridge.credit.refresh('manual').then(setView, () => undefined);
  }, [bridge]);
  const ask = useCallback(() => {
    bridge.credit.refresh('open').then(setView, () => undefined);
  }, [bridge]);
  return { view, loaded, refresh, ask };
}
