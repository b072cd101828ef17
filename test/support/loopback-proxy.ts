// A real HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (https, or any TCP) and plain
// http forwarding (absolute-form requests), optionally asking for Basic credentials (407).
// `hosts` maps names that resolve only through this proxy (api.pika.test -> 127.0.0.1:port),
// which proves a request went through it. It records what it was asked to reach.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface LoopbackProxy {
  /** http://127.0.0.1:port (no credentials). */
  url: string;
  port: number;
  /** host:port of every CONNECT and plain request, in order. */
  reached: string[];
  close(): Promise<void>;
}

export interface LoopbackProxyOptions {
  /** Names only this proxy can resolve, to a loopback host:port. */
  hosts?: Record<string, { host: string; port: number }>;
  /** "user:password" the proxy requires (Proxy-Authorization: Basic). */
  auth?: string;
}

export async function startLoopbackProxy(
  options: LoopbackProxyOptions = {},
): Promise<LoopbackProxy> {
  const reached: string[] = [];
  const sockets = new Set<Socket>();
  const expected = options.auth ? `Basic ${Buffer.from(options.auth).toString('base64')}` : null;
  const allowed = (req: IncomingMessage) =>
    expected === null || req.headers['proxy-authorization'] === expected;
  const target = (hostPort: string): { host: string; port: number } => {
    const at = hostPort.lastIndexOf(':');
    const name = hostPort.slice(0, at).replace(/^\[|\]$/g, '');
    return options.hosts?.[name] ?? { host: name, port: Number(hostPort.slice(at + 1)) };
  };

  const server = createServer((req, res) => {
    if (!allowed(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/');
    reached.push(url.host);
    const to = target(`${url.hostname}:${url.port || 80}`);
    const upstream = httpRequest(
      {
        host: to.host,
        port: to.port,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (!allowed(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
      );
      return;
    }
    reached.push(req.url ?? '');
    const to = target(req.url ?? '');
    const upstream = connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      if (!client.writableEnded) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    reached,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
