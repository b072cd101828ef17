// One GET of a video's result URL through the HTTP layer (Node's http client, llhttp, behind
// the configured proxy), its body handed on through the small MediaBody interface the body
// writer reads. Redirects are followed by hand (media-request.ts), each hop checked to be
// http(s), bounded, and, when the gateway is not local, refused at internal addresses and
// over plain http. No token is ever sent: result URLs are public CDN links.
import type { IncomingMessage } from 'node:http';
import { headerReader, type HeaderReader } from '../http/header-reader';
import { createHttpLayer, type HttpLayer } from '../http/http-layer';
import { defaultMediaAccess, type MediaAccess } from '../http/media-access';
import { getFollowingRedirects, type MediaGetOptions } from './media-request';
import { sendMediaRequest } from './media-send';

/** Receives a body: `data` gets each piece as it arrives. */
export interface BodySink {
  data(chunk: Buffer): void;
  /** Where the next bytes may land without a copy, or null. Node's client always hands
   * over its own buffers, so the stream never asks. */
  target?(): Buffer | null;
  end(): void;
  error(error: Error): void;
}

export interface MediaBody {
  /** Starts delivering the body. Call once. */
  start(sink: BodySink): void;
  /** Stops reading the socket; a piece already read may still be delivered. */
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

/** Body bytes kept while nobody reads yet; past this the socket waits. */
const EARLY_MAX_BYTES = 256 * 1024;

/**
 * A Node response as a MediaBody, each callback at most once. Bytes that arrive before
 * `start` are kept (up to EARLY_MAX_BYTES, then the socket is paused) rather than left in the
 * paused stream: a connection that closes right after sending them would otherwise drop them
 * with the stream, and they are progress a resume can build on.
 */
export function mediaBodyOf(res: IncomingMessage): MediaBody {
  let sink: BodySink | null = null;
  let finished: { error: Error | null } | null = null;
  const early: Buffer[] = [];
  let earlyBytes = 0;
  const settle = (error: Error | null) => {
    if (finished) return;
    finished = { error };
    if (!sink) return;
    if (error) sink.error(error);
    else sink.end();
  };
  res.on('data', (chunk: Buffer) => {
    if (sink) {
      sink.data(chunk);
      return;
    }
    early.push(chunk);
    earlyBytes += chunk.byteLength;
    if (earlyBytes >= EARLY_MAX_BYTES) res.pause();
  });
  res.on('end', () => settle(null));
  res.on('error', (error) => settle(error));
  // A connection that closes before the body ended, without an 'error' (Node versions differ).
  res.on('close', () => {
    if (!res.complete) settle(connectionError('aborted', 'ECONNRESET'));
  });
  return {
    start(s) {
      // eslint-disable-next-line main-text/no-literal-error-text -- a broken invariant in our code, never shown
      if (sink) throw new Error('The body is already being read.');
      sink = s;
      for (const chunk of early.splice(0)) s.data(chunk);
      earlyBytes = 0;
      if (finished) {
        if (finished.error) s.error(finished.error);
        else s.end();
        return;
      }
      res.resume();
    },
    pause() {
      res.pause();
    },
    resume() {
      if (!finished) res.resume();
    },
    destroy() {
      if (!res.complete) settle(connectionError('The download stopped reading.', 'ECONNRESET'));
      res.destroy();
    },
    get complete() {
      return res.complete;
    },
  };
}

const caLayers = new Map<string, HttpLayer>();

/** GETs a result URL (from `rangeStart` when above 0), following redirects as
 * `getFollowingRedirects` does. */
export function openMediaStream(
  rawUrl: string,
  opts: MediaGetOptions & {
    /** The network configuration and guard; default: proxy variables, unguarded. */
    access?: MediaAccess;
    /** Extra certificate authority to trust for https (tests with a self-signed server). */
    ca?: string;
  },
): Promise<MediaStreamResponse> {
  let access = opts.access ?? defaultMediaAccess();
  if (opts.ca !== undefined) {
    let layer = caLayers.get(opts.ca);
    if (!layer) caLayers.set(opts.ca, (layer = createHttpLayer({ mode: 'env' }, { ca: opts.ca })));
    access = { ...access, http: layer };
  }
  return getFollowingRedirects(rawUrl, opts, {
    send: async (url, headers) => {
      const res = await sendMediaRequest(access, url, headers, opts.signal);
      return {
        status: res.statusCode ?? 0,
        headers: headerReader(res.headers),
        body: mediaBodyOf(res),
      };
    },
    location: (answer) => answer.headers.get('location'),
    discard: (answer) => answer.body.destroy(),
  });
}
