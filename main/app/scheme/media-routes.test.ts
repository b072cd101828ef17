// app://poster and app://video through the real scheme handler: posters from the real poster
// cache (fetched from the fake CDN), videos from a real file with Range, the remote case from
// the fake CDN, and nothing for ids, paths or files that are not a finished video of ours.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackedTask } from '../../core/tasks/model';
import type { TaskTracker } from '../../core/tasks/tracker-types';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { createPosterCache, type PosterCache } from '../downloads/poster-cache';
import { resolveFileSync } from '../downloads/resolve-file';
import { appRoutes } from './app-routes';
import { createSchemeHandler } from './app-scheme';
import { createRemoteMedia } from './remote-media';
import { defaultHttpLayer } from '../../core/http/http-layer';
import { mediaAccessFor } from '../../core/http/media-access';

const SAMPLE = join(__dirname, '../../../test/fixtures/sample.mp4');
const POSTER = join(__dirname, '../../../test/fixtures/thumbnail.jpg');
const TASK = 'task-0001';
const OTHER = 'task-0002';
const OUTSIDE = 'task-0003';
const REMOTE = 'task-0004';

let dir: string;
let fake: FakePika;
let cache: PosterCache;
let sample: Buffer;
let handler: (request: Request) => Promise<Response>;
const tasks = new Map<string, TrackedTask>();

