// Knows whether we are online without a timer while all is well: a network error from the
// feed prompts a check, and only while offline is the connection re-checked every few
// seconds until it is back. `isOnline` is Electron's net.isOnline() in the app.

export interface OnlineWatch {
  online(): boolean;
  /** A request failed at the network level: check whether we are offline. */
  networkFailed(): void;
  /** A request got an answer: we are online. */
  answered(): void;
  close(): void;
}

export function createOnlineWatch(options: {
  isOnline(): boolean;
  onChange(online: boolean): void;
  recheckMs?: number;
}): OnlineWatch {
  const recheckMs = options.recheckMs ?? 5000;
  let online = true;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stopTimer = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const setOnline = (value: boolean): void => {
    if (value === online) return;
    online = value;
    if (online) stopTimer();
    else timer ??= setInterval(check, recheckMs);
    options.onChange(online);
  };
  function check(): void {
    setOnline(options.isOnline());
  }
  return {
    online: () => online,
    networkFailed: check,
    answered: () => setOnline(true),
    close: stopTimer,
  };
}
