// The command line's network: --proxy URL, else PIKA_PROXY, else the proxy variables as curl
// reads them. "--proxy direct" ignores every proxy variable. A bad proxy address is a usage
// error (exit 2), found before anything is sent. NODE_EXTRA_CA_CERTS is read by Node itself
// and kept by the HTTP layer.
import { createHttpLayer, type HttpLayer } from '../core/http/http-layer';
import { ProxyUrlError, parseProxyUrl, type NetworkConfig } from '../core/http/network-config';
import { UsageError, type SharedValues } from './options';

export const PROXY_HELP = `  --proxy <url>     proxy for every request: http://host:port, https://…, socks5://…,
                    user:pass@ allowed (or env PIKA_PROXY); "direct" ignores every proxy
                    variable. Default: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY`;

const ENV_PROXIES = ['https_proxy', 'http_proxy', 'all_proxy'];

function fromValue(raw: string, from: string): NetworkConfig {
  if (raw.trim().toLowerCase() === 'direct') return { mode: 'direct' };
  try {
    return { mode: 'manual', proxyUrl: parseProxyUrl(raw).href };
  } catch (error) {
    if (error instanceof ProxyUrlError) throw new UsageError(`${from}: ${error.message}`);
    throw error;
  }
}

/** The network configuration of this invocation; throws UsageError for a bad proxy. */
export function networkFrom(values: SharedValues, env: NodeJS.ProcessEnv): NetworkConfig {
  const flag = values['proxy'];
  if (typeof flag === 'string') return fromValue(flag, '--proxy');
  const pika = env['PIKA_PROXY']?.trim();
  if (pika) return fromValue(pika, 'PIKA_PROXY');
  for (const lower of ENV_PROXIES) {
    for (const name of [lower, lower.toUpperCase()]) {
      const value = env[name]?.trim();
      if (!value) continue;
      try {
        parseProxyUrl(value);
      } catch (error) {
        if (error instanceof ProxyUrlError) throw new UsageError(`${name}: ${error.message}`);
        throw error;
      }
    }
  }
  return { mode: 'env' };
}

const layers = new Map<string, HttpLayer>();

/** One HTTP layer per configuration for the whole invocation (the API client and the
 * downloads share its connections). */
export function httpLayerFrom(values: SharedValues, env: NodeJS.ProcessEnv): HttpLayer {
  const config = networkFrom(values, env);
  const key = config.mode === 'manual' ? `manual ${config.proxyUrl}` : config.mode;
  let layer = layers.get(key);
  if (!layer) {
    layer = createHttpLayer(config, { env });
    layers.set(key, layer);
  }
  return layer;
}
