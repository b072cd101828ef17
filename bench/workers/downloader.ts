// Our downloader in its own process: one download per request, answered with its time and
// what it cost in memory (peak RSS is the kernel's high-water mark; RSS is also sampled at
// every progress report, so a peak from before the download cannot pass for growth).
import { downloadVideo, type VideoToDownload } from '../../main/core/download/index';
import { peakRssMb, serveRequests } from '../lib/child';

const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;

serveRequests(async (message) => {
  if (message.type !== 'download') throw new Error(`unknown message ${String(message.type)}`);
  globalThis.gc?.();
  const rssBeforeMb = rssMb();
  let sampledPeakMb = rssBeforeMb;
  const started = performance.now();
  const result = await downloadVideo(message.video as VideoToDownload, {
    dir: message.dir as string,
    backoff: { baseMs: 50, maxMs: 200 },
    onProgress: () => {
      sampledPeakMb = Math.max(sampledPeakMb, rssMb());
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    bytes: result.bytes,
    path: result.path,
    seconds,
    rssBeforeMb,
    sampledPeakMb: Math.max(sampledPeakMb, rssMb()),
    peakRssMb: peakRssMb(),
  };
});
