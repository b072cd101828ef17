// The app's network: one HttpLayer object, handed once to the API client, the downloader and
// the poster cache, that follows Settings -> Network. Each request goes through the layer made
// for the setting in force when it starts, so switching needs no restart; requests under way
// finish through the old one, which is closed once the last of them has ended.
//
// It also watches what the gateway's requests meet: a ProxyError there is "proxy
// unreachable" for the tray and the window (not "offline"), and any answer clears it. With
// the system proxy, a proxy that could not be used is reported to the resolver, so the next
// request takes the next entry of its list.
import { createHttpLayer, type HttpLayer, type HttpLayerOptions } from '../../core/http/http-layer';
import type { NetworkConfig } from '../../core/http/network-config';
import { ProxyError } from '../../core/http/proxy-error';
import {
  createSystemProxyResolver,
  type ResolveProxyPort,
  type SystemProxyResolver,
} from '../../core/http/system-proxy-resolver';
import type { NetworkSetting } from '../../core/settings';
import { readMessageRef, type MessageRef } from '../../core/text/message-ref';

/** Why the gateway cannot be reached through the proxy; the proxy is shown without password. */
export interface ProxyProblem {
  proxy: string;
  failure: ProxyError['failure'];
  /** English; `ref` (when the proxy error carries one) renders in the reader's language. */
  message: string;
  ref?: MessageRef;
}

export interface NetworkService {
  /** The one layer for the whole app; it follows the setting. */
  readonly http: HttpLayer;
  /** What the layer for this setting is configured with. */
  configFor(setting: NetworkSetting): NetworkConfig;
  /** A layer of its own for a setting (saved or not), e.g. for Test; the caller closes it. */
  layerFor(setting: NetworkSetting): HttpLayer;
  /** The setting changed: new requests use it from now on. */
  apply(setting: NetworkSetting): void;
  /** The network may have changed (wake, back online): ask the system resolver again. */
  networkChanged(): void;
  /** The gateway's last request failed at the proxy; null once an answer came. */
  proxyProblem(): ProxyProblem | null;
  onProxyProblem(listener: (problem: ProxyProblem | null) => void): () => void;
  close(): void;
}

export interface NetworkServiceOptions {
  setting: NetworkSetting;
  /** The gateway's origin (scheme://host:port), read per request. */
  gatewayOrigin(): string;
  /** Chromium's resolver (session.resolveProxy). Without it, "system" reads the proxy
   * variables instead (plain Node: tests, the e2e harness without a stub). */
  resolveProxy?: ResolveProxyPort;
  /** Passed to every layer (tests: a CA made in the test). */
  httpOptions?: HttpLayerOptions;
  log?: (message: string) => void;
}

/** Failures that say the proxy itself is unusable, so the next list entry is worth a try. */
const FALL_BACK_ON: readonly ProxyError['failure'][] = ['refused', 'failed'];

export function createNetworkService(options: NetworkServiceOptions): NetworkService {
  const resolver: SystemProxyResolver | null = options.resolveProxy
    ? createSystemProxyResolver({
        resolveProxy: options.resolveProxy,
        ...(options.log ? { log: options.log } : {}),
      })
    : null;

  const configFor = (setting: NetworkSetting): NetworkConfig => {
    switch (setting.mode) {
      case 'none':
        return { mode: 'direct' };
      case 'manual':
        return { mode: 'manual', proxyUrl: setting.proxyUrl };
      case 'system':
        return resolver ? { mode: 'resolver', resolve: resolver.resolve } : { mode: 'env' };
    }
  };
  const layerFor = (setting: NetworkSetting): HttpLayer =>
    createHttpLayer(configFor(setting), options.httpOptions);

  let current = layerFor(options.setting);
  let currentSetting = options.setting;
  // Requests under way per layer (until their answer closes), and replaced layers that
  // still have some: each is closed when its last request ends.
  const inFlight = new Map<HttpLayer, number>();
  const retiring = new Set<HttpLayer>();
  const acquire = (layer: HttpLayer): void => {
    inFlight.set(layer, (inFlight.get(layer) ?? 0) + 1);
  };
  const release = (layer: HttpLayer): void => {
    const left = (inFlight.get(layer) ?? 1) - 1;
    if (left > 0) {
      inFlight.set(layer, left);
      return;
    }
    inFlight.delete(layer);
    if (retiring.delete(layer)) layer.close();
  };
  let problem: ProxyProblem | null = null;
  const listeners = new Set<(problem: ProxyProblem | null) => void>();

  const setProblem = (next: ProxyProblem | null): void => {
    if (JSON.stringify(next) === JSON.stringify(problem)) return;
    problem = next;
    for (const listener of listeners) listener(problem);
  };

  const isGateway = (url: URL): boolean => {
    try {
      return url.origin === new URL(options.gatewayOrigin()).origin;
    } catch {
      return false;
    }
  };

  const http: HttpLayer = {
    get config() {
      return current.config;
    },
    async request(url, requestOptions) {
      const layer = current;
      acquire(layer);
      try {
        const response = await layer.request(url, requestOptions);
        if (response.closed) release(layer);
        else response.once('close', () => release(layer));
        if (isGateway(url)) setProblem(null);
        return response;
      } catch (error) {
        release(layer);
        if (error instanceof ProxyError) {
          if (resolver && layer.config.mode === 'resolver' && FALL_BACK_ON.includes(error.failure))
            resolver.proxyFailed(error.proxy);
          if (isGateway(url)) {
            const ref = readMessageRef((error as { ref?: unknown }).ref);
            setProblem({
              proxy: error.proxy,
              failure: error.failure,
              message: error.message,
              ...(ref ? { ref } : {}),
            });
          }
        }
        throw error;
      }
    },
    proxyFor: (url) => current.proxyFor(url),
    close() {
      // The service's own close() ends every layer.
    },
  };

  return {
    http,
    configFor,
    layerFor,
    apply(setting) {
      if (JSON.stringify(setting) === JSON.stringify(currentSetting)) return;
      const old = current;
      current = layerFor(setting);
      currentSetting = setting;
      // What the old proxy did says nothing about the new one.
      setProblem(null);
      if (inFlight.has(old)) retiring.add(old);
      else old.close();
    },
    networkChanged() {
      resolver?.invalidate();
    },
    proxyProblem: () => problem,
    onProxyProblem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const layer of retiring) layer.close();
      retiring.clear();
      current.close();
      listeners.clear();
    },
  };
}
