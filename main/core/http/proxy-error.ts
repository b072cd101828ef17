// A request failed at the proxy, not at the server behind it. Told apart so a person reads
// "the proxy refused" rather than "offline", and the app can show "proxy unreachable".
import { describeProxy } from './network-config';
import { renderMessage, say, type MessageRef } from '../text/message-ref';

export type ProxyFailure =
  | 'refused' // no connection to the proxy (not running, wrong port, unreachable)
  | 'auth' // 407: the proxy wants a user name and password, or refused the ones given
  | 'cannot-reach-host' // the proxy answered, but could not reach the server behind it
  | 'failed'; // anything else the proxy got wrong (reset, bad answer, SOCKS error)

export class ProxyError extends Error {
  /** So code that reads `error.code` (classification, logs) sees one stable value. */
  readonly code = 'EPROXY';
  /** The proxy as scheme://host:port, never with its password. */
  readonly proxy: string;
  /** The words as data, for a reader of another language; `message` is the English. */
  readonly ref: MessageRef;

  constructor(
    readonly failure: ProxyFailure,
    proxy: URL | string,
    /** The host the request was for. */
    readonly target: string,
    extra: { status?: number; cause?: unknown } = {},
  ) {
    const shown = describeProxy(proxy);
    const ref = proxyMessage(failure, shown, target, extra.status, extra.cause);
    super(renderMessage(ref, 'en'), extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ProxyError';
    this.ref = ref;
    this.proxy = shown;
    this.status = extra.status;
  }

  readonly status: number | undefined;
}

function proxyMessage(
  failure: ProxyFailure,
  proxy: string,
  target: string,
  status: number | undefined,
  cause: unknown,
): MessageRef {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (failure) {
    case 'refused':
      return say('api.proxyRefused', proxy, typeof code === 'string' ? code : '');
    case 'auth':
      return say('api.proxyAuth', proxy);
    case 'cannot-reach-host':
      return say('api.proxyCannotReach', proxy, target, status ?? 0);
    case 'failed':
      return say('api.proxyFailed', proxy, target, cause instanceof Error ? cause.message : '');
  }
}
