// "about 40 sec left" for a running task, from the finish time main predicts. Ticks each
// second while shown (only visible running cards mount it), and follows each new estimate.
import { useEffect, useState } from 'preact/hooks';
import { formatTimeLeft } from '../lib/media-text';
import { useT } from '../i18n/i18n';

export function TimeLeft({
  finishAt,
  short = false,
}: {
  finishAt: number | null | undefined;
  short?: boolean;
}) {
  useT(); // re-render when the language changes
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (finishAt == null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [finishAt]);
  if (finishAt == null) return null;
  return <span class="time-left">{formatTimeLeft(finishAt, now, short)}</span>;
}
