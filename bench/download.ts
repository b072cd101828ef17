// `download`: a 200 MB video from the fake server (its own process), our downloader (one
// process of its own) vs `curl -s -o` on the same URL, alternated nine times (plus curl then an
// fsync, for reference); then a download cut at 50 % by the server and resumed, counting the
// bytes fetched to finish.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorker } from './lib/child';
import {
  atLeast,
  atMost,
  below,
  log,
  printTargets,
  ratio,
  table,
  type BenchResult,
} from './lib/report';
import { percentile, round } from './lib/stats';

const SIZE = 200 * 1024 * 1024;
const ROUNDS = 9;
const REFERENCE_ROUNDS = 3;
const MB = 1024 * 1024;

interface Downloaded {
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  rssBeforeMb: number;
  sampledPeakMb: number;
  peakRssMb: number;
}

function curl(url: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('curl', ['-s', '-o', file, url], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`curl exited ${code}`)),
    );
  });
}

/**
 * curl, then `sync FILE` (an fsync of that file): what curl takes to give the guarantee ours
 * gives before it names the file (the bytes are on the disk, not only in the page cache). Not
 * a target, a reference: it shows how much of any gap is that guarantee.
 */
async function curlThenFsync(url: string, file: string): Promise<number> {
  const started = performance.now();
  await curl(url, file);
  const synced = spawnSync('sync', [file]);
  if (synced.status !== 0) throw new Error(`sync ${file} exited ${synced.status}`);
  return (performance.now() - started) / 1000;
}

/** Each download starts with no other file's unwritten pages for the kernel to flush. */
function flushDisk(): void {
  spawnSync('sync');
}

