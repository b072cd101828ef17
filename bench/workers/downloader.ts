// Our downloader in its own process: one download per request, answered with its time and
// what it cost in memory (peak RSS is the kernel's high-water mark; RSS is also sampled at
// every progress report; the high-water mark is reset just before the download starts).
import { writeFileSync } from 'node:fs';
import { downloadVideo, type VideoToDownload } from '../../main/core/download/index';
import { createHttpLayer, type HttpLayer } from '../../main/core/http/http-layer';
import { mediaAccessFor, type MediaAccess } from '../../main/core/http/media-access';
import { peakRssMb, serveRequests } from '../lib/child';

const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;

// One layer per network setup for the life of the process, as the app keeps one.
const layers = new Map<string, HttpLayer>();

/** `network`: {ca, proxy?}: trust the bench's CA, and go through the proxy when one is named. */
function accessFor(message: Record<string, unknown>): MediaAccess | undefined {
  const network = message.network as { ca: string; proxy?: string } | undefined;
  if (!network) return undefined;
  const key = network.proxy ?? 'direct';
  let layer = layers.get(key);
  if (!layer) {
    layer = createHttpLayer(
      network.proxy ? { mode: 'manual', proxyUrl: network.proxy } : { mode: 'direct' },
      { ca: network.ca },
    );
    layers.set(key, layer);
  }
  return mediaAccessFor(layer, null);
}

serveRequests(async (message) => {
  const access = accessFor(message);
  if (message.type === 'warm') {
    // A small download first, through the same code, into its own folder: by the time a video
    // finishes, the app has long been running (polling, posters, earlier videos), so the
    // measured download should not also pay for its code's first, cold run.
    await downloadVideo(message.video as VideoToDownload, {
      dir: message.dir as string,
      ...(access ? { access } : {}),
    });
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
    ...(access ? { access } : {}),
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
