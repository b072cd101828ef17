// Issue 14: the downloader never saves a wrong file and never loses a video. Each hostile
// answer runs on a real loopback server (the fake Pika server's media faults, or a small
// server written here) and the bytes on disk are checked.
import { once } from 'node:events';
import { lstat, mkdir, readFile, readlink, symlink, utimes, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderFiles } from '../../../test/support/download-folder';
import { useFakePikaAndTempDir } from '../../../test/support/fake-pika-env';
import type { FakePika } from '../../../test/fake-server/types';
import { finishedVideo, type FinishedVideo } from '../../../test/support/finished-video';
import { createTestCa, type TestCa } from '../../../test/support/test-ca';
import { DownloadError } from './download-error';
import { downloadVideo, type DownloadOptions, type VideoToDownload } from './download-video';
import { nodeFs, type DownloadFs } from './fs-port';
import { INDEX_NAME } from './saved-index';
import { LOCK_SUFFIX, lockTarget } from './target-lock';

let fake: FakePika;
let dir: string;
useFakePikaAndTempDir('pika-dl14-', (env) => ({ fake, dir } = env));

const FAST: Partial<DownloadOptions> = {
  backoff: { baseMs: 5, maxMs: 20 },
  headersTimeoutMs: 3000,
  idleTimeoutMs: 3000,
  progressIntervalMs: 10,
  lockRetryMs: 20,
};

function mediaRequests(video: FinishedVideo) {
  const path = new URL(video.url).pathname;
  return fake.requests.filter((r) => r.path === path && r.method === 'GET');
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function listen(server: Server, scheme: 'http' | 'https'): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const body = (size: number, salt: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + salt + (i >> 7)) & 0xff));

function videoAt(url: string, videoId: string, prompt = 'hostile'): VideoToDownload {
  return { taskId: 't', videoId, url, prompt, seed: 7 };
}

let ca: TestCa;
beforeAll(() => {
  ca = createTestCa();
});

describe('1. resume integrity', () => {
  it('a 206 of another file (new ETag) after a cut is refused: the video saved is wholly the new file', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 400_000 });
    const before = fake.mediaBytes(video.videoId);
    fake.fault({ kind: 'media-swap', afterBytes: 150_000 });
    const result = await downloadVideo(video, { ...FAST, dir });
    const after = fake.mediaBytes(video.videoId);
    expect(after.equals(before)).toBe(false);
    const saved = await readFile(result.path);
    expect(saved.equals(after)).toBe(true);
    const requests = mediaRequests(video);
    // The cut, the hostile 206 (refused: its ETag is not the .part's), then the whole file.
    expect(requests.map((r) => [r.range === undefined, r.status])).toEqual([
      [true, 200],
      [false, 206],
      [true, 200],
    ]);
    expect(requests[1]!.ifRange).toBe(`"${video.videoId}-v-400000"`);
  });

  it('keeps the validator across a restart: the next run sends it as If-Range', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 300_000 });
    fake.fault({ kind: 'media-slow', bytesPerSecond: 300_000 });
    const controller = new AbortController();
    await downloadVideo(video, {
      ...FAST,
      dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 50_000) controller.abort();
      },
    }).catch(() => undefined);
    fake.clearFaults();
    // A new run: nothing in memory, only what is on disk.
    const result = await downloadVideo(video, { ...FAST, dir });
    expect((await readFile(result.path)).equals(fake.mediaBytes(video.videoId))).toBe(true);
    const last = mediaRequests(video).at(-1)!;
    expect(last.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(last.ifRange).toBe(`"${video.videoId}-v-300000"`);
    expect(last.status).toBe(206);
  });

  it('a 206 with the same ETag but another total is refused and the file fetched whole', async () => {
    const first = body(20_000, 1);
    let hit = 0;
    const seen: (string | undefined)[] = [];
    const base = await listen(
      createHttpServer((req, res) => {
        hit++;
        seen.push(req.headers.range);
        if (hit === 1) {
          res.writeHead(200, { 'content-length': '20000', etag: '"same"' });
          res.write(first.subarray(0, 8000), () => res.destroy());
        } else if (req.headers.range) {
          res.writeHead(206, {
            etag: '"same"',
            'content-range': 'bytes 8000-29999/30000',
            'content-length': '22000',
          });
          res.end(Buffer.alloc(22_000, 9));
        } else {
          res.writeHead(200, { 'content-length': '20000', etag: '"same"' }).end(first);
        }
      }),
      'http',
    );
    const result = await downloadVideo(videoAt(`${base}/v`, 'aaaa1111-x'), { ...FAST, dir });
    expect((await readFile(result.path)).equals(first)).toBe(true);
    expect(seen[1]).toMatch(/^bytes=\d+-$/);
    expect(seen[2]).toBeUndefined();
  });
});

