// A request failed at the proxy, not at the server behind it. Told apart so a person reads
// "the proxy refused" rather than "offline", and the app can show "proxy unreachable".
import { describeProxy } from './network-config';

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

  constructor(
    readonly failure: ProxyFailure,
    proxy: URL | string,
    /** The host the request was for. */
    readonly target: string,
    extra: { status?: number; cause?: unknown } = {},
  ) {
    const shown = describeProxy(proxy);
    super(
      proxyMessage(failure, shown, target, extra.status, extra.cause),
      extra.cause === undefined ? undefined : { cause: extra.cause },
    );
    this.name = 'ProxyError';
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
): string {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (failure) {
    case 'refused':
      return `The proxy ${proxy} could not be reached${typeof code === 'string' ? ` (${code})` : ''}: is it running, and is the address right?`;
    case 'auth':
      return `The proxy ${proxy} asked for a user name and password (HTTP 407), or refused the ones given. Put them in the proxy address as http://user:password@host:port.`;
    case 'cannot-reach-host':
      return `The proxy ${proxy} could not reach ${target}${status === undefined ? '' : ` (HTTP ${status})`}.`;
    case 'failed':
      return `The proxy ${proxy} failed to connect to ${target}${cause instanceof Error ? `: ${cause.message}` : ''}.`;
  }
}
