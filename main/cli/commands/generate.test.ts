// The generate command in-process, against the real fake Pika server (real HTTP, real client).
// The child-process test (generate.cli.test.ts) covers the same through the real entry point.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPikaClient } from '../../core/api/client';
import { startFakePika, type FakePika } from '../../../test/fake-server';
import { until } from '../../../test/fake-server/until';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runGenerate, type GenerateDeps } from './generate';
import { cliText, type CliText } from '../i18n';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A port nothing listens on (fetch refuses well-known ports such as 9 outright). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let server: FakePika;
let dir: string;

beforeAll(async () => {
  server = await startFakePika();
  dir = await mkdtemp(join(tmpdir(), 'pika-generate-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => server.clearFaults());

function run(argv: string[], opts: { token?: string; baseUrl?: string; text?: CliText } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const watched: string[] = [];
  const deps: GenerateDeps = {
    client: (_shared, timeoutMs) =>
      createPikaClient({
        baseUrl: opts.baseUrl ?? server.url,
        getToken: () => opts.token ?? server.token,
        timeoutMs: timeoutMs ?? 5000,
      }),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    watch: async (id, args) => {
      watched.push(id, ...args.watchArgv);
      return EXIT_OK;
    },
    ...(opts.text ? { text: opts.text } : {}),
  };
  const before = server.generateBodies.length;
  return runGenerate(argv, deps).then((code) => ({
    code,
    out,
    err: err.join('\n'),
    watched,
    bodies: server.generateBodies.slice(before),
  }));
}

describe('pika-tray generate (in-process)', () => {
  it('sends the defaults and prints only the task id on stdout', async () => {
    const r = await run(['a', 'paper', 'boat']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.bodies).toEqual([
      {
        promptText: 'a paper boat',
        model: '2.0',
        pikaffect: '',
        options: {
          aspectRatio: 16 / 9,
          frameRate: 24,
          camera: {},
          extend: false,
          parameters: { guidanceScale: 12, motion: 1, negativePrompt: '' },
        },
      },
    ]);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.err).toContain(`pika-tray watch ${r.out[0]}`);
  });

  it('every option ends up in the body', async () => {
    const r = await run([
      'a fox',
      '--model',
      '1.5',
      '--effect',
      'Cake-ify',
      '--aspect',
      '4:5',
      '--frame-rate',
      '12',
      '--motion',
      '3',
      '--guidance',
      '20',
      '--negative',
      'blurry',
      '--json',
    ]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.bodies).toEqual([
      {
        promptText: 'a fox',
        model: '1.5',
        pikaffect: 'Cake-ify',
        options: {
          aspectRatio: 0.8,
          frameRate: 12,
          camera: {},
          extend: false,
          parameters: { guidanceScale: 20, motion: 3, negativePrompt: 'blurry' },
        },
      },
    ]);
    expect(JSON.parse(r.out[0]!)).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('--image FILE sends the file inline as base64, no aspect ratio', async () => {
    const file = join(dir, 'start.png');
    await writeFile(file, PNG);
    const r = await run(['animate', '--image', file]);
    expect(r.code).toBe(EXIT_OK);
    const body = r.bodies[0] as { image: string; options: object };
    expect(body.image).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(body.options).not.toHaveProperty('aspectRatio');
  });

  it('--image URL is sent as given', async () => {
    const r = await run(['animate', '--image', 'https://example.com/cat.jpg']);
    expect(r.code).toBe(EXIT_OK);
    expect((r.bodies[0] as { image: string }).image).toBe('https://example.com/cat.jpg');
  });

  it('--image with a file that is not an image sends nothing', async () => {
    const file = join(dir, 'notes.png');
    await writeFile(file, 'just text, named like a png');
    const r = await run(['animate', '--image', file]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('notes.png is not a PNG, JPEG or WebP image.');
    expect(r.bodies).toEqual([]);
  });

  it("--extend TASK extends that task's finished video", async () => {
    const taskId = server.addTask({ queuedMs: 0, runMs: 30, prompt: 'a lighthouse' });
    await until(() => server.endedAt(taskId), { what: 'the task to finish' });
    const r = await run(['keep going', '--extend', taskId]);
    expect(r.code).toBe(EXIT_OK);
    const body = r.bodies[0] as { video: string; options: { extend: boolean } };
    expect(body.video).toMatch(new RegExp(`^${server.url}/`));
    expect(body.options.extend).toBe(true);
    expect(body.options).not.toHaveProperty('aspectRatio');
  });

  it('--extend TASK that has not finished sends nothing', async () => {
    const taskId = server.addTask({ queuedMs: 10_000 });
    const r = await run(['keep going', '--extend', taskId]);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toContain(`task ${taskId} has no finished video yet`);
    expect(r.bodies).toEqual([]);
  });

  it('--extend URL is sent with options.extend', async () => {
    const r = await run(['more', '--extend', 'https://cdn.pika.art/v1/x/video.mp4']);
    expect(r.code).toBe(EXIT_OK);
    // The whole body, exactly: every documented field, the frame left to the video.
    expect(r.bodies).toEqual([
      {
        promptText: 'more',
        model: '2.0',
        pikaffect: '',
        video: 'https://cdn.pika.art/v1/x/video.mp4',
        options: {
          frameRate: 24,
          camera: {},
          extend: true,
          parameters: { guidanceScale: 12, motion: 1, negativePrompt: '' },
        },
      },
    ]);
  });

  it('bad options: every problem named by its option, exit 2, nothing sent', async () => {
    const r = await run(['', '--model', '3', '--motion', '9', '--aspect', '2:1']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('prompt: Describe the video you want.');
    expect(r.err).toContain('--model: Choose model 1.5 or 2.0.');
    expect(r.err).toContain('--motion: Motion must be a whole number from 0 to 4.');
    expect(r.err).toContain('--aspect: Choose an aspect ratio');
    expect(r.bodies).toEqual([]);
  });

  it('an unknown option is refused before anything is sent', async () => {
    const r = await run(['x', '--colour', 'red']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toMatch(/colour/);
    expect(r.bodies).toEqual([]);
  });

  it('a server that never answers: exactly one POST, exit 1, unknown outcome', async () => {
    server.fault({ kind: 'hang' });
    const r = await run(['maybe billed', '--timeout', '0.3']);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toContain('unknown outcome — check before resending');
    expect(r.bodies).toHaveLength(1);
    expect(r.out).toEqual([]);
  });

  it('a 502 from a gateway is unknown too, and not retried', async () => {
    server.fault({ kind: 'server-error', status: 502, count: 5 });
    const r = await run(['maybe billed']);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toContain('unknown outcome');
    expect(r.bodies).toHaveLength(1);
  });

  it('a rejected token is a refusal (exit 3): nothing started, token never printed', async () => {
    const r = await run(['x'], { token: 'sk-wrong-secret' });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/refused/);
    expect(r.err).toContain('Nothing was started.');
    expect(r.err).not.toContain('sk-wrong-secret');
  });

  it('a server that cannot be reached: nothing was sent', async () => {
    const r = await run(['x'], { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toContain('Nothing was sent.');
    expect(r.err).not.toContain('unknown outcome');
  });

  it('a server that cannot be reached, in 简体中文: the cause and "nothing was sent" in Chinese', async () => {
    const port = await closedPort();
    const r = await run(['x'], { baseUrl: `http://127.0.0.1:${port}`, text: cliText('zh-Hans') });
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toContain(`127.0.0.1:${port} 拒绝了连接`);
    expect(r.err).toContain('（请求未发送。）');
    expect(r.err).not.toMatch(/Nothing was sent|refused the connection/);
  });

  it('--watch hands the new id to the watcher, with the watch options', async () => {
    const r = await run(['x', '--watch', '--download-dir', dir, '--no-notify', '--interval', '1']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.watched).toEqual([r.out[0], '--download-dir', dir, '--no-notify', '--interval', '1']);
  });

  it('watch options without --watch are refused before anything is sent', async () => {
    const r = await run(['x', '--download-dir', dir]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('only apply with --watch');
    expect(r.bodies).toEqual([]);
  });
});
