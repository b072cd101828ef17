// `pika-tray generate` with a form problem, as a user in a Chinese terminal runs it: a real
// child process through the real entry point (LANG=zh_CN.UTF-8) against the fake Pika server.
// The problems are the window's (generateForm) plus the command line's own (generateFile);
// exit codes and "nothing sent" stay as in English.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessOutput } from '../../../test/support/collect-output';
import { runCli } from '../../../test/support/run-cli';
import { startFakePika, type FakePika } from '../../../test/fake-server';

let server: FakePika;
let dir: string;

beforeAll(async () => {
  server = await startFakePika();
  dir = await mkdtemp(join(tmpdir(), 'pika-generate-form-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function generate(args: string[], lang: string): Promise<ProcessOutput> {
  return runCli(['generate', ...args], {
    LANG: lang,
    PIKA_BASE_URL: server.url,
    PIKA_TOKEN: server.token,
  });
}

describe.concurrent('pika-tray generate: form problems in the terminal’s language', () => {
  it('bad option values: every problem in Chinese, exit 2, nothing sent', async () => {
    const before = server.generateBodies.length;
    const r = await generate(
      ['一只狐狸', '--motion', 'lots', '--frame-rate', '30', '--effect', 'Sparkle'],
      'zh_CN.UTF-8',
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('pika-tray generate：未发送任何请求：');
    expect(lines.slice(1).sort()).toEqual(
      [
        `  --effect：没有“Sparkle”这个特效。可选：Levitate、Decapitate、Eye-pop、Ta-da、Deflate、Crumble、Dissolve、Squish、Inflate、Melt、Crush、Cake-ify、Explode。`,
        '  --frame-rate：帧率须为 8–24 的整数（帧/秒）。',
        '  --motion：运动强度须为 0–4 的整数。',
      ].sort(),
    );
    expect(r.stdout).toBe('');
    expect(server.generateBodies.length).toBe(before);
  });

  it('the same in English stays word for word as before', async () => {
    const r = await generate(['a fox', '--motion', 'lots'], 'C.UTF-8');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  --motion: Motion must be a whole number from 0 to 4.\n');
  });

  it('--image problems: a missing file, and a file that is no image', async () => {
    const missing = join(dir, 'missing.png');
    const r = await generate(['一只狐狸', '--image', missing], 'zh_CN.UTF-8');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pika-tray generate：--image：${missing} 不存在。\n`);

    const text = join(dir, 'notes.png');
    await writeFile(text, 'just text, not a picture');
    const t = await generate(['一只狐狸', '--image', text], 'zh_CN.UTF-8');
    expect(t.code).toBe(2);
    expect(t.stderr).toBe('pika-tray generate：--image：notes.png 不是 PNG、JPEG 或 WebP 图片。\n');

    const link = await generate(['一只狐狸', '--image', 'http://example.com/a.png'], 'zh_CN.UTF-8');
    expect(link.code).toBe(2);
    expect(link.stderr).toBe('pika-tray generate：--image：图片链接须以 https:// 开头。\n');
  });

  it('--extend with a task that has no finished video: exit 1, said in Chinese', async () => {
    const id = server.addTask({ prompt: '花开', queuedMs: 0, runMs: 60_000 });
    const r = await generate(['继续', '--extend', id], 'zh_CN.UTF-8');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pika-tray generate：--extend：任务 ${id} 还没有已完成的视频。\n`);
  });
});