describe('2. unrequested Content-Encoding', () => {
  it('a gzip answer fails clearly and saves nothing', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 100_000 });
    fake.fault({ kind: 'media-encoded' });
    const error = await failure(downloadVideo(video, { ...FAST, dir }));
    expect(error.message).toMatch(/compressed \(gzip\).*nothing was saved/);
    expect(await folderFiles(dir)).toEqual([]);
    expect(mediaRequests(video)).toHaveLength(1);
  });
});

describe('3. redirects', () => {
  it('refuses https -> http; https -> https is followed', async () => {
    const payload = body(5000, 3);
    let plainHits = 0;
    const plain = await listen(
      createHttpServer((_req, res) => {
        plainHits++;
        res.writeHead(200, { 'content-length': '5000' }).end(payload);
      }),
      'http',
    );
    const { key, cert } = ca.issue(['127.0.0.1']);
    const secure = await listen(
      createHttpsServer({ key, cert }, (req, res) => {
        if (req.url === '/down') res.writeHead(302, { location: `${plain}/v.mp4` }).end();
        else if (req.url === '/same') res.writeHead(302, { location: '/v.mp4' }).end();
        else res.writeHead(200, { 'content-length': '5000' }).end(payload);
      }) as unknown as Server,
      'https',
    );
    const error = await failure(
      downloadVideo(videoAt(`${secure}/down`, 'bbbb2222-x'), { ...FAST, dir, ca: ca.cert }),
    );
    expect(error.kind).toBe('bad-url');
    expect(error.message).toMatch(/https to plain http/);
    expect(plainHits).toBe(0);
    expect(await folderFiles(dir)).toEqual([]);
    const ok = await downloadVideo(videoAt(`${secure}/same`, 'cccc3333-x'), {
      ...FAST,
      dir,
      ca: ca.cert,
    });
    expect((await readFile(ok.path)).equals(payload)).toBe(true);
  });
});

describe('4. empty answers', () => {
  it('200 with Content-Length: 0 is a failed answer, not a 0-byte video', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 50_000 });
    fake.fault({ kind: 'media-empty' });
    const error = await failure(downloadVideo(video, { ...FAST, dir }));
    expect(error.message).toMatch(/empty file/);
    expect(await folderFiles(dir)).toEqual([]);
  });

  it('an empty body closed without a length is a failed answer too', async () => {
    const base = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { connection: 'close' });
        res.end();
      }),
      'http',
    );
    const error = await failure(
      downloadVideo(videoAt(`${base}/v`, 'dddd4444-x'), { ...FAST, dir }),
    );
    expect(error.message).toMatch(/empty file/);
    expect(await folderFiles(dir)).toEqual([]);
  });
});

