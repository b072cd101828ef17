// `pika-tray watch` as a user runs it: a real child process through the real entry point,
// against the fake Pika server, with real downloads into a temporary folder. Checks exit
// codes, the JSON lines, plain lines in a pipe and bars on a real terminal (a pty), the saved
// bytes, and that Ctrl-C or a crash leaves only a resumable .part.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { folderFiles } from '../../../test/support/download-folder';
import { collectOutput, type ProcessOutput } from '../../../test/support/collect-output';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika } from '../../../test/fake-server';
import type { FakePika } from '../../../test/fake-server/types';

const ROOT = resolve(import.meta.dirname, '../../..');
// Small real durations: a task lives a few hundred ms; polls every 50-200 ms.
const FAST = ['--interval', '0.05', '--max-interval', '0.2', '--no-notify'];

// util-linux `script` runs a command on a pseudo-terminal (Debian's bsdutils, always there).
const hasScript =
  spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') ?? false;

const servers: FakePika[] = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pika-watch-cli-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function fakePika(): Promise<FakePika> {
  const server = await startFakePika();
  servers.push(server);
  return server;
}

async function folder(): Promise<string> {
  return mkdtemp(join(root, 'dl-'));
}

interface Result extends ProcessOutput {
  events: Record<string, unknown>[];
}

function start(
  server: FakePika,
  args: string[],
  env: Record<string, string> = {},
  opts: { terminalColumns?: number } = {},
) {
  // No session bus: nothing here may reach a real notification daemon.
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...parentEnv } = process.env;
  const command = [process.execPath, '--import', 'tsx', 'main/cli/index.ts', 'watch', ...args];
  const spawnOpts = {
    cwd: ROOT,
    env: {
      ...parentEnv,
      // English unless a test says otherwise, whatever the machine's locale.
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      PIKA_BASE_URL: server.url,
      PIKA_TOKEN: server.token,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
  if (opts.terminalColumns === undefined) return spawn(command[0]!, command.slice(1), spawnOpts);
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const line = `stty cols ${opts.terminalColumns}; exec ${command.map(quote).join(' ')}`;
  return spawn('script', ['-qefc', line, '/dev/null'], spawnOpts);
}

async function collect(child: ChildProcess, onStdout?: (text: string) => void): Promise<Result> {
  const output = await collectOutput(child, {
    name: 'pika-tray watch',
    ...(onStdout ? { onStdout } : {}),
  });
  const events = output.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...output, events };
}

async function watch(server: FakePika, args: string[], env: Record<string, string> = {}) {
  return collect(start(server, args, env));
}

const types = (r: Result, taskId?: string) =>
  r.events.filter((e) => taskId === undefined || e.taskId === taskId).map((e) => e.type);

