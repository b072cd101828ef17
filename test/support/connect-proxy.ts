// A real HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (how https goes through Clash and
// corporate proxies) and absolute-URL forwarding for plain http. Host names are looked up
// only in `hosts` (name -> a port on 127.0.0.1), so a name such as api.pika.test works only
// through this proxy: reaching it proves the proxy was used. Unknown names get 502.
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface TestProxy {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  /** Every host:port asked for, CONNECT or forwarded, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

export interface TestProxyOptions {
  hosts: Record<string, number>;
  /** Require Basic proxy authentication with these. */
  auth?: { user: string; pass: string };
}

export async function startConnectProxy(options: TestProxyOptions): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const authorized = (req: IncomingMessage): boolean => {
    if (!options.auth) return true;
    const expected = Buffer.from(`${options.auth.user}:${options.auth.pass}`).toString('base64');
    return req.headers['proxy-authorization'] === `Basic ${expected}`;
  };
  const portOf = (hostPort: string): number | undefined => {
    const host = hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return Object.hasOwn(options.hosts, host) ? options.hosts[host] : undefined;
  };

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    seen.push(target.host);
    if (!authorized(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const port = portOf(target.hostname);
    if (port === undefined) {
      res.writeHead(502).end('unknown host');
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: target.pathname + target.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const asked = req.url ?? '';
    seen.push(asked);
    client.on('error', () => undefined);
    if (!authorized(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const port = portOf(asked);
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.byteLength > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => {
      if (!client.writableEnded)
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
