// A clock for "3 min ago": one timer per caller, coarse enough to cost nothing.
import { useEffect, useState } from 'preact/hooks';

export function useNow(intervalMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
