// The downloader against the real fake Pika server (its media routes and faults) and a real
// temporary folder. File-system failures are injected through the downloader's fs port.
import { link, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { folderFiles } from '../../../test/support/download-folder';
import { useFakePikaAndTempDir } from '../../../test/support/fake-pika-env';
import type { FakePika } from '../../../test/fake-server/types';
import { finishedVideo, freshUrl, type FinishedVideo } from '../../../test/support/finished-video';
import { DownloadError } from './download-error';
import { downloadVideo, type DownloadOptions } from './download-video';
import { nodeFs, type DownloadFs } from './fs-port';
import type { DownloadProgress } from './progress-meter';
import { writeResumeRecord } from './resume-record';

// A garbage collector to call, so memory is measured live rather than as uncollected garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let fake: FakePika;
let dir: string;

const FAST: Partial<DownloadOptions> = {
  backoff: { baseMs: 5, maxMs: 20 },
  headersTimeoutMs: 3000,
  idleTimeoutMs: 3000,
  progressIntervalMs: 10,
};

useFakePikaAndTempDir('pika-dl-', (env) => ({ fake, dir } = env));

function mediaRequests(video: FinishedVideo) {
  const path = new URL(video.url).pathname;
  return fake.requests.filter((r) => r.path === path && r.method === 'GET');
}

async function expectSaved(video: FinishedVideo, path: string) {
  const saved = await readFile(path);
  expect(saved.equals(fake.mediaBytes(video.videoId))).toBe(true);
  expect((await readdir(dir)).filter((n) => /\.part|\.lock$/.test(n))).toEqual([]);
}

const files = folderFiles;

/** What a crashed run leaves beside its `.part`: the file's validator and size. */
async function writeRecord(video: FinishedVideo, partPath: string) {
  const head = await fetch(video.url, { method: 'HEAD' });
  await writeResumeRecord(partPath, {
    videoId: video.videoId,
    validator: head.headers.get('etag')!,
    total: Number(head.headers.get('content-length')),
  });
}

function failingFs(overrides: Partial<DownloadFs>): DownloadFs {
  return { ...nodeFs, ...overrides };
}

/** The real file system, with every write of the downloaded body passed through `write`. */
function onWrites(
  write: (chunk: Uint8Array, next: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): DownloadFs {
  return failingFs({
    async openForWrite(path, mode) {
      const file = await nodeFs.openForWrite(path, mode);
      return { ...file, write: (chunk) => write(chunk, file.write) };
    },
  });
}

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('downloadVideo', () => {
  it('saves the exact bytes under a prompt/seed/id name, reporting progress up to the total', async () => {
    const video = await finishedVideo(fake, { prompt: 'Apple evaporates', mediaBytes: 300_000 });
    const progress: DownloadProgress[] = [];
    const result = await downloadVideo(video, {
      ...FAST,
      dir,
      onProgress: (p) => progress.push(p),
    });
    expect(result.reused).toBe(false);
    expect(result.bytes).toBe(300_000);
    expect(result.path).toBe(
      join(dir, `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`),
    );
    await expectSaved(video, result.path);
    expect(progress.at(-1)).toMatchObject({ bytes: 300_000, total: 300_000 });
    const counts = progress.map((p) => p.bytes);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('saves the real fixture video byte for byte', async () => {
    const video = await finishedVideo(fake);
    const result = await downloadVideo(video, { ...FAST, dir });
    await expectSaved(video, result.path);
  });

  it('resumes with a Range request after the connection is reset mid-body', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 400_000 });
    fake.fault({ kind: 'media-reset', afterBytes: 150_000, count: 1 });
    const result = await downloadVideo(video, { ...FAST, dir });
    await expectSaved(video, result.path);
    const requests = mediaRequests(video);
    expect(requests.length).toBe(2);
    expect(requests[0]!.range).toBeUndefined();
    // The client keeps what reached it before the reset (the kernel may drop a little).
    expect(requests[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(requests[1]!.status).toBe(206);
  });

  it('restarts cleanly when the server ignores Range, and still saves the right bytes', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 400_000 });
    fake.fault({ kind: 'media-no-range' });
    fake.fault({ kind: 'media-reset', afterBytes: 150_000, count: 1 });
    const result = await downloadVideo(video, { ...FAST, dir });
    await expectSaved(video, result.path);
    const requests = mediaRequests(video);
    expect(requests.length).toBe(2);
    expect(requests[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(requests[1]!.status).toBe(200);
  });

  it('asks for a fresh URL once when the link has expired, then downloads', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 50_000 });
    fake.fault({ kind: 'media-expired', status: 403, count: 1 });
    const asked: string[] = [];
    const result = await downloadVideo(video, {
      ...FAST,
      dir,
      refreshUrl: async (taskId, videoId) => {
        asked.push(`${taskId}/${videoId}`);
        return freshUrl(fake, taskId, videoId);
      },
    });
    await expectSaved(video, result.path);
    expect(asked).toEqual([`${video.taskId}/${video.videoId}`]);
  });

  it.each([403, 404, 410] as const)(
    'fails as expired when the link still answers %i after one refresh',
    async (status) => {
      const video = await finishedVideo(fake, { mediaBytes: 50_000 });
      fake.fault({ kind: 'media-expired', status });
      let asked = 0;
      const error = await downloadVideo(video, {
        ...FAST,
        dir,
        refreshUrl: async (taskId, videoId) => {
          asked++;
          return freshUrl(fake, taskId, videoId);
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DownloadError);
      expect((error as DownloadError).kind).toBe('expired');
      expect((error as DownloadError).message).toMatch(new RegExp(`expired \\(HTTP ${status}\\)`));
      expect(asked).toBe(1);
      expect(mediaRequests(video).length).toBe(2);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('completes from a slow server, reporting a rate', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 120_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 400_000 });
    const progress: DownloadProgress[] = [];
    const started = Date.now();
    const result = await downloadVideo(video, {
      ...FAST,
      dir,
      progressIntervalMs: 50,
      onProgress: (p) => progress.push(p),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await expectSaved(video, result.path);
    const rates = progress.map((p) => p.rate).filter((r): r is number => r !== null);
    expect(rates.length).toBeGreaterThan(0);
    // Loose: the measured rate is of the order the server allowed, not the local disk speed.
    expect(Math.max(...rates)).toBeLessThan(4_000_000);
  });

  it('cancelled mid-download leaves only a .part, which the next run resumes', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 300_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 300_000 });
    const controller = new AbortController();
    const error = await downloadVideo(video, {
      ...FAST,
      dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 50_000) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as DownloadError).kind).toBe('aborted');
    const left = await files(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.mp4\.part$/);
    fake.clearFaults();
    const result = await downloadVideo(video, { ...FAST, dir });
    await expectSaved(video, result.path);
    expect(mediaRequests(video).at(-1)!.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('resumes a .part left by an earlier run (a crash) with Range', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 200_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    await writeFile(join(dir, `${name}.part`), fake.mediaBytes(video.videoId).subarray(0, 77_777));
    await writeRecord(video, join(dir, `${name}.part`));
    const result = await downloadVideo(video, { ...FAST, dir });
    await expectSaved(video, result.path);
    expect(mediaRequests(video).map((r) => r.range)).toEqual(['bytes=77777-']);
  });

  it('places a .part that already holds the whole file (crash before the rename)', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 50_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    await writeFile(join(dir, `${name}.part`), fake.mediaBytes(video.videoId));
    await writeRecord(video, join(dir, `${name}.part`));
    const result = await downloadVideo(video, { ...FAST, dir });
    expect(result).toEqual({ path: join(dir, name), bytes: 50_000, reused: false });
    await expectSaved(video, result.path);
    expect(mediaRequests(video).map((r) => [r.range, r.status])).toEqual([['bytes=50000-', 416]]);
  });

  it('a crash between placing the file and removing the .part: the file is kept, the .part goes', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 50_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    // Placing is a hard link then an unlink: a crash in between leaves both names (one file).
    await writeFile(join(dir, `${name}.part`), fake.mediaBytes(video.videoId));
    await writeRecord(video, join(dir, `${name}.part`));
    await link(join(dir, `${name}.part`), join(dir, name));
    const result = await downloadVideo(video, { ...FAST, dir });
    expect(result).toEqual({ path: join(dir, name), bytes: 50_000, reused: false });
    await expectSaved(video, result.path);
    expect(await files(dir)).toEqual([name]);
  });

  it('downloading the same video twice keeps one file', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 60_000 });
    const first = await downloadVideo(video, { ...FAST, dir });
    const second = await downloadVideo(video, { ...FAST, dir });
    expect(second).toEqual({ path: first.path, bytes: 60_000, reused: true });
    expect(await files(dir)).toHaveLength(1);
    // With the tracker's record of the earlier download, not even a request is made.
    const before = mediaRequests(video).length;
    const third = await downloadVideo(video, { ...FAST, dir, previous: first });
    expect(third.reused).toBe(true);
    expect(mediaRequests(video).length).toBe(before);
  });

  it('never overwrites a different file with the same name: the new one gets " (2)"', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 60_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    await writeFile(join(dir, name), 'not the video');
    const result = await downloadVideo(video, { ...FAST, dir });
    expect(result.path).toBe(join(dir, name.replace(/\.mp4$/, ' (2).mp4')));
    expect(await readFile(join(dir, name), 'utf8')).toBe('not the video');
    await expectSaved(video, result.path);
  });

  it('also picks a free name on file systems without hard links', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 30_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    await writeFile(join(dir, name), 'x');
    const fs = failingFs({
      link: async () => {
        throw errno('EPERM');
      },
    });
    const result = await downloadVideo(video, { ...FAST, dir, fs });
    expect(result.path).toBe(join(dir, name.replace(/\.mp4$/, ' (2).mp4')));
    await expectSaved(video, result.path);
  });

  it('starts again when something else wrote into the .part meanwhile', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 100_000 });
    let intruded = false;
    const fs = onWrites(async (chunk, next) => {
      await next(chunk);
      if (!intruded) {
        intruded = true;
        await next(Buffer.from('another writer'));
      }
    });
    const result = await downloadVideo(video, { ...FAST, dir, fs });
    await expectSaved(video, result.path);
    expect(mediaRequests(video)).toHaveLength(2);
  });

  it('fails clearly when the disk fills up, and keeps what was written for later', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 300_000 });
    let written = 0;
    const fs = onWrites(async (chunk, next) => {
      if (written + chunk.byteLength > 100_000) throw errno('ENOSPC');
      written += chunk.byteLength;
      await next(chunk);
    });
    const error = await downloadVideo(video, { ...FAST, dir, fs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).kind).toBe('disk-full');
    expect((error as DownloadError).needsUser).toBe(true);
    expect((error as DownloadError).message).toContain('The disk is full');
    expect((error as DownloadError).message).toContain(dir);
    // Not retried: one request only.
    expect(mediaRequests(video).length).toBe(1);
    expect((await files(dir)).every((n) => n.endsWith('.part'))).toBe(true);
  });

  it('fails clearly when the folder is not writable', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 30_000 });
    const fs = failingFs({
      openForWrite: async () => {
        throw errno('EACCES');
      },
    });
    const error = (await downloadVideo(video, { ...FAST, dir, fs }).catch(
      (e: unknown) => e,
    )) as DownloadError;
    expect(error.kind).toBe('not-writable');
    expect(error.message).toBe(
      `Cannot write to the download folder ${dir} (permission denied). Choose a folder you can write to.`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails clearly, without a request, when the folder is missing', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 30_000 });
    const missing = join(dir, 'gone');
    const error = (await downloadVideo(video, { ...FAST, dir: missing }).catch(
      (e: unknown) => e,
    )) as DownloadError;
    expect(error.kind).toBe('folder-missing');
    expect(error.message).toContain(`The download folder ${missing} does not exist`);
    expect(mediaRequests(video)).toEqual([]);
  });

  it('refuses non-http links without fetching', async () => {
    const base = { taskId: 't', videoId: 'v-0000-1111', prompt: 'x', seed: 1 };
    for (const url of ['file:///etc/passwd', 'ftp://example.com/a.mp4', 'not a url']) {
      const error = (await downloadVideo({ ...base, url }, { ...FAST, dir }).catch(
        (e: unknown) => e,
      )) as DownloadError;
      expect(error.kind).toBe('bad-url');
    }
  });

  it('keeps memory flat whatever the size, behind a slow disk: one chunk in flight', async () => {
    // Live memory is sampled beside the download: collect, let the collector free the
    // buffers' backing stores (done off-thread), collect again, read. Reading right after a
    // single gc() counts tens of MB of garbage whose stores were not yet released.
    const live = async () => {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const growth: Record<number, number> = {};
    // The small file comes first and also warms up what a first download loads once.
    for (const size of [4 * 1024 * 1024, 32 * 1024 * 1024]) {
      const video = await finishedVideo(fake, { mediaBytes: size });
      let inFlight = 0;
      let maxInFlight = 0;
      let maxChunk = 0;
      const fs = onWrites(async (chunk, next) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        maxChunk = Math.max(maxChunk, chunk.byteLength);
        try {
          // A disk slower than the network: a downloader that kept reading would pile up.
          await new Promise((resolve) => setTimeout(resolve, 1));
          await next(chunk);
        } finally {
          inFlight--;
        }
      });
      const baseline = await live();
      let peak = baseline;
      let running = true;
      const sampler = (async () => {
        while (running) {
          peak = Math.max(peak, await live());
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      })();
      const result = await downloadVideo(video, { ...FAST, dir, fs }).finally(() => {
        running = false;
      });
      await sampler;
      expect(result.bytes).toBe(size);
      expect(maxInFlight).toBe(1);
      expect(maxChunk).toBeLessThanOrEqual(1024 * 1024);
      const saved = await readFile(result.path);
      expect(saved.equals(fake.mediaBytes(video.videoId))).toBe(true);
      growth[size] = peak - baseline;
      await rm(result.path);
    }
    // Measured here: 0.5-8 MB for the small file (first-use costs included), 1-2 MB for the
    // large one, and 1-6 MB for 128 MB. A body held whole would add 32 MB for the large file;
    // a downloader outrunning the disk would grow with the file.
    expect(growth[4 * 1024 * 1024]).toBeLessThan(12 * 1024 * 1024);
    expect(growth[32 * 1024 * 1024]).toBeLessThan(12 * 1024 * 1024);
  });
});

