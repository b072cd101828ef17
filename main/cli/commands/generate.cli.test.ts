// `pika-tray generate` as a user runs it: a real child process through the real entry point,
// against the fake Pika server. Checks what the server received, that a hanging server gets
// exactly one POST, and the exit codes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { folderFiles } from '../../../test/support/download-folder';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessOutput } from '../../../test/support/collect-output';
import { runCli } from '../../../test/support/run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// Every test has its own server, so they run side by side (each child spends ~1 s starting).
const servers: FakePika[] = [];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-generate-cli-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function fakePika(): Promise<FakePika> {
  const server = await startFakePika();
  servers.push(server);
  return server;
}

interface Result extends ProcessOutput {
  bodies: unknown[];
  server: FakePika;
}

async function cli(
  args: string[],
  env: Record<string, string> = {},
  given?: FakePika,
): Promise<Result> {
  const server = given ?? (await fakePika());
  const output = await runCli(['generate', ...args], {
    LANG: 'C.UTF-8',
    PIKA_BASE_URL: server.url,
    PIKA_TOKEN: server.token,
    ...env,
  });
  return { ...output, bodies: [...server.generateBodies], server };
}

describe.concurrent('pika-tray generate (child process)', () => {
  it('prints the task id the server created, and the body carries every option', async () => {
    const r = await cli([
      'a fox in the snow',
      '--model',
      '1.5',
      '--effect',
      'Levitate',
      '--aspect',
      '9:16',
      '--frame-rate',
      '16',
      '--motion',
      '2',
      '--guidance',
      '14',
      '--negative',
      'text, watermark',
    ]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(r.bodies).toEqual([
      {
        promptText: 'a fox in the snow',
        model: '1.5',
        pikaffect: 'Levitate',
        options: {
          aspectRatio: 9 / 16,
          frameRate: 16,
          camera: {},
          extend: false,
          parameters: { guidanceScale: 14, motion: 2, negativePrompt: 'text, watermark' },
        },
      },
    ]);
    // The id printed is a task the server knows.
    const feed = await fetch(`${r.server.url}/pika/feed/${r.stdout.trim()}`, {
      headers: { Authorization: `Bearer ${r.server.token}` },
    });
    expect(feed.status).toBe(200);
  });

  it('--image FILE --json', async () => {
    const file = join(dir, 'start.png');
    await writeFile(file, PNG);
    const r = await cli(['animate', '--image', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: expect.any(String) });
    expect(r.bodies).toHaveLength(1);
    const body = r.bodies[0] as { image: string; options: object };
    expect(body.image).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(body.options).not.toHaveProperty('aspectRatio');
  });

  it('a hanging server: exactly one POST, exit 1, "unknown outcome — check before resending"', async () => {
    const server = await fakePika();
    server.fault({ kind: 'hang' });
    const r = await cli(['maybe billed', '--timeout', '2'], {}, server);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown outcome — check before resending');
    expect(r.bodies).toEqual([expect.objectContaining({ promptText: 'maybe billed' })]);
  });

  it('in 简体中文: started, and a hanging server is an unknown outcome to check before resending', async () => {
    const ok = await cli(['一只狐狸'], { LANG: 'zh_CN.UTF-8' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^[0-9a-f-]{36}\n$/); // the id alone, as in English
    expect(ok.stderr).toBe(`已开始。跟踪进度：pika-tray watch ${ok.stdout.trim()}\n`);
    const server = await fakePika();
    server.fault({ kind: 'hang' });
    const r = await cli(['可能已计费', '--timeout', '2'], { LC_ALL: 'zh_CN.UTF-8' }, server);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pika-tray generate：结果未知——重新发送前请先检查。');
    expect(r.stderr).toContain('再次运行前请先查看你的 Pika 任务');
    expect(r.bodies).toHaveLength(1);
  });

  it('--watch follows the new task to its end and saves the video', async () => {
    const server = await startFakePika({ generatedTask: { queuedMs: 100, runMs: 400 } });
    servers.push(server);
    const saveDir = await mkdtemp(join(dir, 'saved-'));
    const r = await cli(
      [
        'a short one',
        '--watch',
        '--interval',
        '0.1',
        '--no-notify',
        '--download-dir',
        saveDir,
        '--json',
      ],
      {},
      server,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const id = lines[0]!['id'] as string;
    expect(r.bodies).toHaveLength(1);
    expect(lines.map((l) => l['type'])).toContain('finished');
    const saved = lines.find((l) => l['type'] === 'downloaded');
    expect(saved).toMatchObject({ taskId: id });
    const files = await folderFiles(saveDir);
    expect(files).toHaveLength(1);
    expect(await readFile(join(saveDir, files[0]!))).toEqual(server.mediaBytes(id));
  });

  it('bad options: exit 2 and nothing sent', async () => {
    const r = await cli(['x', '--motion', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--motion: Motion must be a whole number from 0 to 4.');
    expect(r.bodies).toEqual([]);
  });

  it('no token: exit 2 and nothing sent', async () => {
    const r = await cli(['x'], { PIKA_TOKEN: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PIKA_TOKEN');
    expect(r.bodies).toEqual([]);
  });

  it('a rejected token: exit 3, and the token appears nowhere in the output', async () => {
    const r = await cli(['x'], { PIKA_TOKEN: 'sk-not-the-right-one' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refused');
    expect(r.stderr + r.stdout).not.toContain('sk-not-the-right-one');
  });
});
