// One GET of a video's result URL over a plain socket that reads into one fixed buffer.
//
// Node's http client copies every piece of a body into a fresh Buffer, and those buffers are
// freed only when the garbage collector gets to them: a 200 MB download ran ~40 MB of garbage
// and spent much of its time allocating. Here the socket reads into a buffer allocated once
// (net/tls `onread`), the response head and body framing (Content-Length, chunked, or until
// close) are parsed by hand, and the body is handed on as views into that buffer, which the
// reader copies into its own bounded batch. Redirects are followed by hand, each hop checked
// to be http(s), and bounded. No token is ever sent: result URLs are public CDN links.
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { HeaderReader } from '../http/header-reader';
import { getFollowingRedirects, type MediaGetOptions } from './media-request';

/** Size of the one buffer the socket reads into. */
export const READ_BYTES = 256 * 1024;
const MAX_HEAD_BYTES = 64 * 1024;

/** Receives a body: `data` gets a view into a reused buffer, valid only during the call. */
export interface BodySink {
  data(chunk: Buffer): void;
  /**
   * Where the socket may read its next bytes, or null for the stream's own buffer: a reader
   * that offers the free end of its batch receives body bytes there without a copy (`data`
   * then gets a view at exactly that spot).
   */
  target?(): Buffer | null;
  end(): void;
  error(error: Error): void;
}

export interface MediaBody {
  /** Starts delivering the body (bytes that came with the head first). Call once. */
  start(sink: BodySink): void;
  /** Stops reading the socket; a read already under way may still deliver its bytes. */
  pause(): void;
  resume(): void;
  destroy(): void;
  /** True once the whole body, as framed by the server, has arrived. */
  readonly complete: boolean;
}

export interface MediaStreamResponse {
  status: number;
  headers: HeaderReader;
  body: MediaBody;
  /** The URL that answered, after redirects. */
  url: string;
}

function connectionError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Incremental body framing: fixed length, chunked, or until the connection closes. */
function createFraming(headers: HeaderReader, status: number) {
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  const chunked = /(?:^|,)\s*chunked\s*$/i.test(headers.get('transfer-encoding') ?? '');
  const lengthRaw = headers.get('content-length');
  const length = noBody
    ? 0
    : !chunked && lengthRaw !== null && /^\s*\d+\s*$/.test(lengthRaw)
      ? Number(lengthRaw)
      : null;
  let remaining = length ?? 0;
  // Chunked state: reading a size line, chunk data, the CRLF after data, or trailers.
  let state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = chunked ? 'size' : 'data';
  let line = '';
  return {
    untilClose: !chunked && length === null,
    done: length === 0,
    /** Feeds socket bytes; passes body bytes to `out`; returns true once the body is whole. */
    feed(bytes: Buffer, out: (chunk: Buffer) => void): boolean {
      if (this.done) return true;
      if (!chunked) {
        if (length === null) {
          out(bytes);
          return false;
        }
        const n = Math.min(remaining, bytes.byteLength);
        if (n > 0) out(n === bytes.byteLength ? bytes : bytes.subarray(0, n));
        remaining -= n;
        this.done = remaining === 0;
        return this.done;
      }
      let i = 0;
      while (i < bytes.byteLength && state !== 'done') {
        if (state === 'data') {
          const n = Math.min(remaining, bytes.byteLength - i);
          out(bytes.subarray(i, i + n));
          i += n;
          remaining -= n;
          if (remaining === 0) state = 'data-end';
          continue;
        }
        const lf = bytes.indexOf(0x0a, i);
        const end = lf === -1 ? bytes.byteLength : lf;
        line += bytes.toString('latin1', i, end);
        if (line.length > 4096) throw connectionError('A chunk header is too long.', 'EPROTO');
        i = lf === -1 ? bytes.byteLength : lf + 1;
        if (lf === -1) break;
        const text = line.replace(/\r$/, '');
        line = '';
        if (state === 'data-end') {
          if (text !== '') throw connectionError('A chunk did not end where it said.', 'EPROTO');
          state = 'size';
        } else if (state === 'size') {
          const size = /^([0-9a-f]+)\s*(?:;.*)?$/i.exec(text);
          if (!size) throw connectionError('A chunk size is not a number.', 'EPROTO');
          remaining = parseInt(size[1] as string, 16);
          state = remaining === 0 ? 'trailer' : 'data';
        } else if (text === '') {
          state = 'done';
        }
      }
      this.done = state === 'done';
      return this.done;
    },
  };
}

/** Response headers by lower-case name, repeated ones joined with ", " (as fetch's do). */
class ResponseHeaders implements HeaderReader {
  private readonly values = new Map<string, string>();
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const earlier = this.values.get(key);
    this.values.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }
}

function parseHead(head: string): { status: number; headers: HeaderReader } {
  const lines = head.split('\r\n');
  const statusLine = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(lines[0] ?? '');
  if (!statusLine) throw connectionError('The answer is not HTTP/1.1.', 'EPROTO');
  const headers = new ResponseHeaders();
  for (const raw of lines.slice(1)) {
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    headers.append(raw.slice(0, colon).trim(), raw.slice(colon + 1).trim());
  }
  return { status: Number(statusLine[1]), headers };
}

