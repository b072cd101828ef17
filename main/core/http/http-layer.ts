// The one HTTP layer of the core: Node's own http/https client (llhttp, strict) with one
// proxy-aware agent per network configuration (proxy-agent: http, https and SOCKS proxies,
// picked per URL by an async callback), shared by the API client, the video downloader and
// the poster cache. It also decides which roots TLS trusts, refuses internal addresses for
// hosts named by server data, and turns a proxy's failures into ProxyError.
//
// Not undici: 7.x (the last to run on Node 20) crashes the process when a server closes while
// a paused body waits (nodejs/undici#5360), exactly a downloader behind a slow disk; 8.x needs
// Node >= 22.19.
import * as http from 'node:http';
import * as https from 'node:https';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { ProxyAgent } from 'proxy-agent';
import { InternalAddressError, guardedLookup, isInternalAddress } from './address-guard';
import { proxyFromEnv } from './env-proxy';
import { parseProxyUrl, type NetworkConfig } from './network-config';
import { ProxyError } from './proxy-error';

export type { NetworkConfig, ProxyResolver } from './network-config';

/** The runtime's certificate stores, as Node >= 22.15 / 24 (Electron 41) offer them. */
export type GetCaCertificates = (type: 'default' | 'system') => string[];

export interface HttpLayerOptions {
  /** Roots to trust beyond the runtime's (PEM): tests with a CA made in the test. */
  ca?: string | readonly string[];
  /**
   * Reads the runtime's certificate stores; default `tls.getCACertificates` where it exists.
   * Null: the runtime's default trust only.
   */
  getCaCertificates?: GetCaCertificates | null;
  /** Variables for mode 'env'; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface HttpRequestOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Buffer;
  /** Aborting it destroys the connection; before the head arrives the promise rejects. */
  signal: AbortSignal;
  /**
   * Refuse hosts that are or resolve to internal addresses: for hosts named by server data
   * (videos, posters) when the gateway itself is not local.
   */
  refuseInternal?: boolean;
}

export interface HttpLayer {
  readonly config: NetworkConfig;
  /** Sends one request; resolves with the answer once its head has arrived. Never follows
   * redirects. Rejects with ProxyError when the proxy failed, InternalAddressError when a
   * refused address was met, or Node's connection error. */
  request(url: URL, options: HttpRequestOptions): Promise<http.IncomingMessage>;
  /** The proxy this configuration uses for `url` (null: direct), e.g. for a Test button. */
  proxyFor(url: URL): Promise<string | null>;
  /** Closes idle connections and drops the agents. */
  close(): void;
}

/** Connection errors that mean the proxy itself could not be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

/**
 * The roots TLS trusts: where the runtime offers it, its default store (bundled roots plus
 * NODE_EXTRA_CA_CERTS) and the OS store, so a corporate inspection root the OS trusts works.
 * Undefined leaves Node's default (bundled roots plus NODE_EXTRA_CA_CERTS).
 */
export function trustedRoots(options: HttpLayerOptions = {}): string[] | undefined {
  const extra = options.ca === undefined ? [] : [options.ca].flat();
  const get =
    options.getCaCertificates === undefined
      ? (tls as { getCACertificates?: GetCaCertificates }).getCACertificates
      : options.getCaCertificates;
  if (typeof get === 'function') {
    let system: string[] = [];
    try {
      system = get('system');
    } catch {
      // A runtime that cannot read the OS store still has its own roots.
    }
    return [...new Set([...get('default'), ...system, ...extra])];
  }
  if (extra.length === 0) return undefined;
  // Giving `ca` replaces Node's roots, so they and NODE_EXTRA_CA_CERTS are named again.
  return [...tls.rootCertificates, ...extraCaFile(), ...extra];
}