describe.concurrent('pika-tray watch (child process)', () => {
  it('follows a task to the end, saves its video and exits 0 (JSON lines)', async () => {
    const server = await fakePika();
    const dir = await folder();
    const id = server.addTask({ prompt: 'Apple evaporates', queuedMs: 100, runMs: 300 });
    const r = await watch(server, [id, '--json', '--download-dir', dir, ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    // Nothing but JSON objects, one per line: no bars, no other text.
    expect(r.events).toHaveLength(r.stdout.trimEnd().split('\n').length);
    for (const event of r.events) {
      expect(typeof event.type).toBe('string');
      expect(event.taskId).toBe(id);
    }
    // (Which updates appear depends on how fast the child starts; watch.test.ts checks them.)
    expect(types(r).slice(-2)).toEqual(['finished', 'downloaded']);
    const finished = r.events.find((e) => e.type === 'finished')!;
    expect(finished.prompt).toBe('Apple evaporates');
    const videos = finished.videos as { id: string }[];
    const downloaded = r.events.find((e) => e.type === 'downloaded')!;
    expect(downloaded.videoId).toBe(videos[0]!.id);
    const saved = await readFile(downloaded.path as string);
    expect(saved.equals(server.mediaBytes(videos[0]!.id))).toBe(true);
    expect(downloaded.bytes).toBe(saved.length);
    expect(await folderFiles(dir)).toEqual([(downloaded.path as string).slice(dir.length + 1)]);
  });

  it('exits 1 with a failed line when a generation fails, and follows several tasks', async () => {
    const server = await fakePika();
    const good = server.addTask({ prompt: 'ok', queuedMs: 0, runMs: 100 });
    const bad = server.addTask({
      prompt: 'bad',
      queuedMs: 0,
      runMs: 100,
      outcome: 'error',
      errorMessage: 'Content policy violation',
    });
    const r = await watch(server, [good, bad, '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(types(r, good)).toContain('finished');
    const failed = r.events.find((e) => e.type === 'failed' && e.taskId === bad)!;
    expect(failed.error).toBe('Content policy violation');
  });

  it('exits 3 when the token is rejected, without printing it', async () => {
    const server = await fakePika();
    const id = server.addTask({ queuedMs: 0, runMs: 100 });
    const token = 'sk-wrong-token-123456';
    const r = await watch(server, [id, '--json', ...FAST], { PIKA_TOKEN: token });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/token/i);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(types(r)).toEqual(['failed']);
  });

  it('exits 2 for bad usage or configuration, before any request', async () => {
    const server = await fakePika();
    const badId = await watch(server, ['../etc/passwd', ...FAST]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/^pika-tray watch: /);
    const noToken = await watch(server, ['0f0e2c1a-aaaa-bbbb-cccc-000000000001', ...FAST], {
      PIKA_TOKEN: '',
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('PIKA_TOKEN');
    expect(server.requests).toEqual([]);
  });

  it('prints plain lines when the output is not a terminal', async () => {
    const server = await fakePika();
    const dir = await folder();
    const id = server.addTask({ prompt: 'a red fox', queuedMs: 0, runMs: 200 });
    const r = await watch(server, [id, '--download-dir', dir, ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.every((l) => l.startsWith(`${id}  `))).toBe(true);
    expect(r.stdout).toContain('finished “a red fox”');
    expect(lines.at(-1)).toMatch(new RegExp(`saved ${dir}/a-red-fox_seed\\d+_\\w{8}\\.mp4 \\(`));
    expect(r.stdout).not.toContain('\x1b[');
  });

  it.runIf(hasScript || process.env.CI !== undefined)(
    'draws progress bars in place on a real terminal, within its width',
    async () => {
      const server = await fakePika();
      const dir = await folder();
      const id = server.addTask({
        prompt: 'a red fox',
        queuedMs: 0,
        runMs: 100,
        mediaBytes: 200_000,
      });
      // A download of about a second: several redraws while it runs.
      server.fault({ kind: 'media-slow', bytesPerSecond: 200_000 });
      const r = await collect(
        start(server, [id, '--download-dir', dir, ...FAST], {}, { terminalColumns: 48 }),
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const ESC = '\x1b';
      expect(r.stdout).toMatch(new RegExp(`${ESC}\\[\\d+A`)); // moved up to redraw
      expect(r.stdout).toMatch(/↓ \d[\d.]* kB \/ 195 kB/); // a download progress line
      expect(r.stdout).toContain('✓ finished [████████████████████] 100%  “a red');
      expect(r.stdout).toMatch(/↓ saved a-red-fox_seed\d+_/);
      expect(r.stdout).toMatch(new RegExp(`Saved ${dir}/a-red-fox_seed\\d+_\\w{8}\\.mp4\\r\\n$`));
      // Every drawn line is cut to the 48 columns, so redrawing in place stays exact (the
      // pty turns \n into \r\n); the full paths printed once at the end may wrap.
      for (const line of r.stdout.split('\n')) {
        if (line.startsWith('Saved ')) continue;
        const visible = line
          .replace(new RegExp(`${ESC}\\[\\d*[A-Z]`, 'g'), '')
          .replaceAll('\r', '');
        expect([...visible].length).toBeLessThan(48);
      }
    },
  );

  it('speaks 简体中文 under LANG=zh_CN.UTF-8 in plain lines; --json stays English', async () => {
    const server = await fakePika();
    const dir = await folder();
    const id = server.addTask({ prompt: '一只红狐狸', queuedMs: 0, runMs: 200 });
    const zh = { LANG: 'zh_CN.UTF-8' };
    const r = await watch(server, [id, '--download-dir', dir, ...FAST], zh);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${id}  已完成 “一只红狐狸”（1 个视频）`);
    expect(r.stdout).toMatch(new RegExp(`${id}  已保存 ${dir}/\\S+\\.mp4 \\([\\d.]+ kB\\)`));
    expect(r.stdout).not.toMatch(/finished|saved/);

    // LC_ALL wins over LANG; LC_MESSAGES over LANG; C means English.
    const failed = server.addTask({
      queuedMs: 0,
      runMs: 0,
      outcome: 'error',
      errorMessage: '内容违规',
    });
    const c = await watch(server, [failed, ...FAST], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' });
    expect(c.stdout).toContain(`${failed}  failed: The server said: "内容违规"`);
    const msg = await watch(server, [failed, ...FAST], {
      LC_MESSAGES: 'zh_SG.UTF-8',
      LANG: 'en_US.UTF-8',
    });
    expect(msg.stdout).toContain(`${failed}  失败：服务器返回：“内容违规”`);

    const json = await watch(server, [id, '--json', ...FAST], { LC_ALL: 'zh_CN.UTF-8' });
    expect(json.code).toBe(0);
    expect(json.events.at(-1)).toMatchObject({
      type: 'finished',
      taskId: id,
      prompt: '一只红狐狸',
    });
    expect(json.stdout).not.toMatch(/已完成|视频/);
  });

  it.runIf(hasScript || process.env.CI !== undefined)(
    'draws Chinese bars within the terminal width, measured in columns',
    async () => {
      const server = await fakePika();
      const dir = await folder();
      const prompt = '一只红色的狐狸在雪地里奔跑，镜头缓缓拉远，夕阳把雪染成金色';
      const id = server.addTask({ prompt, queuedMs: 0, runMs: 100, mediaBytes: 200_000 });
      server.fault({ kind: 'media-slow', bytesPerSecond: 200_000 });
      const r = await collect(
        start(
          server,
          [id, '--download-dir', dir, ...FAST],
          { LANG: 'zh_CN.UTF-8' },
          { terminalColumns: 48 },
        ),
      );
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('✓ 已完成 [████████████████████] 100%  “一只红');
      expect(r.stdout).toMatch(/↓ \d[\d.]* kB \/ 195 kB {2}\d[\d.]* kB\/秒/);
      expect(r.stdout).toMatch(/↓ 已保存 yi-zhi/); // the file name, cut to fit
      expect(r.stdout).toMatch(new RegExp(`已保存 ${dir}/\\S+\\.mp4\\r\\n$`));
      const ESC = '\x1b';
      for (const line of r.stdout.split('\n')) {
        if (line.startsWith('已保存 ')) continue;
        const visible = line
          .replace(new RegExp(`${ESC}\\[\\d*[A-Z]`, 'g'), '')
          .replaceAll('\r', '');
        // Columns, not characters: 24 Chinese characters fill 48 columns and would wrap.
        expect(stringWidth(visible), visible).toBeLessThan(48);
      }
    },
  );

  it.each([
    ['Ctrl-C', 'SIGINT'],
    ['a crash (killed outright)', 'SIGKILL'],
  ] as const)(
    '%s mid-download leaves only a .part, which the next run resumes',
    async (_what, signal) => {
      const server = await fakePika();
      const dir = await folder();
      const id = server.addTask({ queuedMs: 0, runMs: 50, mediaBytes: 2_000_000 });
      server.fault({ kind: 'media-slow', bytesPerSecond: 400_000 });
      const child = start(server, [id, '--json', '--download-dir', dir, ...FAST]);
      let check: ReturnType<typeof setInterval> | undefined;
      let sent = false;
      const first = await collect(child, (out) => {
        // Once the task has finished, wait for some bytes on disk, then press Ctrl-C.
        if (check || !out.includes('"finished"')) return;
        check = setInterval(() => {
          void readdir(dir).then(async (names) => {
            const part = names.find((n) => n.endsWith('.part'));
            if (!part || (await readFile(join(dir, part))).length < 100_000) return;
            clearInterval(check);
            // Once only: checks still in flight would press it again, and a second Ctrl-C
            // (the user insisting) ends the process at once.
            if (sent) return;
            sent = true;
            child.kill(signal);
          });
        }, 20);
      });
      clearInterval(check);
      if (signal === 'SIGINT') {
        // Stopped cleanly: its own exit code and a word about the kept .part.
        expect(first.code).toBe(130);
        expect(first.stderr).toContain('interrupted');
      } else {
        expect(first.code).toBeNull();
      }
      const left = await folderFiles(dir);
      expect(left).toHaveLength(1);
      expect(left[0]).toMatch(/\.mp4\.part$/);

      server.clearFaults();
      const second = await watch(server, [id, '--json', '--download-dir', dir, ...FAST]);
      expect(second.code, second.stderr).toBe(0);
      const media = server.requests.filter((q) => q.path.endsWith('.mp4'));
      expect(media.map((q) => q.range)).toEqual([
        undefined,
        expect.stringMatching(/^bytes=[1-9]\d*-$/),
      ]);
      const downloaded = second.events.find((e) => e.type === 'downloaded')!;
      const finished = first.events.find((e) => e.type === 'finished')!;
      const videoId = (finished.videos as { id: string }[])[0]!.id;
      expect((await readFile(downloaded.path as string)).equals(server.mediaBytes(videoId))).toBe(
        true,
      );
      expect(await folderFiles(dir)).toHaveLength(1);
    },
  );
});