function task(id: string, video: Partial<TrackedTask['videos'][0]>, extra: Partial<TrackedTask>) {
  const t: TrackedTask = {
    id,
    promptText: 'p',
    videos: [
      {
        id: `${id}-v`,
        status: 'finished',
        state: 'finished',
        progress: 100,
        seed: 1,
        resultUrl: null,
        sharingUrl: null,
        videoPoster: null,
        imageThumb: null,
        duration: 5,
        error: null,
        ...video,
      },
    ],
    state: 'finished',
    progress: 100,
    addedAt: 1,
    lastCheckedAt: 1,
    endedAt: 2,
    lastError: null,
    attempts: 1,
    downloads: {},
    seen: true,
    ...extra,
  };
  tasks.set(id, t);
  return t;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-media-'));
  const downloads = join(dir, 'downloads');
  await mkdir(downloads);
  await mkdir(join(dir, 'renderer'));
  await copyFile(SAMPLE, join(downloads, 'clip.mp4'));
  await writeFile(join(dir, 'secret.mp4'), 'not for the page');
  sample = await readFile(SAMPLE);
  fake = await startFakePika();
  const fakeId = fake.addTask({ queuedMs: 0, runMs: 0 });
  const answer = (await (
    await fetch(`${fake.url}/pika/feed/${fakeId}`, {
      headers: { Authorization: `Bearer ${fake.token}` },
    })
  ).json()) as { videos: Record<string, string>[] };
  const urls = answer.videos[0]!;
  task(TASK, { imageThumb: urls['imageThumb']!, resultUrl: urls['resultUrl']! }, {});
  tasks.get(TASK)!.downloads[`${TASK}-v`] = {
    status: 'done',
    path: join(downloads, 'clip.mp4'),
    bytes: sample.length,
  };
  task(OTHER, { state: 'running', status: 'pending', imageThumb: urls['imageThumb']! }, {});
  task(OUTSIDE, {}, {});
  tasks.get(OUTSIDE)!.downloads[`${OUTSIDE}-v`] = {
    status: 'done',
    path: join(dir, 'secret.mp4'),
    bytes: 16,
  };
  task(REMOTE, { resultUrl: urls['resultUrl']! }, {});
  const tracker = {
    get: (id: string) => tasks.get(id),
    list: () => [...tasks.values()],
    on: () => undefined,
    off: () => undefined,
  } as unknown as Pick<TaskTracker, 'on' | 'off' | 'list' | 'get'>;
  cache = createPosterCache({ dir: join(dir, 'posters'), tracker });
  handler = createSchemeHandler(
    appRoutes({
      rendererDir: join(dir, 'renderer'),
      media: {
        tracker,
        posters: cache,
        resolveFile: (ref) => resolveFileSync(tracker, downloads, ref),
        remote: createRemoteMedia(),
      },
    }),
  );
});
afterAll(async () => {
  cache?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  handler(new Request(url, { method, headers }));
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('app://poster', () => {
  it('serves the cached poster of a finished video as the JPEG it is, cacheable', async () => {
    const answer = await get(`app://poster/${TASK}/${TASK}-v`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(answer.headers.get('content-security-policy')).toContain('img-src');
    expect((await bytes(answer)).equals(await readFile(POSTER))).toBe(true);
  });

  it('answers 404 for unknown tasks or videos, unfinished videos and malformed ids', async () => {
    for (const path of [
      `/task-9999/${TASK}-v`,
      `/${TASK}/nope`,
      `/${OTHER}/${OTHER}-v`,
      `/${OUTSIDE}/${OUTSIDE}-v`, // finished, but no poster exists
      `/${TASK}`,
      `/${TASK}/${TASK}-v/x`,
      `/..%2f${TASK}/${TASK}-v`,
      `/sk-abcdefghijklmnopqrstuvwxyz012345/${TASK}-v`,
    ]) {
      expect((await get(`app://poster${path}`)).status, path).toBe(404);
    }
  });
});

describe('app://video from the downloaded file', () => {
  const url = `app://video/${TASK}/${TASK}-v`;
  const size = () => sample.length;

  it('serves the whole file with Accept-Ranges when no range is asked', async () => {
    const answer = await get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('video/mp4');
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    expect(answer.headers.get('content-length')).toBe(String(size()));
    expect((await bytes(answer)).equals(sample)).toBe(true);
  });

  it('first bytes, a middle part and a suffix come as 206 with their Content-Range', async () => {
    const first = await get(url, { Range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size()}`);
    expect(first.headers.get('content-length')).toBe('100');
    expect((await bytes(first)).equals(sample.subarray(0, 100))).toBe(true);

    const middle = await get(url, { Range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-1999/${size()}`);
    expect((await bytes(middle)).equals(sample.subarray(1000, 2000))).toBe(true);

    const suffix = await get(url, { Range: 'bytes=-500' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${size() - 500}-${size() - 1}/${size()}`,
    );
    expect((await bytes(suffix)).equals(sample.subarray(size() - 500))).toBe(true);

    const open = await get(url, { Range: `bytes=${size() - 10}-` });
    expect(open.status).toBe(206);
    expect((await bytes(open)).equals(sample.subarray(size() - 10))).toBe(true);

    const past = await get(url, { Range: `bytes=0-${size() + 1000}` });
    expect(past.headers.get('content-range')).toBe(`bytes 0-${size() - 1}/${size()}`);
  });

  it('a range past the end is 416 with the size; HEAD has the headers and no body', async () => {
    const beyond = await get(url, { Range: `bytes=${size()}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size()}`);
    const head = await get(url, { Range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect(await head.text()).toBe('');
  });

  it('refuses a recorded file outside the download folder, traversal and unknown ids', async () => {
    const outside = await get(`app://video/${OUTSIDE}/${OUTSIDE}-v`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('not for the page');
    for (const path of [
      `/${TASK}/..%2f..%2fsecret.mp4`,
      `/%2e%2e/%2e%2e/secret.mp4`,
      `/${TASK}/${TASK}-v/../../secret.mp4`,
      `/task-9999/${TASK}-v`,
      `/${OTHER}/${OTHER}-v`,
    ]) {
      const answer = await get(`app://video${path}`);
      expect(answer.status, path).toBe(404);
    }
  });
});

describe('app://video not downloaded yet', () => {
  it('streams the result URL through main, passing the range on', async () => {
    const answer = await get(`app://video/${REMOTE}/${REMOTE}-v`, { Range: 'bytes=100-' });
    expect(answer.status).toBe(206);
    expect(answer.headers.get('content-type')).toBe('video/mp4');
    expect(answer.headers.get('content-range')).toMatch(/^bytes 100-\d+\/\d+$/);
    const body = await bytes(answer);
    expect(body.equals(sample.subarray(100))).toBe(true);
  });

  it("goes through the network layer and host guard of the moment: a feed's link to an internal address is refused when the gateway is not local", async () => {
    const guarded = createRemoteMedia({
      access: () => mediaAccessFor(defaultHttpLayer(), 'https://api.gpt.ge'),
    });
    const before = fake.requests.length;
    const resultUrl = tasks.get(REMOTE)!.videos[0]!.resultUrl!;
    const answer = await guarded(resultUrl, 'bytes=0-', undefined);
    expect(answer.status).toBe(502);
    // Refused before connecting: the fake CDN on 127.0.0.1 saw nothing.
    expect(fake.requests.length).toBe(before);
    // The same link with a local gateway (as in these tests) is streamed.
    const local = createRemoteMedia({ access: () => mediaAccessFor(defaultHttpLayer(), fake.url) });
    const streamed = await local(resultUrl, 'bytes=0-', undefined);
    expect(streamed.status).toBe(200);
    expect((await bytes(streamed)).equals(sample)).toBe(true);
  });
});
