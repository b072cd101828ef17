// A minimal SOCKS5 proxy on 127.0.0.1 for tests (RFC 1928: no authentication, CONNECT only).
// As in connect-proxy.ts, names resolve only through `hosts`; unknown ones are answered
// "host unreachable".
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface TestSocksProxy {
  /** socks5h://127.0.0.1:port (names resolved by the proxy) */
  url: string;
  /** Every host:port asked for. */
  readonly seen: string[];
  close(): Promise<void>;
}

function reply(code: number): Buffer {
  return Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
}

export async function startSocks5Proxy(hosts: Record<string, number>): Promise<TestSocksProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let stage: 'greeting' | 'request' | 'done' = 'greeting';
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + (buffered[1] ?? 0)) return;
        buffered = buffered.subarray(2 + (buffered[1] ?? 0));
        client.write(Buffer.from([5, 0]));
        stage = 'request';
      }
      if (stage !== 'request' || buffered.length < 5) return;
      const type = buffered[3];
      let host: string;
      let end: number;
      if (type === 3) {
        end = 5 + (buffered[4] ?? 0);
        if (buffered.length < end + 2) return;
        host = buffered.toString('latin1', 5, end);
      } else if (type === 1) {
        end = 8;
        if (buffered.length < end + 2) return;
        host = [...buffered.subarray(4, 8)].join('.');
      } else {
        client.end(reply(8));
        return;
      }
      const port = buffered.readUInt16BE(end);
      stage = 'done';
      client.off('data', onData);
      seen.push(`${host}:${port}`);
      const target = Object.hasOwn(hosts, host) ? hosts[host] : undefined;
      if (target === undefined) {
        client.end(reply(4));
        return;
      }
      const upstream = connect(target, '127.0.0.1', () => {
        client.write(reply(0));
        const rest = buffered.subarray(end + 2);
        if (rest.length > 0) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `socks5h://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
