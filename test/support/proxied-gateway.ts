// The fake Pika server as users behind a proxy meet their gateway: over https, with a
// certificate from a CA made for the run, under a name (api.pika.test) that only the test
// CONNECT proxy can resolve. A request that reaches it went through the proxy.
import { startFakePika, type FakePika, type FakePikaOptions } from '../fake-server/index';
import { startConnectProxy, type TestProxy, type TestProxyOptions } from './connect-proxy';
import { createTestCa } from './test-ca';

export const GATEWAY_HOST = 'api.pika.test';
/** With `cdn: true`, video and poster links point here (also only through the proxy). */
export const CDN_HOST = 'cdn.pika.test';

export interface ProxiedGateway {
  fake: FakePika;
  proxy: TestProxy;
  /** https://api.pika.test: reachable only through `proxy`. */
  baseUrl: string;
  /** The port on 127.0.0.1 the gateway really listens on: for another proxy's `hosts`. */
  port: number;
  /** The CA that signed the gateway's certificate; clients must trust it. */
  ca: string;
  close(): Promise<void>;
}

export async function startProxiedGateway(
  options: {
    fake?: FakePikaOptions;
    proxy?: Omit<TestProxyOptions, 'hosts'>;
    /** Media links as https://cdn.pika.test instead of the server's own address. */
    cdn?: boolean;
  } = {},
): Promise<ProxiedGateway> {
  const ca = createTestCa();
  const fake = await startFakePika({
    ...options.fake,
    tls: ca.issue([GATEWAY_HOST, CDN_HOST]),
    ...(options.cdn ? { mediaBase: `https://${CDN_HOST}` } : {}),
  });
  const port = Number(new URL(fake.url).port);
  const proxy = await startConnectProxy({
    ...options.proxy,
    hosts: { [GATEWAY_HOST]: port, [CDN_HOST]: port },
  });
  return {
    fake,
    proxy,
    baseUrl: `https://${GATEWAY_HOST}`,
    port,
    ca: ca.cert,
    async close() {
      await proxy.close();
      await fake.close();
    },
  };
}