describe('a hand-made CDN (redirects, busy and stalled answers the fake server does not give)', () => {
  let cdn: Server;
  let base: string;
  let target = '';
  const hits = new Map<string, number>();
  const log: { path: string; at: number; range: string | undefined }[] = [];
  // A file the hand-made CDN serves itself, for answers the fake server never gives.
  const BODY = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
  const rangeStart = (header: string | undefined) =>
    Number(/^bytes=(\d+)-$/.exec(header ?? '')?.[1]);

  beforeAll(async () => {
    // A real server standing in for CDN behaviour the fake Pika server does not imitate.
    cdn = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const hit = (hits.get(url.pathname) ?? 0) + 1;
      hits.set(url.pathname, hit);
      const hops = Number(url.searchParams.get('hops') ?? 0);
      log.push({ path: url.pathname, at: performance.now(), range: req.headers.range });
      const from = rangeStart(req.headers.range);
      switch (url.pathname) {
        case '/loop':
          res.writeHead(302, { location: `/loop?hops=${hops + 1}` }).end();
          return;
        case '/to-file':
          res.writeHead(302, { location: 'file:///etc/passwd' }).end();
          return;
        case '/busy':
          // Busy twice (once with Retry-After), then the real file.
          if (hit === 1) res.writeHead(503, { 'retry-after': '0' }).end('busy');
          else if (hit === 2) res.writeHead(502).end('bad gateway');
          else res.writeHead(307, { location: target }).end();
          return;
        case '/short-total':
          // A complete HTTP answer that is not the whole file: a part nobody asked for.
          if (!Number.isFinite(from)) {
            res.writeHead(206, {
              'content-range': 'bytes 0-7999/20000',
              'content-length': '8000',
              etag: '"short"',
            });
            res.end(BODY.subarray(0, 8000));
          } else {
            res.writeHead(206, {
              etag: '"short"',
              'content-range': `bytes ${from}-19999/20000`,
              'content-length': String(20_000 - from),
            });
            res.end(BODY.subarray(from));
          }
          return;
        case '/chunked':
          // No Content-Length: the size is known only once the body has ended.
          res.writeHead(200, { 'content-type': 'video/mp4' });
          res.write(BODY.subarray(0, 5000));
          res.end(BODY.subarray(5000));
          return;
        case '/overlong':
          // First a body longer than the file it announces, then the file as it is.
          if (hit === 1) {
            res.writeHead(206, {
              'content-range': 'bytes 0-29999/20000',
              'content-length': '30000',
            });
            res.end(Buffer.concat([BODY, BODY.subarray(0, 10_000)]));
          } else {
            res.writeHead(200, { 'content-length': '20000' }).end(BODY);
          }
          return;
        case '/always-busy':
          res.writeHead(503).end('busy');
          return;
        case '/stall':
          // Announces 1000 bytes, sends 10 and then nothing: only an idle timeout ends it.
          res.writeHead(200, { 'content-length': '1000' });
          res.write(Buffer.alloc(10, 1));
          return;
        default:
          res.writeHead(307, { location: target }).end();
      }
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const address = cdn.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    cdn.closeAllConnections();
    await new Promise((resolve) => cdn.close(resolve));
  });
  beforeEach(() => {
    hits.clear();
    log.length = 0;
  });

  it('follows a redirect to the media URL', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    target = video.url;
    const result = await downloadVideo({ ...video, url: `${base}/go` }, { ...FAST, dir });
    await expectSaved(video, result.path);
  });

  it('refuses a redirect to a non-http scheme and a redirect loop', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    const toFile = (await downloadVideo(
      { ...video, url: `${base}/to-file` },
      { ...FAST, dir },
    ).catch((e: unknown) => e)) as DownloadError;
    expect(toFile.kind).toBe('bad-url');
    const loop = (await downloadVideo(
      { ...video, url: `${base}/loop` },
      { ...FAST, dir, maxRedirects: 3 },
    ).catch((e: unknown) => e)) as DownloadError;
    expect(loop.kind).toBe('bad-url');
    expect(loop.message).toContain('more than 3 times');
    expect(hits.get('/loop')).toBe(4);
  });

  it('retries 5xx answers with backoff, then downloads', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    target = video.url;
    const result = await downloadVideo({ ...video, url: `${base}/busy` }, { ...FAST, dir });
    await expectSaved(video, result.path);
    expect(hits.get('/busy')).toBe(3);
  });

  it('checks the size received against the announced one: too few bytes resume, too many start over', async () => {
    const video = {
      taskId: 't',
      videoId: 'f00dbabe-0000-0000-0000-000000000000',
      prompt: 'x',
      seed: 1,
    };
    const short = await downloadVideo({ ...video, url: `${base}/short-total` }, { ...FAST, dir });
    expect((await readFile(short.path)).equals(BODY)).toBe(true);
    expect(log.map((l) => l.range)).toEqual([undefined, 'bytes=8000-']);
    await rm(short.path);

    log.length = 0;
    const long = await downloadVideo({ ...video, url: `${base}/overlong` }, { ...FAST, dir });
    expect(long.bytes).toBe(20_000);
    expect((await readFile(long.path)).equals(BODY)).toBe(true);
    // The oversized .part was thrown away: the second request starts from the beginning.
    expect(log.map((l) => l.range)).toEqual([undefined, undefined]);
    expect(await files(dir)).toEqual([basename(long.path)]);
  });

  it('recognises the same video saved before even when the server gives no length', async () => {
    const video = {
      taskId: 't',
      videoId: 'c0ffee00-0000-0000-0000-000000000000',
      prompt: 'x',
      seed: 1,
      url: `${base}/chunked`,
    };
    const first = await downloadVideo(video, { ...FAST, dir });
    expect(first).toMatchObject({ bytes: 20_000, reused: false });
    expect((await readFile(first.path)).equals(BODY)).toBe(true);
    const second = await downloadVideo(video, { ...FAST, dir });
    expect(second).toEqual({ path: first.path, bytes: 20_000, reused: true });
    expect(await files(dir)).toEqual([basename(first.path)]);
  });

  it('waits longer after each failure in a row (exponential backoff with jitter)', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    await downloadVideo(
      { ...video, url: `${base}/always-busy` },
      { ...FAST, dir, retries: 3, backoff: { baseMs: 100, maxMs: 10_000 } },
    ).catch(() => undefined);
    const gaps = log.slice(1).map((l, i) => l.at - log[i]!.at);
    expect(gaps).toHaveLength(3);
    // Waits are drawn from [base/2, base] * 2^(n-1): 50-100, 100-200, then 200-400 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(48);
    expect(gaps[0]).toBeLessThan(200); // a loaded machine may add some, never 100 ms
    expect(gaps[1]).toBeGreaterThanOrEqual(98);
    expect(gaps[2]).toBeGreaterThanOrEqual(198);
    expect(gaps[2]).toBeGreaterThan(gaps[0]!);
  });

  it('gives up on a server that stays busy after a bounded number of tries', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    const error = (await downloadVideo(
      { ...video, url: `${base}/always-busy` },
      { ...FAST, dir, retries: 3 },
    ).catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.message).toBe(
      'The download failed after 4 attempts: The video server answered HTTP 503.',
    );
    expect(hits.get('/always-busy')).toBe(4);
  });

  it('times out a body that stops arriving, retries a bounded number of times, keeps the .part', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    const error = (await downloadVideo(
      { ...video, url: `${base}/stall` },
      { ...FAST, dir, idleTimeoutMs: 100, retries: 2 },
    ).catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /failed after 3 attempts: The video server did not send data in time/,
    );
    expect(hits.get('/stall')).toBe(3);
    const left = await files(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.part$/);
  });
});
