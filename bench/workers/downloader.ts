// Our downloader in its own process: one download per request, answered with its time and
// what it cost in memory (peak RSS is the kernel's high-water mark; RSS is also sampled at
// every progress report; the high-water mark is reset just before the download starts).
import { writeFileSync } from 'node:fs';
import { downloadVideo, type VideoToDownload } from '../../main/core/download/index';
import { peakRssMb, serveRequests } from '../lib/child';

const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;

serveRequests(async (message) => {
  if (message.type === 'warm') {
    // A small download first, through the same code, into its own folder: by the time a video
    // finishes, the app has long been running (polling, posters, earlier videos), so the
    // measured download should not also pay for its code's first, cold run.
    await downloadVideo(message.video as VideoToDownload, { dir: message.dir as string });
    return null;
  }
  if (message.type !== 'download') throw new Error(`unknown message ${String(message.type)}`);
  globalThis.gc?.();
  const rssBeforeMb = rssMb();
  // The kernel's high-water mark otherwise still holds this process's start-up (loading and
  // compiling the TypeScript), which was measured at ~108 MB against ~88 MB before the
  // download and never reached during it: reset it (Linux) so the peak is the download's own.
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then still holds start-up (an upper bound), and
    // the sampled RSS bounds the growth from below.
  }
  let sampledPeakMb = rssBeforeMb;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await downloadVideo(message.video as VideoToDownload, {
    dir: message.dir as string,
    backoff: { baseMs: 50, maxMs: 200 },
    onProgress: () => {
      sampledPeakMb = Math.max(sampledPeakMb, rssMb());
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    bytes: result.bytes,
    path: result.path,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssBeforeMb,
    sampledPeakMb: Math.max(sampledPeakMb, rssMb()),
    peakRssMb: peakRssMb(),
  };
});
