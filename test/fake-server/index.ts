// A real HTTP server on 127.0.0.1 that behaves like the Pika gateway family (pika-api.md),
// faults included, plus the CDN that serves result videos and posters. Tests, benchmarks and
// `npm run mock-api` all use it; nothing in the app knows it is fake.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  CONTENT_FAULTS,
  FaultBook,
  MEDIA_STREAM_FAULTS,
  TRANSPORT_FAULTS,
  type Route,
} from './faults';
import { validateGenerateBody } from './generate-validation';
import {
  BLOCK,
  FIXTURES,
  bufferSource,
  parseRange,
  syntheticSource,
  type MediaSource,
} from './media';
import {
  TASK_NOT_EXIST,
  extraTaskFields,
  extraVideoFields,
  htmlErrorPage,
  openAiError,
  serverErrorBody,
  taskRouteError,
} from './responses';
import {
  createTask,
  endsAt,
  feedAnswer,
  newUrlToken,
  type FakeTask,
  type FakeVideo,
} from './tasks';
import { creditAnswer, isCreditPath } from './credit';
import type {
  FakeCredit,
  FakeFault,
  FakePika,
  FakePikaOptions,
  FakeRequestLog,
  FakeTaskSpec,
} from './types';

export type {
  FakeCredit,
  FakeFault,
  FakePika,
  FakePikaOptions,
  FakeRequestLog,
  FakeTaskSpec,
} from './types';

const MAX_GENERATE_BODY = 25 * 1024 * 1024;
const LAST_MODIFIED = new Date('2026-01-01T00:00:00Z').toUTCString();
/** Last-Modified of a video's content after the media-swap fault replaced it. */
const SWAPPED_MODIFIED = new Date('2026-02-01T00:00:00Z').toUTCString();

