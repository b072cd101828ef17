// Settings -> Network -> Test: one request to the gateway through the chosen setting, on a
// layer of its own (what is on screen may not be saved yet). Any HTTP answer means the
// gateway was reached; the token is not sent (Token -> Test checks the token), so it cannot
// leak through a proxy being tried. Messages name the proxy without its password.
import type { NetworkTestResult } from '../../../preload/contract';
import type { HttpLayer } from '../../core/http/http-layer';
import { describeProxy } from '../../core/http/network-config';
import { ProxyError } from '../../core/http/proxy-error';
import type { NetworkSetting } from '../../core/settings';

export const NETWORK_TEST_TIMEOUT_MS = 15_000;

/** A well-formed task id no task has: the gateway answers it without doing any work. */
const PROBE_PATH = '/pika/feed/00000000-0000-4000-8000-000000000000';

/** Anything of the typed proxy's user name or password blanked out of a message. */
function redact(message: string, setting: NetworkSetting): string {
  let secret: string[] = [];
  try {
    const url = new URL(setting.proxyUrl);
    secret = [url.password, url.username, decodeURIComponent(url.password)].filter(
      (s) => s.length >= 3,
    );
  } catch {
    // no URL, no secret in it
  }
  return secret.reduce((text, s) => text.split(s).join('***'), message);
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

export async function testNetwork(options: {
  setting: NetworkSetting;
  baseUrl: string;
  layerFor(setting: NetworkSetting): HttpLayer;
  timeoutMs?: number;
}): Promise<NetworkTestResult> {
  const { setting } = options;
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}${PROBE_PATH}`);
  const layer = options.layerFor(setting);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? NETWORK_TEST_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let via = 'directly';
  try {
    const proxy = await layer.proxyFor(url);
    if (proxy !== null) {
      via = `through ${setting.mode === 'system' ? 'the system proxy ' : ''}${describeProxy(proxy)}`;
    } else if (setting.mode === 'system') {
      via = 'directly (the system names no proxy for it)';
    }
    const response = await layer.request(url, {
      method: 'GET',
      headers: { Accept: 'application/json', 'User-Agent': 'PikaTray' },
      signal: controller.signal,
    });
    response.destroy();
    return {
      result: 'reached',
      message: `The gateway ${url.host} answered ${via} (HTTP ${response.statusCode ?? 0}).`,
    };
  } catch (error) {
    if (error instanceof ProxyError) {
      return { result: 'proxy-failed', message: redact(error.message, setting) };
    }
    const why = timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : reason(error);
    return {
      result: 'unreachable',
      message: redact(`${url.host} could not be reached ${via}: ${why}`, setting),
    };
  } finally {
    clearTimeout(timer);
    layer.close();
  }
}
