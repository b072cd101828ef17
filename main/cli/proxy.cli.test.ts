// The command line's network options, run as a user runs them: a child process, the fake Pika
// server over https as api.pika.test (a name only the test proxy resolves), the test CA
// trusted through NODE_EXTRA_CA_CERTS.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../test/fake-server/index';
import { collectOutput, type ProcessOutput } from '../../test/support/collect-output';
import { startConnectProxy, type TestProxy } from '../../test/support/connect-proxy';
import { createTestCa } from '../../test/support/test-ca';

const ROOT = resolve(import.meta.dirname, '../..');
const PROXY_VARIABLES = /^(https?|all|no)_proxy$|^PIKA_PROXY$/i;
let fake: FakePika;
let proxy: TestProxy;
let caDir: string;
let caFile: string;
let fakePort: number;

beforeAll(async () => {
  const ca = createTestCa();
  fake = await startFakePika({
    tls: ca.issue(['api.pika.test', 'cdn.pika.test', 'localhost']),
    mediaBase: 'https://cdn.pika.test',
  });
  fakePort = Number(new URL(fake.url).port);
  proxy = await startConnectProxy({
    hosts: { 'api.pika.test': fakePort, 'cdn.pika.test': fakePort },
  });
  caDir = await mkdtemp(join(tmpdir(), 'pika-cli-ca-'));
  caFile = join(caDir, 'ca.pem');
  await writeFile(caFile, ca.cert);
}, 30_000);
afterAll(async () => {
  await proxy.close();
  await fake.close();
  await rm(caDir, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.seen.length = 0;
});

function get(args: string[], env: Record<string, string> = {}): Promise<ProcessOutput> {
  return cli(['get', '--retries', '0', ...args], env);
}

function cli(args: string[], env: Record<string, string> = {}): Promise<ProcessOutput> {
  const parentEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !PROXY_VARIABLES.test(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    cwd: ROOT,
    env: {
      ...parentEnv,
      PIKA_BASE_URL: 'https://api.pika.test',
      PIKA_TOKEN: fake.token,
      NODE_EXTRA_CA_CERTS: caFile,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child, { name: `pika-tray ${args[0]}` });
}

describe('pika-tray get through a proxy', () => {
  it('--proxy, PIKA_PROXY and HTTPS_PROXY each carry the request (NODE_EXTRA_CA_CERTS trusted)', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    for (const [args, env] of [
      [['--proxy', proxy.url], {}],
      [[], { PIKA_PROXY: proxy.url }],
      [[], { HTTPS_PROXY: proxy.url }],
      [[], { https_proxy: proxy.url.replace('http://', '') }],
    ] as [string[], Record<string, string>][]) {
      proxy.seen.length = 0;
      const out = await get([...args, id], env);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/^Status +finished · 100%$/m);
      expect(proxy.seen).toEqual(['api.pika.test:443']);
    }
  }, 60_000);

  it('watch downloads the video from cdn.pika.test through --proxy', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, mediaBytes: 2 * 1024 * 1024 });
    const dir = await mkdtemp(join(tmpdir(), 'pika-cli-proxy-dl-'));
    try {
      const out = await cli([
        'watch',
        id,
        '--proxy',
        proxy.url,
        '--download-dir',
        dir,
        '--json',
        '--no-notify',
      ]);
      expect(out.code).toBe(0);
      const names = (await readdir(dir)).filter((n) => n.endsWith('.mp4'));
      expect(names).toHaveLength(1);
      expect((await readFile(join(dir, names[0]!))).equals(fake.mediaBytes(id))).toBe(true);
      expect(proxy.seen).toContain('cdn.pika.test:443');
      expect(proxy.seen).toContain('api.pika.test:443');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--proxy direct ignores every proxy variable; NO_PROXY is honoured', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const dead = 'http://127.0.0.1:9';
    const base = `https://localhost:${fakePort}`;
    const direct = await get(['--proxy', 'direct', '--base-url', base, id], {
      HTTPS_PROXY: dead,
      ALL_PROXY: dead,
      PIKA_PROXY: dead,
    });
    expect(direct.code).toBe(0);
    const bypassed = await get(['--base-url', base, id], {
      HTTPS_PROXY: dead,
      NO_PROXY: 'localhost',
    });
    expect(bypassed.code).toBe(0);
    // Without NO_PROXY the dead proxy is used, and named.
    const dies = await get(['--base-url', base, id], { HTTPS_PROXY: dead });
    expect(dies.code).toBe(1);
    expect(dies.stderr).toContain(`The proxy ${dead} could not be reached (ECONNREFUSED)`);
    expect(proxy.seen).toEqual([]);
  }, 60_000);

  it('a bad proxy address is refused with exit 2 before anything is sent', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        ['--proxy', 'ftp://proxy:21'],
        {},
        /--proxy: Proxies of type ftp:\/\/ are not supported\. Use http:\/\//,
      ],
      [
        [],
        { PIKA_PROXY: 'http://me:secret@proxy:3128/path' },
        /PIKA_PROXY: The proxy address "http:\/\/proxy:3128" has a path/,
      ],
      [
        [],
        { HTTPS_PROXY: 'http://[nope' },
        /HTTPS_PROXY: The proxy address "http:\/\/\[nope" is not a URL/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const out = await get([...args, id], env);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toContain('secret');
    }
    expect(proxy.seen).toEqual([]);
  }, 60_000);
});
