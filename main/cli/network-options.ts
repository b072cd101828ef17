// The command line's network: --proxy URL, else PIKA_PROXY, else the proxy variables as curl
// reads them. "--proxy direct" ignores every proxy variable. A bad proxy address is a usage
// error (exit 2), found before anything is sent. NODE_EXTRA_CA_CERTS is read by Node itself
// and kept by the HTTP layer.
import { createHttpLayer, type HttpLayer } from '../core/http/http-layer';
import { ProxyUrlError, parseProxyUrl, type NetworkConfig } from '../core/http/network-config';
import { textOf } from '../core/text/text-error';
import type { CliText } from './i18n';
import { UsageError, textFor, type SharedValues } from './options';

const ENV_PROXIES = ['https_proxy', 'http_proxy', 'all_proxy'];

/** The proxy rule is the core's (shared with Settings): its words come from there. */
function proxyProblem(from: string, error: ProxyUrlError, text: CliText): UsageError {
  return new UsageError(text.t.usage.problem(from, textOf(error, text.locale)));
}

function fromValue(raw: string, from: string, text: CliText): NetworkConfig {
  if (raw.trim().toLowerCase() === 'direct') return { mode: 'direct' };
  try {
    return { mode: 'manual', proxyUrl: parseProxyUrl(raw).href };
  } catch (error) {
    if (error instanceof ProxyUrlError) throw proxyProblem(from, error, text);
    throw error;
  }
}

/** The network configuration of this invocation; throws UsageError for a bad proxy. */
export function networkFrom(
  values: SharedValues,
  env: NodeJS.ProcessEnv,
  text: CliText = textFor(env),
): NetworkConfig {
  const flag = values['proxy'];
  if (typeof flag === 'string') return fromValue(flag, '--proxy', text);
  const pika = env['PIKA_PROXY']?.trim();
  if (pika) return fromValue(pika, 'PIKA_PROXY', text);
  for (const lower of ENV_PROXIES) {
    for (const name of [lower, lower.toUpperCase()]) {
      const value = env[name]?.trim();
      if (!value) continue;
      try {
        parseProxyUrl(value);
      } catch (error) {
        if (error instanceof ProxyUrlError) throw proxyProblem(name, error, text);
        throw error;
      }
    }
  }
  return { mode: 'env' };
}

const layers = new Map<string, HttpLayer>();

/** One HTTP layer per configuration for the whole invocation (the API client and the
 * downloads share its connections). */
export function httpLayerFrom(
  values: SharedValues,
  env: NodeJS.ProcessEnv,
  text: CliText = textFor(env),
): HttpLayer {
  const config = networkFrom(values, env, text);
  const key = config.mode === 'manual' ? `manual ${config.proxyUrl}` : config.mode;
  let layer = layers.get(key);
  if (!layer) {
    layer = createHttpLayer(config, { env });
    layers.set(key, layer);
  }
  return layer;
}
