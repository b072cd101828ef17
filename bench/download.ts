// `download`: a 200 MB video from the fake server (its own process) served over https with a
// CA made for the run, as CDNs serve; our downloader (one process of its own) vs curl on the
// same URL, with the same durability (curl, then an fsync of its file, as ours fsyncs before
// it names the file), alternated round by round. Twice: directly, and through the loopback
// CONNECT proxy (its own process) as `curl -x`. Then a download cut at 50 % by the server and
// resumed, counting the bytes fetched to finish.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCa } from '../test/support/test-ca';
import { startWorker, type Worker } from './lib/child';
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
const ROUNDS = 7;
const MB = 1024 * 1024;

interface Downloaded {
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  rssBeforeMb: number;
  sampledPeakMb: number;
  peakRssMb: number;
}

interface CurlRun {
  seconds: number;
  /** User + system CPU of curl and the fsync, from bash's `times`. */
  cpuSeconds: number;
}

/**
 * curl, then `sync FILE` (an fsync of that file): the guarantee ours gives before it names the
 * file (the bytes are on the disk, not only in the page cache).
 */
function curlThenFsync(args: string[], file: string): Promise<CurlRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const script = 'curl -s -o "$0" "$@" && sync "$0"; status=$?; times; exit $status';
    const child = spawn('bash', ['-c', script, file, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // Only the proxy named in `args`: none from the environment.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`curl then sync exited ${code}`));
      const seconds = (performance.now() - started) / 1000;
      // `times`: the shell's own user/system, then its children's.
      const children = out.trim().split('\n').at(-1) ?? '';
      const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
        (m) => Number(m[1]) * 60 + Number(m[2]),
      );
      resolve({ seconds, cpuSeconds: parts.reduce((a, b) => a + b, 0) });
    });
  });
}

/** Each download starts with no other file's unwritten pages for the kernel to flush. */
function flushDisk(): void {
  spawnSync('sync');
}

function resultUrl(url: string, token: string, taskId: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpsGet(
      `${url}/pika/feed/${taskId}`,
      { ca, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          const body = JSON.parse(text) as { videos: { resultUrl: string }[] };
          resolve(body.videos[0]?.resultUrl ?? '');
        });
      },
    ).on('error', reject);
  });
}

interface Mode {
  name: 'https' | 'proxy';
  url: string;
  curlArgs: string[];
  network: { ca: string; proxy?: string };
}

async function compare(
  mode: Mode,
  worker: Worker,
  video: Record<string, unknown>,
  dir: string,
): Promise<{ curl: CurlRun[]; ours: Downloaded[] }> {
  const curl: CurlRun[] = [];
  const ours: Downloaded[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const file = join(dir, `curl-${mode.name}-${i}.mp4`);
    flushDisk();
    curl.push(await curlThenFsync([...mode.curlArgs, mode.url], file));
    await rm(file);
    const runDir = await mkdtemp(join(dir, 'ours-'));
    flushDisk();
    ours.push(
      await worker.request<Downloaded>({
        type: 'download',
        video: { ...video, url: mode.url },
        dir: runDir,
        network: mode.network,
      }),
    );
    await rm(runDir, { recursive: true });
  }
  return { curl, ours };
}