describe('5. bounds', () => {
  it('an endless body without a length stops at the cap; nothing is kept', async () => {
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 5);
    const base = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        const pump = () => {
          while (!res.destroyed && sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('close', () => (closed = true));
        pump();
      }),
      'http',
    );
    const error = await failure(
      downloadVideo(videoAt(`${base}/v`, 'eeee5555-x'), { ...FAST, dir, maxBytes: 1024 * 1024 }),
    );
    expect(error.message).toMatch(/more than 1 MiB without announcing a size/);
    expect(await folderFiles(dir)).toEqual([]);
    await expect.poll(() => closed).toBe(true);
    // The connection was dropped near the cap, not read to the end.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('an announced size above the cap is refused before anything is written', async () => {
    const base = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
        res.end(Buffer.alloc(5 * 1024 * 1024));
      }),
      'http',
    );
    const error = await failure(
      downloadVideo(videoAt(`${base}/v`, 'ffff6666-x'), { ...FAST, dir, maxBytes: 1024 * 1024 }),
    );
    expect(error.message).toMatch(/announced 5242880 bytes, more than the 1 MiB/);
    expect(await folderFiles(dir)).toEqual([]);
  });

  it('a crawling server trips the rate floor; each retry resumes the .part, then it gives up', async () => {
    const payload = body(100_000, 6);
    const seen: { range?: string; ifRange?: string }[] = [];
    const timers = new Set<ReturnType<typeof setInterval>>();
    const base = await listen(
      createHttpServer((req, res) => {
        seen.push({ range: req.headers.range, ifRange: req.headers['if-range'] as string });
        const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
        const headers: Record<string, string> = {
          etag: '"slow"',
          'content-length': String(100_000 - from),
        };
        if (from > 0) headers['content-range'] = `bytes ${from}-99999/100000`;
        res.writeHead(from > 0 ? 206 : 200, headers);
        let at = from;
        // 20 bytes every 10 ms: about 2 KB/s, far under the floor below.
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          res.write(payload.subarray(at, at + 20));
          at += 20;
        }, 10);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
      }),
      'http',
    );
    try {
      const error = await failure(
        downloadVideo(videoAt(`${base}/v`, 'abab7777-x'), {
          ...FAST,
          dir,
          retries: 2,
          rateFloor: { bytes: 8 * 1024, windowMs: 300 },
        }),
      );
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/failed after 3 attempts: .*too slow/);
      expect(seen).toHaveLength(3);
      expect(seen[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);
      expect(seen[1]!.ifRange).toBe('"slow"');
      // The .part keeps what came, for a later resume.
      const [part] = await folderFiles(dir);
      expect(part).toMatch(/\.part$/);
      const kept = await readFile(join(dir, part!));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.equals(payload.subarray(0, kept.length))).toBe(true);
    } finally {
      for (const t of timers) clearInterval(t);
    }
  });
});

describe('6. a small body arriving with the close over TLS', () => {
  it('is saved whole, at the first request, even when the disk is slow to open the file', async () => {
    const payload = body(3000, 8);
    let hits = 0;
    const { key, cert } = ca.issue(['127.0.0.1']);
    const base = await listen(
      createHttpsServer({ key, cert }, (req, res) => {
        hits++;
        const untilClose = req.url?.includes('close');
        res.writeHead(
          200,
          untilClose ? { connection: 'close' } : { 'content-length': '3000', connection: 'close' },
        );
        res.end(payload);
      }) as unknown as Server,
      'https',
    );
    // A slow disk stand-in: the writer starts well after the body and the close have come.
    const slowFs: DownloadFs = {
      ...nodeFs,
      async openForWrite(path, mode) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return nodeFs.openForWrite(path, mode);
      },
    };
    for (let i = 0; i < 10; i++) {
      const kind = i % 2 === 0 ? 'length' : 'close';
      const result = await downloadVideo(videoAt(`${base}/${kind}/${i}`, `tls${i}-0000-x`), {
        ...FAST,
        dir,
        ca: ca.cert,
        fs: slowFs,
        retries: 0,
      });
      expect((await readFile(result.path)).equals(payload)).toBe(true);
    }
    expect(hits).toBe(10);
  });
});

describe('7. links in the download folder', () => {
  async function namedVideo() {
    const video = await finishedVideo(fake, { mediaBytes: 30_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    const victim = join(dir, 'elsewhere', 'victim.txt');
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(victim, 'precious');
    return { video, name, victim };
  }

  it('a .part that is a symbolic link is refused, and its target left untouched', async () => {
    const { video, name, victim } = await namedVideo();
    await symlink(victim, join(dir, `${name}.part`));
    const error = await failure(downloadVideo(video, { ...FAST, dir }));
    expect(error.message).toMatch(/not a regular file/);
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readlink(join(dir, `${name}.part`))).toBe(victim);
    expect(mediaRequests(video)).toHaveLength(0);
  });

  it('a final name that is a symbolic link is never written through: the video takes " (2)"', async () => {
    const { video, name, victim } = await namedVideo();
    await symlink(victim, join(dir, name));
    const result = await downloadVideo(video, { ...FAST, dir });
    expect(result.path).toBe(join(dir, name.replace(/\.mp4$/, ' (2).mp4')));
    expect((await readFile(result.path)).equals(fake.mediaBytes(video.videoId))).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect((await lstat(join(dir, name))).isSymbolicLink()).toBe(true);
  });

  it('the file port opens without following a link (a link planted after any check)', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'precious');
    await symlink(victim, join(dir, 'x.part'));
    for (const mode of ['append', 'truncate'] as const) {
      await expect(nodeFs.openForWrite(join(dir, 'x.part'), mode)).rejects.toMatchObject({
        code: expect.stringMatching(/^(ELOOP|EFTYPE)$/),
      });
    }
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });
});

