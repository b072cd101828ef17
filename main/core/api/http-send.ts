// One request to the gateway through the HTTP layer (Node's http client, behind the proxy the
// network configuration picks), its answer read whole up to a limit.
//
// Not fetch: its first use loads all of undici (~30 ms on every start of the app), and each
// feed request cost ~38 KB of garbage and ~0.5 ms of CPU through it, against ~16 KB and
// ~0.2 ms through node:http (3,000 requests to the fake server, measured side by side).
// Redirects are not followed (the token must never go to another host), and no compression
// is asked for, so the answer is the bytes the gateway sent.
import { headerReader, type HeaderReader } from '../http/header-reader';
import { defaultHttpLayer, type HttpLayer } from '../http/http-layer';

export interface HttpAnswer {
  status: number;
  headers: HeaderReader;
  text: string;
}

export interface HttpSendOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Aborting it destroys the connection and rejects the promise. */
  signal: AbortSignal;
  /** Bytes of answer body beyond which the answer is refused with AnswerTooLarge. */
  maxBytes: number;
  /** Called once the status line and headers have arrived. */
  onHeaders?: () => void;
  /** The network configuration's layer; default: proxy variables, as curl reads them. */
  http?: HttpLayer;
}

/** The answer's body grew past `maxBytes`; the connection was dropped without reading on. */
export class AnswerTooLarge extends Error {
  constructor(readonly status: number) {
    super('The answer is larger than allowed.');
  }
}

export function sendHttp(url: URL, options: HttpSendOptions): Promise<HttpAnswer> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  const headers =
    body === undefined
      ? options.headers
      : { ...options.headers, 'Content-Length': String(body.byteLength) };
  const layer = options.http ?? defaultHttpLayer();
  // Node destroys the request when the signal aborts, before or after the answer began.
  return layer
    .request(url, {
      method: options.method,
      headers,
      signal: options.signal,
      ...(body === undefined ? {} : { body }),
    })
    .then(
      (res) =>
        new Promise<HttpAnswer>((resolve, reject) => {
          options.onHeaders?.();
          const status = res.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let total = 0;
          let settled = false;
          const fail = (error: unknown): void => {
            if (settled) return;
            settled = true;
            res.destroy();
            reject(error);
          };
          res.on('data', (chunk: Buffer) => {
            total += chunk.byteLength;
            if (total > options.maxBytes) {
              fail(new AnswerTooLarge(status));
              return;
            }
            chunks.push(chunk);
          });
          // A body cut short (reset, or closed before its Content-Length) is an 'aborted' error.
          res.on('error', fail);
          res.on('end', () => {
            if (settled) return;
            settled = true;
            resolve({
              status,
              headers: headerReader(res.headers),
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
        }),
    );
}