export async function runDownload(): Promise<BenchResult> {
  log(
    `download: 200 MB over https, directly and through a loopback proxy; ours vs curl then fsync, median of ${ROUNDS} (alternated)`,
  );
  const server = startWorker('workers/fake-server.ts');
  const proxyWorker = startWorker('workers/proxy.ts');
  const dir = await mkdtemp(join(tmpdir(), 'pika-bench-dl-'));
  try {
    const ca = createTestCa('Pika Tray Bench CA');
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, ca.cert);
    const { url, token } = await server.request<{ url: string; token: string }>({
      type: 'start',
      tls: ca.issue(['127.0.0.1', 'cdn.pika.test']),
    });
    const port = Number(new URL(url).port);
    const proxyUrl = await proxyWorker.request<string>({
      type: 'start',
      hosts: { 'cdn.pika.test': port },
    });
    const [taskId] = await server.request<string[]>({
      type: 'add',
      specs: [{ queuedMs: 0, runMs: 0, mediaBytes: SIZE, prompt: 'bench download' }],
    });
    const direct = await resultUrl(url, token, taskId as string, ca.cert);
    const proxied = direct.replace(`//127.0.0.1:${port}/`, '//cdn.pika.test/');
    const video = {
      taskId: taskId as string,
      videoId: taskId as string,
      url: direct,
      prompt: 'bench download',
      seed: 1,
    };
    const modes: Mode[] = [
      { name: 'https', url: direct, curlArgs: ['--cacert', caFile], network: { ca: ca.cert } },
      {
        name: 'proxy',
        url: proxied,
        curlArgs: ['--cacert', caFile, '-x', proxyUrl],
        network: { ca: ca.cert, proxy: proxyUrl },
      },
    ];
    // The small fixture video the downloader process fetches first (not measured).
    const [smallId] = await server.request<string[]>({
      type: 'add',
      specs: [{ queuedMs: 0, runMs: 0, prompt: 'warm up' }],
    });
    const small = {
      ...video,
      taskId: smallId as string,
      videoId: smallId as string,
      url: await resultUrl(url, token, smallId as string, ca.cert),
      prompt: 'warm up',
    };
    const results: Record<string, { curl: CurlRun[]; ours: Downloaded[] }> = {};
    // One downloader process for every round, as the app downloads in its long-running main
    // process; each download resets the kernel's RSS high-water mark, so its peak is its own.
    const worker = startWorker('workers/downloader.ts');
    try {
      await worker.request({ type: 'ping' });
      for (const mode of modes) {
        await worker.request({
          type: 'warm',
          video: {
            ...small,
            url:
              mode.name === 'https'
                ? small.url
                : small.url.replace(`//127.0.0.1:${port}/`, '//cdn.pika.test/'),
          },
          dir: await mkdtemp(join(dir, 'warm-')),
          network: mode.network,
        });
      }
      for (const mode of modes) results[mode.name] = await compare(mode, worker, video, dir);
    } finally {
      await worker.stop();
    }

    const mbps = (seconds: number) => SIZE / MB / seconds;
    const median = (xs: number[]) => percentile(xs, 50);
    const summary = (name: string) => {
      const r = results[name] as { curl: CurlRun[]; ours: Downloaded[] };
      const curlMBps = mbps(median(r.curl.map((c) => c.seconds)));
      const oursMBps = mbps(median(r.ours.map((o) => o.seconds)));
      return {
        curlThenFsyncMBps: round(curlMBps, 1),
        oursMBps: round(oursMBps, 1),
        throughputRatio: ratio(oursMBps, curlMBps),
        curlCpuSecondsPer200Mb: round(median(r.curl.map((c) => c.cpuSeconds)), 3),
        oursCpuSecondsPer200Mb: round(median(r.ours.map((o) => o.cpuSeconds)), 3),
        curlSecondsEach: r.curl.map((c) => round(c.seconds, 2)),
        oursSecondsEach: r.ours.map((o) => round(o.seconds, 2)),
        peakRssGrowthMb: round(
          Math.max(...r.ours.map((o) => Math.max(o.peakRssMb, o.sampledPeakMb) - o.rssBeforeMb)),
          1,
        ),
        sampledRssGrowthMb: round(
          Math.max(...r.ours.map((o) => o.sampledPeakMb - o.rssBeforeMb)),
          1,
        ),
      };
    };
    const https = summary('https');
    const proxy = summary('proxy');
    const growth = Math.max(https.peakRssGrowthMb, proxy.peakRssGrowthMb);

    // Interrupted at 50 % (https, direct): the server cuts the body, the downloader resumes.
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
      await cutWorker.request<Downloaded>({
        type: 'download',
        video,
        dir: runDir,
        network: { ca: ca.cert },
      });
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
      rounds: ROUNDS,
      https,
      proxy,
      peakRssGrowthMb: round(growth, 1),
      interrupted: {
        cutAtMb: round(cutAt / MB, 1),
        mediaRequests,
        resumedFromMb: round(resumeFrom / MB, 2),
        fetchedToFinishMb: round(fetchedToFinish / MB, 2),
        remainingAtCutMb: round(remainingAtCut / MB, 2),
      },
    };
    table([
      ['', 'curl + fsync', 'ours', 'ours/curl'],
      [
        `https MB/s (median of ${ROUNDS})`,
        https.curlThenFsyncMBps,
        https.oursMBps,
        https.throughputRatio,
      ],
      [
        `proxy MB/s (median of ${ROUNDS})`,
        proxy.curlThenFsyncMBps,
        proxy.oursMBps,
        proxy.throughputRatio,
      ],
      ['https CPU s per 200 MB', https.curlCpuSecondsPer200Mb, https.oursCpuSecondsPer200Mb, '-'],
      ['proxy CPU s per 200 MB', proxy.curlCpuSecondsPer200Mb, proxy.oursCpuSecondsPer200Mb, '-'],
      ['peak RSS growth MB', '-', figures.peakRssGrowthMb, '-'],
      ['after cut at 50 %: MB fetched to finish', '-', figures.interrupted.fetchedToFinishMb, '-'],
    ]);
    const targets = [
      atLeast('download: https, ours / (curl then fsync)', https.throughputRatio, 0.9),
      atLeast(
        'download: through the proxy, ours / (curl -x then fsync)',
        proxy.throughputRatio,
        0.9,
      ),
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
    await proxyWorker.request({ type: 'close' }).catch(() => undefined);
    await server.stop();
    await proxyWorker.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