describe('8. which video a file holds', () => {
  it('two videos sharing the short id, prompt, seed and size each keep their own file', async () => {
    const a = body(12_345, 10);
    const b = body(12_345, 11);
    const base = await listen(
      createHttpServer((req, res) => {
        res.writeHead(200, { 'content-length': '12345', etag: `"${req.url}"` });
        res.end(req.url === '/a' ? a : b);
      }),
      'http',
    );
    const first = await downloadVideo(videoAt(`${base}/a`, 'c8091b7b-aaaa'), { ...FAST, dir });
    const second = await downloadVideo(videoAt(`${base}/b`, 'c8091b7b-bbbb'), { ...FAST, dir });
    expect(second.reused).toBe(false);
    expect(second.path).not.toBe(first.path);
    expect((await readFile(first.path)).equals(a)).toBe(true);
    expect((await readFile(second.path)).equals(b)).toBe(true);
  });

  it('the folder index (full id) recognises a saved video; without it the file is not reused', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    const first = await downloadVideo(video, { ...FAST, dir });
    const index = JSON.parse(await readFile(join(dir, INDEX_NAME), 'utf8')) as {
      videos: Record<string, unknown>;
    };
    expect(Object.keys(index.videos)).toEqual([video.videoId]);
    const again = await downloadVideo(video, { ...FAST, dir });
    expect(again).toEqual({ ...first, reused: true });
    expect(mediaRequests(video)).toHaveLength(1);
    // Same name and size but no record naming the video: downloaded, never assumed.
    await writeFile(join(dir, INDEX_NAME), '{"version":1,"videos":{}}');
    const third = await downloadVideo(video, { ...FAST, dir });
    expect(third.reused).toBe(false);
    expect(third.path).not.toBe(first.path);
    expect(mediaRequests(video)).toHaveLength(2);
  });
});

describe('one downloader per file, and a durable place', () => {
  it('waits while another downloader holds the file, writing nothing until it lets go', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 40_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    // The test holds the lock, standing in for the CLI saving this video into the folder.
    const release = await lockTarget(dir, name);
    let done = false;
    const waiting = downloadVideo(video, { ...FAST, dir }).finally(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    expect(mediaRequests(video)).toHaveLength(0);
    expect(await folderFiles(dir)).toEqual([]);
    await release();
    const result = await waiting;
    expect((await readFile(result.path)).equals(fake.mediaBytes(video.videoId))).toBe(true);
    expect(mediaRequests(video)).toHaveLength(1);
  });

  it('a stale lock (its holder gone) is taken over', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 20_000 });
    const name = `apple-evaporates_seed${video.seed}_${video.videoId.slice(0, 8)}.mp4`;
    const lockDir = join(dir, `${name}${LOCK_SUFFIX}`);
    await mkdir(lockDir);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockDir, old, old);
    const result = await downloadVideo(video, { ...FAST, dir });
    expect((await readFile(result.path)).equals(fake.mediaBytes(video.videoId))).toBe(true);
    expect(await folderFiles(dir)).toEqual([name]);
  });

  it('flushes the folder after placing the file', async () => {
    const video = await finishedVideo(fake, { mediaBytes: 20_000 });
    const steps: string[] = [];
    const fs: DownloadFs = {
      ...nodeFs,
      link: async (from, to) => {
        await nodeFs.link(from, to);
        steps.push('link');
      },
      unlink: async (path) => {
        await nodeFs.unlink(path);
        steps.push('unlink');
      },
      syncDir: async (folder) => {
        await nodeFs.syncDir(folder);
        steps.push(`sync ${folder === dir ? 'dir' : folder}`);
      },
    };
    await downloadVideo(video, { ...FAST, dir, fs });
    expect(steps.slice(steps.indexOf('link'))).toEqual(['link', 'sync dir', 'unlink']);
  });
});
