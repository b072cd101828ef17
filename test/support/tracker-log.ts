// The tracker's pause switch and re-check as a log of calls, in order: what pause control and
// the power events are tested against.
export function trackerLog() {
  const calls: string[] = [];
  return {
    calls,
    tracker: {
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      pollAllNow: () => calls.push('pollAllNow'),
    },
  };
}