async function resultUrl(url: string, token: string, taskId: string): Promise<string> {
  const res = await fetch(`${url}/pika/feed/${taskId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { videos: { resultUrl: string }[] };
  return body.videos[0]?.resultUrl ?? '';
}

export async function runDownload(): Promise<BenchResult> {
  log(`download: 200 MB, our downloader vs curl, median of ${ROUNDS} each (alternated)`);
  const server = startWorker('workers/fake-server.ts');
  const dir = await mkdtemp(join(tmpdir(), 'pika-bench-dl-'));
  try {
    const { url, token } = await server.request<{ url: string; token: string }>({
      type: 'start',
    });
    const [taskId] = await server.request<string[]>({
      type: 'add',
      specs: [{ queuedMs: 0, runMs: 0, mediaBytes: SIZE, prompt: 'bench download' }],
    });
    const video = {
      taskId: taskId as string,
      videoId: taskId as string,
      url: await resultUrl(url, token, taskId as string),
      prompt: 'bench download',
      seed: 1,
    };
    // The small fixture video the downloader process fetches first (not measured).
    const [smallId] = await server.request<string[]>({
      type: 'add',
      specs: [{ queuedMs: 0, runMs: 0, prompt: 'warm up' }],
    });
    const small = {
      ...video,
      taskId: smallId as string,
      videoId: smallId as string,
      url: await resultUrl(url, token, smallId as string),
      prompt: 'warm up',
    };
    const curlSeconds: number[] = [];
    const curlFsyncSeconds: number[] = [];
    const ours: Downloaded[] = [];
    // One downloader process for every round, as the app downloads in its long-running main
    // process; each download resets the kernel's RSS high-water mark, so its peak is its own.
    // Its first round is the first large download of a fresh process (after the small one).
    const worker = startWorker('workers/downloader.ts');
    try {
      await worker.request({ type: 'ping' });
      await worker.request({ type: 'warm', video: small, dir: await mkdtemp(join(dir, 'warm-')) });
      for (let i = 0; i < ROUNDS; i++) {
        flushDisk();
        curlSeconds.push(await curl(video.url, join(dir, `curl-${i}.mp4`)));
        await rm(join(dir, `curl-${i}.mp4`));
        const runDir = await mkdtemp(join(dir, 'ours-'));
        flushDisk();
        ours.push(await worker.request<Downloaded>({ type: 'download', video, dir: runDir }));
        await rm(runDir, { recursive: true });
      }
    } finally {
      await worker.stop();
    }
    // The reference runs after, not between: 200 MB more written and fsynced each round
    // changed the page cache the compared downloads then wrote into.
    for (let i = 0; i < REFERENCE_ROUNDS; i++) {
      flushDisk();
      curlFsyncSeconds.push(await curlThenFsync(video.url, join(dir, `curl-fsync-${i}.mp4`)));
      await rm(join(dir, `curl-fsync-${i}.mp4`));
    }
    // The target is judged on each side's median round. A 200 MB download takes ~0.15 s here
    // and single rounds of either side ran 25 % faster or 2x slower than that side's median,
    // so a best-of figure is decided by one lucky round of either side.
    const mbps = (seconds: number) => SIZE / MB / seconds;
    const median = (xs: number[]) => percentile(xs, 50);
    const oursSeconds = ours.map((o) => o.seconds);
    const curlMBps = mbps(median(curlSeconds));
    const oursMBps = mbps(median(oursSeconds));
    const curlMBpsBest = mbps(Math.min(...curlSeconds));
    const oursMBpsBest = mbps(Math.min(...oursSeconds));
    const curlFsyncMBps = mbps(median(curlFsyncSeconds));
    const growth = Math.max(
      ...ours.map((o) => Math.max(o.peakRssMb, o.sampledPeakMb) - o.rssBeforeMb),
    );

    // Interrupted at 50 %: the server cuts the body, the downloader resumes with a Range.
    const cutAt = SIZE / 2;
    await server.request({
      type: 'fault',
      fault: { kind: 'media-reset', afterBytes: cutAt, count: 1, taskId },
    });
    const cutWorker = startWorker('workers/downloader.ts');
    let resumeFrom = Number.NaN;
    let mediaRequests = 0;
    try {
      await cutWorker.request({ type: 'ping' });
      const runDir = await mkdtemp(join(dir, 'cut-'));
      const before = (
        await server.request<{ path: string }[]>({
          type: 'requests',
          full: true,
          pathPrefix: '/cdn/',
        })
      ).length;
      await cutWorker.request<Downloaded>({ type: 'download', video, dir: runDir });
      const log2 = (
        await server.request<{ path: string; range?: string; status: number }[]>({
          type: 'requests',
          full: true,
          pathPrefix: '/cdn/',
        })
      ).slice(before);
      mediaRequests = log2.length;
      const resumed = log2.find((r) => r.range !== undefined);
      resumeFrom = resumed ? Number(/^bytes=(\d+)-/.exec(resumed.range ?? '')?.[1]) : 0;
    } finally {
      await cutWorker.stop();
    }
    const fetchedToFinish = SIZE - resumeFrom;
    const remainingAtCut = SIZE - cutAt;

    const figures = {
      sizeMb: SIZE / MB,
      curlMBps: round(curlMBps, 1),
      oursMBps: round(oursMBps, 1),
      throughputRatio: ratio(oursMBps, curlMBps),
      // The same from each side's fastest round.
      curlMBpsBest: round(curlMBpsBest, 1),
      oursMBpsBest: round(oursMBpsBest, 1),
      throughputRatioBest: ratio(oursMBpsBest, curlMBpsBest),
      curlThenFsyncMBps: round(curlFsyncMBps, 1),
      throughputRatioVsCurlThenFsync: ratio(oursMBps, curlFsyncMBps),
      curlSecondsEach: curlSeconds.map((s) => round(s, 2)),
      curlThenFsyncSecondsEach: curlFsyncSeconds.map((s) => round(s, 2)),
      oursSecondsEach: ours.map((o) => round(o.seconds, 2)),
      // CPU time (user + system, all threads) of our process for each download.
      oursCpuSecondsEach: ours.map((o) => round(o.cpuSeconds, 3)),
      peakRssGrowthMb: round(growth, 1),
      // RSS sampled at each progress report (every 250 ms), minus RSS before: the steady part.
      sampledRssGrowthMb: round(Math.max(...ours.map((o) => o.sampledPeakMb - o.rssBeforeMb)), 1),
      rssBeforeMb: round(Math.min(...ours.map((o) => o.rssBeforeMb)), 1),
      interrupted: {
        cutAtMb: round(cutAt / MB, 1),
        mediaRequests,
        resumedFromMb: round(resumeFrom / MB, 2),
        fetchedToFinishMb: round(fetchedToFinish / MB, 2),
        remainingAtCutMb: round(remainingAtCut / MB, 2),
      },
    };
    table([
      ['', 'curl', 'ours', 'ours/curl'],
      [`MB/s (median of ${ROUNDS})`, figures.curlMBps, figures.oursMBps, figures.throughputRatio],
      [
        `MB/s (best of ${ROUNDS})`,
        figures.curlMBpsBest,
        figures.oursMBpsBest,
        figures.throughputRatioBest,
      ],
      [
        `MB/s, curl then fsync (median of ${REFERENCE_ROUNDS})`,
        figures.curlThenFsyncMBps,
        figures.oursMBps,
        figures.throughputRatioVsCurlThenFsync,
      ],
      ['peak RSS growth MB', '-', figures.peakRssGrowthMb, '-'],
      ['after cut at 50 %: MB fetched to finish', '-', figures.interrupted.fetchedToFinishMb, '-'],
    ]);
    const targets = [
      atLeast('download: throughput ours / curl', figures.throughputRatio, 0.9),
      below('download: peak RSS growth', growth, 30, ' MB'),
      atMost(
        'download: bytes fetched to finish after a cut at 50 %',
        fetchedToFinish / MB,
        remainingAtCut / MB + 1,
        ' MB',
      ),
    ];
    printTargets(targets);
    return { figures, targets };
  } finally {
    await server.request({ type: 'close' }).catch(() => undefined);
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
