// The test CA signs certificates that Node accepts only when told to trust the CA.
import { once } from 'node:events';
import { request, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestCa } from './test-ca';

function get(port: number, ca?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        servername: 'cdn.pika.test',
        path: '/',
        ca,
        headers: { host: 'cdn.pika.test' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('test CA', () => {
  it('issues a certificate trusted only through the CA', async () => {
    const ca = createTestCa();
    const server = createServer(ca.issue(['cdn.pika.test', '127.0.0.1']), (_req, res) =>
      res.end('hello'),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      await expect(get(port)).rejects.toThrow(/certificate/i);
      await expect(get(port, ca.cert)).resolves.toBe('hello');
    } finally {
      server.close();
    }
  });
});