export async function startFakePika(options: FakePikaOptions = {}): Promise<FakePika> {
  const token = options.token ?? 'test-token';
  const tasks = new Map<string, FakeTask>();
  const videos = new Map<string, FakeVideo>();
  const faults = new FaultBook();
  /** Videos whose content the media-swap fault has replaced. */
  const swapped = new Set<string>();
  const requests: FakeRequestLog[] = [];
  const generateBodies: unknown[] = [];
  const sockets = new Set<Socket>();
  const rate = { windowStart: 0, used: 0 };
  let closed = false;
  let base = '';
  let credit: FakeCredit = options.credit ?? { kind: 'limit', limitUsd: 5, usedUsd: 1.39 };

  const addTask = (spec: FakeTaskSpec = {}): string => {
    const task = createTask(spec, Date.now());
    const old = tasks.get(task.id);
    if (old) for (const v of old.videos) videos.delete(v.id);
    tasks.set(task.id, task);
    for (const v of task.videos) videos.set(v.id, v);
    return task.id;
  };

  function log(req: IncomingMessage, url: URL, status: number): void {
    const entry: FakeRequestLog = {
      method: req.method ?? 'GET',
      path: url.pathname,
      status,
      at: Date.now(),
    };
    if (req.headers.range !== undefined) entry.range = req.headers.range;
    const ifRange = req.headers['if-range'];
    if (typeof ifRange === 'string') entry.ifRange = ifRange;
    if (url.search !== '') entry.query = url.search.slice(1);
    if (req.headers.authorization !== undefined) entry.authorization = req.headers.authorization;
    requests.push(entry);
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    status: number,
    body: string,
    type = 'application/json',
    headers: Record<string, string> = {},
  ): void {
    log(req, url, status);
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path.startsWith('/cdn/')) return serveMedia(req, res, url);
    const feed = /^\/pika\/feed\/([^/]+)$/.exec(path);
    if (feed && (req.method === 'GET' || req.method === 'HEAD')) {
      let taskId: string;
      try {
        taskId = decodeURIComponent(feed[1]!);
      } catch {
        return send(req, res, url, 400, TASK_NOT_EXIST);
      }
      return serveApi(req, res, url, 'feed', taskId);
    }
    if (path === '/pika/generate' && req.method === 'POST')
      return serveApi(req, res, url, 'generate', undefined);
    // The billing routes take no faults from the book: a test sets what they answer instead,
    // so faults meant for the feed are never used up by a credit refresh.
    if (isCreditPath(path) && req.method === 'GET') {
      if (bearerOf(req) !== token)
        return send(
          req,
          res,
          url,
          401,
          openAiError('Invalid token', 'new_api_error', 'invalid_token'),
        );
      const answer = creditAnswer(credit, path);
      return send(req, res, url, answer.status, answer.body, answer.type);
    }
    send(req, res, url, 404, '404 page not found', 'text/plain; charset=utf-8');
  }

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: Route,
    taskId: string | undefined,
  ): Promise<void> {
    let body: unknown;
    if (route === 'generate') {
      const raw = await readBody(req, MAX_GENERATE_BODY);
      if (raw === null)
        return send(
          req,
          res,
          url,
          413,
          taskRouteError('invalid_request', 'request body too large'),
        );
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        body = raw;
      }
      generateBodies.push(body);
    }

    let rateHeaders: Record<string, string> = {};
    if (route === 'feed' && options.rateLimit) {
      const now = Date.now();
      const { max, windowMs, headers } = options.rateLimit;
      if (now - rate.windowStart >= windowMs) {
        rate.windowStart = now;
        rate.used = 0;
      }
      const over = rate.used >= max;
      if (!over) rate.used += 1;
      // Some limiters say where the client stands on every answer (added for issue 19).
      const resetSec = String(Math.max(0, Math.ceil((rate.windowStart + windowMs - now) / 1000)));
      const left = String(Math.max(0, max - rate.used));
      if (headers === 'x-ratelimit')
        rateHeaders = {
          'X-RateLimit-Limit': String(max),
          'X-RateLimit-Remaining': left,
          'X-RateLimit-Reset': resetSec,
        };
      else if (headers === 'ratelimit')
        rateHeaders = {
          'RateLimit-Limit': String(max),
          'RateLimit-Remaining': left,
          'RateLimit-Reset': resetSec,
          'RateLimit-Policy': `${max};w=${Math.ceil(windowMs / 1000)}`,
        };
      // The gateways' own limiter: by default a bare 429, no body, no Retry-After.
      if (over) return send(req, res, url, 429, '', 'text/plain; charset=utf-8', rateHeaders);
    }

    const transport = faults.take(TRANSPORT_FAULTS, route, taskId);
    if (transport) return applyTransportFault(req, res, url, route, taskId, transport);

    const presented = bearerOf(req);
    if (presented !== token) {
      // Some gateways quote the key they refused; clients must scrub it from what they show.
      const message =
        presented === undefined
          ? 'Missing Authorization header: expected "Bearer <token>"'
          : `Invalid token: ${presented}`;
      return send(req, res, url, 401, openAiError(message, 'new_api_error', 'invalid_token'));
    }

    if (route === 'generate') {
      const problem = validateGenerateBody(body);
      if (problem)
        return send(
          req,
          res,
          url,
          400,
          options.generateErrors === 'openai'
            ? openAiError(
                problem.message,
                'invalid_request_error',
                'invalid_request',
                problem.field,
              )
            : taskRouteError('invalid_request', `invalid request: ${problem.message}`),
        );
      const request = body as { promptText: string };
      const id = addTask({
        ...options.generatedTask,
        prompt: request.promptText || options.generatedTask?.prompt,
      });
      return send(req, res, url, 200, JSON.stringify({ id }));
    }

    const id = taskId!;
    const task = tasks.get(id);
    if (faults.take(new Set(['task-not-exist']), 'feed', id) || !task)
      return send(req, res, url, 400, TASK_NOT_EXIST);
    const answer = feedAnswer(task, Date.now(), base);
    for (const fault of faults.takeAll(CONTENT_FAULTS, 'feed', id))
      applyContentFault(answer, fault);
    send(req, res, url, 200, JSON.stringify(answer), undefined, rateHeaders);
  }

  function applyTransportFault(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: Route,
    taskId: string | undefined,
    fault: FakeFault,
  ): void {
    switch (fault.kind) {
      case 'rate-limit': {
        const headers: Record<string, string> =
          fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter };
        if (fault.body === 'json') {
          const body = openAiError(
            'rate limit exceeded, please try again later',
            'rate_limit_error',
            'rate_limit_exceeded',
          );
          return send(req, res, url, 429, body, 'application/json', headers);
        }
        return send(req, res, url, 429, '', 'text/plain; charset=utf-8', headers);
      }
      case 'server-error': {
        const status = fault.status ?? 500;
        const { body, type } = serverErrorBody(status, fault.body ?? 'json');
        return send(req, res, url, status, body, type);
      }
      case 'html-error': {
        const status = fault.status ?? 502;
        return send(req, res, url, status, htmlErrorPage(status), 'text/html; charset=utf-8');
      }
      case 'malformed-json': {
        const full = plausibleAnswer(route, taskId);
        return send(req, res, url, 200, full.slice(0, Math.max(1, Math.floor(full.length / 2))));
      }
      case 'hang':
        // Never answered; close() destroys the socket. Logged now (status 0) so tests can wait for it.
        log(req, url, 0);
        return;
      case 'reset': {
        const full = Buffer.from(plausibleAnswer(route, taskId));
        log(req, url, 200);
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(full.length),
        });
        res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.destroy());
        return;
      }
      case 'http-status':
        return send(
          req,
          res,
          url,
          fault.status,
          fault.body ?? '',
          bodyType(fault.body),
          fault.headers ?? {},
        );
      default:
        return send(req, res, url, 500, `fault ${fault.kind} does not apply here`, 'text/plain');
    }
  }

  function plausibleAnswer(route: Route, taskId: string | undefined): string {
    if (route === 'generate') return JSON.stringify({ id: randomUUID() });
    const task = taskId === undefined ? undefined : tasks.get(taskId);
    if (task) return JSON.stringify(feedAnswer(task, Date.now(), base));
    return JSON.stringify({
      id: taskId ?? '',
      promptText: '',
      videos: [{ id: taskId ?? '', status: 'queued' }],
    });
  }

  function applyContentFault(answer: Record<string, unknown>, fault: FakeFault): void {
    const list = answer['videos'] as Record<string, unknown>[];
    switch (fault.kind) {
      case 'unknown-status':
        for (const v of list) v['status'] = fault.value;
        return;
      case 'empty-videos':
        answer['videos'] = [];
        return;
      case 'finished-without-url':
        for (const v of list)
          Object.assign(v, { status: 'finished', progress: 100, resultUrl: '' });
        return;
      case 'extra-fields':
        Object.assign(answer, extraTaskFields());
        for (const v of list) Object.assign(v, extraVideoFields());
        return;
      case 'patch-answer':
        Object.assign(answer, fault.task ?? {});
        for (const v of list) Object.assign(v, fault.video ?? {});
        return;
      default:
        return;
    }
  }

  async function serveMedia(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const m = /^\/cdn\/v1\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const video = m ? videos.get(m[1]!) : undefined;
    const notFound = (): void =>
      send(
        req,
        res,
        url,
        404,
        '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>',
        'application/xml',
      );
    if (!m || !video || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound();
    const file = m[2]!;
    if (file === 'poster.jpg')
      return streamMedia(req, res, url, video, bufferSource(FIXTURES.poster), 'image/jpeg');
    if (file === 'thumbnail.jpg')
      return streamMedia(req, res, url, video, bufferSource(FIXTURES.thumbnail), 'image/jpeg');
    const name = `${video.slug}_seed${video.seed}`;
    if (file !== `${name}.mp4` && file !== `${name}_share.mp4`) return notFound();

    const presented = url.searchParams.get('t') ?? '';
    const denied = (status: number, why: string): void =>
      send(
        req,
        res,
        url,
        status,
        `<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>${why}</Message></Error>`,
        'application/xml',
      );
    const expiredStatus = video.expired.get(presented);
    if (expiredStatus !== undefined) return denied(expiredStatus, 'Request has expired');
    if (presented !== video.urlToken) return denied(403, 'Invalid signature');
    const expire = faults.take(new Set(['media-expired']), 'media', video.taskId);
    if (expire && expire.kind === 'media-expired') {
      const status = expire.status ?? 403;
      // This URL is dead from now on; the feed hands out a fresh one.
      video.expired.set(video.urlToken, status);
      video.urlToken = newUrlToken();
      return denied(status, 'Request has expired');
    }
    return streamMedia(req, res, url, video, video.media, 'video/mp4');
  }

  async function streamMedia(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    video: FakeVideo,
    source: MediaSource,
    type: string,
  ): Promise<void> {
    let noRange = false;
    let resetAfter: number | undefined;
    let bytesPerSecond: number | undefined;
    const isVideo = source === video.media;
    let swapAfterThis = false;
    let ignoreIfRange = false;
    let encoding: string | undefined;
    let empty = false;
    for (const fault of faults.takeAll(MEDIA_STREAM_FAULTS, 'media', video.taskId)) {
      if (fault.kind === 'media-no-range') noRange = true;
      if (fault.kind === 'media-reset') resetAfter = Math.max(0, fault.afterBytes);
      if (fault.kind === 'media-slow') bytesPerSecond = Math.max(1, fault.bytesPerSecond);
      if (fault.kind === 'media-swap' && isVideo) {
        if (swapped.has(video.id)) ignoreIfRange = true;
        else {
          swapAfterThis = true;
          resetAfter = Math.max(0, fault.afterBytes);
        }
      }
      if (fault.kind === 'media-encoded') encoding = fault.encoding ?? 'gzip';
      if (fault.kind === 'media-empty') empty = true;
    }
    const size = source.size;
    const version = isVideo && swapped.has(video.id) ? '-b' : '';
    const etag = `"${video.id}-${type === 'video/mp4' ? 'v' : 'i'}-${size}${version}"`;
    const headers: Record<string, string> = {
      'Content-Type': type,
      ETag: etag,
      'Last-Modified': version ? SWAPPED_MODIFIED : LAST_MODIFIED,
      'Cache-Control': 'public, max-age=3600',
    };
    if (swapAfterThis) {
      // Later requests meet another file of the same size under the same URL.
      swapped.add(video.id);
      video.media = syntheticSource(`${video.id}-swapped`, size);
    }
    if (empty) return send(req, res, url, 200, '', type, { ETag: etag });
    if (encoding !== undefined) {
      const packed = gzipSync(source.read(0, size));
      log(req, url, 200);
      res.writeHead(200, {
        ...headers,
        'Content-Encoding': encoding,
        'Content-Length': String(packed.length),
      });
      res.end(req.method === 'HEAD' ? undefined : packed);
      return;
    }
    let start = 0;
    let end = size;
    let status = 200;
    const ifRange = req.headers['if-range'];
    if (!noRange) {
      headers['Accept-Ranges'] = 'bytes';
      const range =
        ifRange === undefined || ifRange === etag || ignoreIfRange
          ? parseRange(req.headers.range, size)
          : { kind: 'full' as const };
      if (range.kind === 'unsatisfiable') {
        return send(req, res, url, 416, '', 'text/plain', { 'Content-Range': `bytes */${size}` });
      }
      if (range.kind === 'partial') {
        status = 206;
        start = range.start;
        end = range.end;
        headers['Content-Range'] = `bytes ${start}-${end - 1}/${size}`;
      }
    }
    headers['Content-Length'] = String(end - start);
    log(req, url, status);
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pump(res, source, start, end, resetAfter, bytesPerSecond);
  }

  async function pump(
    res: ServerResponse,
    source: MediaSource,
    start: number,
    end: number,
    resetAfter: number | undefined,
    bytesPerSecond: number | undefined,
  ): Promise<void> {
    const tickMs = 50;
    const chunk =
      bytesPerSecond === undefined
        ? BLOCK
        : Math.max(1, Math.ceil((bytesPerSecond * tickMs) / 1000));
    let pos = start;
    let sent = 0;
    while (pos < end) {
      if (closed || res.destroyed) return;
      let n = Math.min(chunk, end - pos);
      if (resetAfter !== undefined) n = Math.min(n, resetAfter - sent);
      if (n > 0) {
        const more = res.write(source.read(pos, pos + n));
        pos += n;
        sent += n;
        if (!more) await drained(res);
      }
      if (resetAfter !== undefined && sent >= resetAfter) {
        // Let the bytes already written leave, then cut the connection mid-body.
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        res.destroy();
        return;
      }
      if (bytesPerSecond !== undefined) await new Promise((r) => setTimeout(r, tickMs));
    }
    res.end();
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`fake server bug: ${err instanceof Error ? err.message : String(err)}`);
      } else res.destroy();
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('fake Pika server has no port');
  const own = `${options.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`;
  base = options.mediaBase ?? own;

  return {
    url: own,
    token,
    addTask,
    endedAt(taskId) {
      const task = tasks.get(taskId);
      if (!task) return null;
      const at = endsAt(task);
      return Date.now() >= at ? at : null;
    },
    mediaBytes(videoId) {
      const video = videos.get(videoId);
      if (!video) throw new Error(`fake Pika server has no video ${videoId}`);
      return Buffer.from(video.media.read(0, video.media.size));
    },
    fault: (fault) => faults.add(fault),
    setCredit: (next) => {
      credit = next;
    },
    clearFaults: () => faults.clear(),
    get requests() {
      return requests;
    },
    get generateBodies() {
      return generateBodies;
    },
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await done;
    },
  };
}

function bearerOf(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
}

function bodyType(body: string | undefined): string {
  const text = body?.trim() ?? '';
  if (text.startsWith('{') || text.startsWith('[')) return 'application/json';
  if (text.startsWith('<')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The body as text, or null when it is larger than `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