function extraCaFile(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

export function createHttpLayer(config: NetworkConfig, options: HttpLayerOptions = {}): HttpLayer {
  const env = options.env ?? process.env;
  const ca = trustedRoots(options);
  // One context for every connection: given as `ca`, Node would parse the ~150 roots again
  // for each new TLS connection.
  const tlsOptions = ca === undefined ? {} : { secureContext: tls.createSecureContext({ ca }) };
  const manual = config.mode === 'manual' ? parseProxyUrl(config.proxyUrl).href : null;
  // The proxy each request went through, read back when it fails.
  const chosen = new WeakMap<http.ClientRequest, string>();

  const proxyFor = async (url: URL): Promise<string | null> => {
    switch (config.mode) {
      case 'direct':
        return null;
      case 'manual':
        return manual;
      case 'env': {
        const proxy = proxyFromEnv(url, env);
        return proxy === null ? null : parseProxyUrl(proxy).href;
      }
      case 'resolver': {
        const proxy = await config.resolve(url);
        return proxy === null ? null : parseProxyUrl(proxy).href;
      }
    }
  };

  const makeAgent = (guard: boolean, protocol: 'http:' | 'https:'): ProxyAgent => {
    const lookup = guard ? { lookup: guardedLookup } : {};
    const agent = new ProxyAgent({
      keepAlive: true,
      ...tlsOptions,
      // The direct connections; only these resolve the server's name themselves.
      httpAgent: new http.Agent({ keepAlive: true, ...lookup }),
      httpsAgent: new https.Agent({ keepAlive: true, ...tlsOptions, ...lookup }),
      getProxyForUrl: async (raw, req) => {
        const proxy = await proxyFor(new URL(raw));
        if (proxy !== null) chosen.set(req, proxy);
        return proxy ?? '';
      },
    });
    // Node's client reads `agent.protocol` on every request; left unset, agent-base works it
    // out from a stack trace each time (~180 µs of CPU per feed request, measured). One agent
    // per scheme with the protocol set avoids that.
    agent.protocol = protocol;
    return agent;
  };
  // Per scheme, and twice: so a connection opened for the gateway (no guard) is never reused
  // for a host named by server data, which must pass the guard when it connects.
  const agents = {
    open: { 'http:': makeAgent(false, 'http:'), 'https:': makeAgent(false, 'https:') },
    guarded: { 'http:': makeAgent(true, 'http:'), 'https:': makeAgent(true, 'https:') },
  };

  const request = (url: URL, o: HttpRequestOptions): Promise<http.IncomingMessage> =>
    new Promise((resolve, reject) => {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // A literal address never goes through a lookup, so it is checked here. When a proxy
      // carries the request, the proxy resolves names and we never see the address: only
      // literal addresses can be refused then.
      if (o.refuseInternal && isIP(host) !== 0 && isInternalAddress(host)) {
        reject(new InternalAddressError(host, host));
        return;
      }
      const send = url.protocol === 'https:' ? https.request : http.request;
      let tunnelStatus: number | null = null;
      const req = send(
        url,
        {
          method: o.method,
          headers: o.headers,
          signal: o.signal,
          agent:
            agents[o.refuseInternal ? 'guarded' : 'open'][
              url.protocol === 'https:' ? 'https:' : 'http:'
            ],
        },
        (res) => {
          const proxy = chosen.get(req);
          const status = res.statusCode ?? 0;
          // https-proxy-agent hands a refused CONNECT's answer on as if the server sent it;
          // through a plain-http proxy, a 407 can only be the proxy's.
          const proxyStatus =
            tunnelStatus !== null && tunnelStatus !== 200
              ? tunnelStatus
              : url.protocol === 'http:' && status === 407
                ? 407
                : null;
          if (proxy !== undefined && proxyStatus !== null) {
            res.destroy();
            reject(
              new ProxyError(proxyStatus === 407 ? 'auth' : 'cannot-reach-host', proxy, url.host, {
                status: proxyStatus,
              }),
            );
            return;
          }
          resolve(res);
        },
      );
      req.on('proxyConnect', (answer: http.IncomingMessage) => {
        tunnelStatus = answer.statusCode ?? 0;
      });
      req.on('error', (error) => {
        const proxy = chosen.get(req);
        if (
          proxy === undefined ||
          tunnelStatus === 200 ||
          o.signal.aborted ||
          error instanceof InternalAddressError
        ) {
          reject(error);
          return;
        }
        reject(proxyFailure(error, proxy, url, tunnelStatus));
      });
      req.end(o.body);
    });

  return {
    config,
    request,
    proxyFor,
    close() {
      for (const set of Object.values(agents))
        for (const agent of Object.values(set)) agent.destroy();
    },
  };
}

/** What a connection error means when a proxy carried the request. */
function proxyFailure(error: Error, proxy: string, url: URL, tunnelStatus: number | null): Error {
  const code = (error as { code?: unknown }).code;
  // SOCKS replies (socks' SocksClientError) say in words what the proxy met.
  if (/HostUnreachable|NetworkUnreachable|ConnectionRefused|TTLExpired/i.test(error.message)) {
    return new ProxyError('cannot-reach-host', proxy, url.host, { cause: error });
  }
  if (/authentication/i.test(error.message)) {
    return new ProxyError('auth', proxy, url.host, { cause: error });
  }
  // Before any answer from the proxy, a failed connection is the proxy's.
  if (tunnelStatus === null && typeof code === 'string' && UNREACHABLE.has(code)) {
    // Through a plain-http proxy the same codes can come from the server behind it only
    // after the proxy answered, which ends up in the response, not here.
    return new ProxyError('refused', proxy, url.host, { cause: error });
  }
  if (url.protocol === 'https:' || /socks/i.test(proxy)) {
    return new ProxyError('failed', proxy, url.host, { cause: error });
  }
  return error;
}

let shared: HttpLayer | null = null;

/** The layer used when none is given: proxy variables, as curl reads them. */
export function defaultHttpLayer(): HttpLayer {
  shared ??= createHttpLayer({ mode: 'env' });
  return shared;
}
