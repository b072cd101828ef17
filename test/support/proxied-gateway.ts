// The fake Pika server as users behind a proxy meet their gateway: over https, with a
// certificate from a CA made for the run, under a name (api.pika.test) that only the loopback
// proxy can resolve. A request that reaches it went through the proxy.
import { connect, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { startFakePika, type FakePika, type FakePikaOptions } from '../fake-server/index';
import {
  startLoopbackProxy,
  type LoopbackProxy,
  type LoopbackProxyOptions,
} from './loopback-proxy';
import { createTestCa } from './test-ca';

export const GATEWAY_HOST = 'api.pika.test';

export interface ProxiedGateway {
  fake: FakePika;
  proxy: LoopbackProxy;
  /** https://api.pika.test: reachable only through `proxy`. */
  baseUrl: string;
  /** Where the TLS gateway really listens: for another proxy's `hosts`. */
  address: { host: string; port: number };
  /** The CA that signed the gateway's certificate; clients must trust it. */
  ca: string;
  close(): Promise<void>;
}

export async function startProxiedGateway(
  options: { fake?: FakePikaOptions; proxy?: Omit<LoopbackProxyOptions, 'hosts'> } = {},
): Promise<ProxiedGateway> {
  const fake = await startFakePika(options.fake);
  const fakePort = Number(new URL(fake.url).port);
  const ca = createTestCa();
  const sockets = new Set<Socket>();
  // TLS ends here; the bytes inside go on to the fake server as they are.
  const tls = createTlsServer(ca.issue([GATEWAY_HOST]), (secure) => {
    const plain = connect(fakePort, '127.0.0.1');
    for (const s of [secure, plain]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        secure.destroy();
        plain.destroy();
      });
    }
    secure.pipe(plain).pipe(secure);
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const address = tls.address();
  const tlsPort = typeof address === 'object' && address ? address.port : 0;
  const proxy = await startLoopbackProxy({
    ...options.proxy,
    hosts: { [GATEWAY_HOST]: { host: '127.0.0.1', port: tlsPort } },
  });
  return {
    fake,
    proxy,
    baseUrl: `https://${GATEWAY_HOST}`,
    address: { host: '127.0.0.1', port: tlsPort },
    ca: ca.cert,
    async close() {
      await proxy.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      await fake.close();
    },
  };
}
