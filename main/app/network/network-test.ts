// Settings -> Network -> Test: one request to the gateway through the chosen setting, on a
// layer of its own (what is on screen may not be saved yet). Any HTTP answer means the
// gateway was reached; the token is not sent (Token -> Test checks the token), so it cannot
// leak through a proxy being tried. Messages name the proxy without its password.
import type { NetworkTestResult } from '../../../preload/contract';
import type { HttpLayer } from '../../core/http/http-layer';
import { describeProxy } from '../../core/http/network-config';
import { ProxyError } from '../../core/http/proxy-error';
import type { NetworkSetting } from '../../core/settings';
import type { Locale } from '../../core/i18n/locale';
import { renderMessage, say, type MessageRef } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';

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

function reason(error: unknown, locale: Locale): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = textOf(error, locale);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

export async function testNetwork(options: {
  setting: NetworkSetting;
  baseUrl: string;
  layerFor(setting: NetworkSetting): HttpLayer;
  timeoutMs?: number;
  /** The language of the result's message (the window's). */
  locale?: Locale;
}): Promise<NetworkTestResult> {
  const { setting } = options;
  const locale = options.locale ?? 'en';
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}${PROBE_PATH}`);
  const layer = options.layerFor(setting);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? NETWORK_TEST_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let via: MessageRef = say('network.viaDirect');
  try {
    const proxy = await layer.proxyFor(url);
    if (proxy !== null) {
      const shown = describeProxy(proxy);
      via =
        setting.mode === 'system'
          ? say('network.viaSystemProxy', shown)
          : say('network.viaProxy', shown);
    } else if (setting.mode === 'system') {
      via = say('network.viaDirectNoSystemProxy');
    }
    const response = await layer.request(url, {
      method: 'GET',
      headers: { Accept: 'application/json', 'User-Agent': 'PikaTray' },
      signal: controller.signal,
    });
    response.destroy();
    return {
      result: 'reached',
      message: renderMessage(
        say('network.reached', url.host, via, response.statusCode ?? 0),
        locale,
      ),
    };
  } catch (error) {
    if (error instanceof ProxyError) {
      // A ref when the proxy error has one (see ProxyError), else its English words.
      return { result: 'proxy-failed', message: redact(textOf(error, locale), setting) };
    }
    const why = timedOut
      ? say('network.noAnswer', Math.round(timeoutMs / 1000))
      : reason(error, locale);
    return {
      result: 'unreachable',
      message: redact(
        renderMessage(say('network.unreachable', url.host, via, why), locale),
        setting,
      ),
    };
  } finally {
    clearTimeout(timer);
    layer.close();
  }
}