/** One request on its own connection: resolves once the head has arrived. */
function getOnce(
  url: URL,
  requestHeaders: Record<string, string>,
  signal: AbortSignal,
  ca: string | undefined,
): Promise<{ status: number; headers: HeaderReader; body: MediaBody }> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const readBuffer = Buffer.allocUnsafe(READ_BYTES);
    let head: Buffer | null = Buffer.alloc(0);
    let framing: ReturnType<typeof createFraming> | null = null;
    let sink: BodySink | null = null;
    // Body bytes that came before `start` (with the head, or a read already under way).
    const early: Buffer[] = [];
    let finished: { error: Error | null } | null = null;
    let complete = false;
    let paused = false;
    // The connection closed before anyone read the body: judged once `early` is delivered.
    let closedBeforeStart = false;

    const settle = (error: Error | null) => {
      if (finished) return;
      finished = { error };
      signal.removeEventListener('abort', onAbort);
      if (!sink) return;
      if (error) sink.error(error);
      else sink.end();
    };
    const fail = (error: Error) => {
      if (head !== null) {
        head = null;
        signal.removeEventListener('abort', onAbort);
        reject(error);
        socket.destroy();
        return;
      }
      settle(error);
      socket.destroy();
    };
    const deliver = (bytes: Buffer) => {
      if (!framing || complete) return;
      try {
        if (!sink) {
          early.push(Buffer.from(bytes));
          return;
        }
        const target = sink;
        if (framing.feed(bytes, (chunk) => target.data(chunk))) {
          complete = true;
          socket.destroy();
          settle(null);
        }
      } catch (error) {
        fail(error as Error);
      }
    };
    const onHeadBytes = (bytes: Buffer) => {
      const all: Buffer = Buffer.concat([head as Buffer, bytes]);
      const endAt = all.indexOf('\r\n\r\n');
      if (endAt === -1) {
        if (all.byteLength > MAX_HEAD_BYTES)
          fail(connectionError('The answer head is too long.', 'EPROTO'));
        else head = all;
        return;
      }
      let parsed: { status: number; headers: HeaderReader };
      try {
        parsed = parseHead(all.toString('latin1', 0, endAt));
      } catch (error) {
        fail(error as Error);
        return;
      }
      const rest = all.subarray(endAt + 4);
      // An interim answer (100 Continue): the real one follows.
      if (parsed.status >= 100 && parsed.status < 200) {
        head = Buffer.alloc(0);
        if (rest.byteLength > 0) onHeadBytes(rest);
        return;
      }
      head = null;
      framing = createFraming(parsed.headers, parsed.status);
      // Hold the body until someone reads it, so nothing piles up meanwhile.
      paused = true;
      socket.pause();
      if (framing.done) complete = true;
      else if (rest.byteLength > 0) early.push(Buffer.from(rest));
      resolve({ status: parsed.status, headers: parsed.headers, body });
      if (complete) {
        socket.destroy();
        settle(null);
      }
    };

    const onread = {
      // Asked after every read for where the next one goes.
      buffer: (): Buffer => (head === null && sink?.target?.()) || readBuffer,
      callback: (nread: number, buf: Buffer): boolean => {
        const bytes = buf.subarray(0, nread);
        if (head !== null) onHeadBytes(bytes);
        else deliver(bytes);
        return !paused;
      },
    };
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const secure = url.protocol === 'https:';
    const port = Number(url.port) || (secure ? 443 : 80);
    const socket: Socket = secure
      ? tlsConnect({
          host: hostname,
          port,
          servername: isIP(hostname) ? undefined : hostname,
          ALPNProtocols: ['http/1.1'],
          ...(ca === undefined ? {} : { ca }),
          onread,
        } as ConnectionOptions)
      : netConnect({ host: hostname, port, onread });
    const onAbort = () => fail((signal.reason as Error | undefined) ?? new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
      for (const [name, value] of Object.entries(requestHeaders)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('error', (error) => fail(error));
    socket.on('close', () => {
      if (head !== null) {
        fail(connectionError('The connection closed before an answer.', 'ECONNRESET'));
      } else if (!complete && !sink) {
        // Over TLS a small body and the close can both arrive before the reader starts: the
        // bytes held in `early` may be the whole body.
        closedBeforeStart = true;
      } else if (!complete && framing?.untilClose) {
        complete = true;
        settle(null);
      } else if (!complete) {
        settle(connectionError('aborted', 'ECONNRESET'));
      }
    });

    const body: MediaBody = {
      start(s) {
        if (sink) throw new Error('The body is already being read.');
        sink = s;
        for (const bytes of early.splice(0)) deliver(bytes);
        if (closedBeforeStart && !complete) {
          if (framing?.untilClose) complete = true;
          settle(complete ? null : connectionError('aborted', 'ECONNRESET'));
        }
        if (finished) {
          if (finished.error) s.error(finished.error);
          else s.end();
          return;
        }
        body.resume();
      },
      pause() {
        paused = true;
        socket.pause();
      },
      resume() {
        if (!paused || finished) return;
        paused = false;
        socket.resume();
      },
      destroy() {
        if (!finished) settle(connectionError('The download stopped reading.', 'ECONNRESET'));
        socket.destroy();
      },
      get complete() {
        return complete;
      },
    };
  });
}

/**
 * GETs a result URL over a plain socket (from `rangeStart` when above 0), following
 * redirects as `getFollowingRedirects` does.
 */
export function openMediaStream(
  rawUrl: string,
  opts: MediaGetOptions & {
    /** Extra certificate authority to trust for https (tests with a self-signed server). */
    ca?: string;
  },
): Promise<MediaStreamResponse> {
  return getFollowingRedirects(rawUrl, opts, {
    send: (url, headers) => getOnce(url, headers, opts.signal, opts.ca),
    location: (answer) => answer.headers.get('location'),
    discard: (answer) => answer.body.destroy(),
  });
}
