// `pika-tray get` against the real fake server: the main paths as a real child process (exit
// codes, streams, env), the rest of the matrix in-process through the same runCli, because
// each tsx child costs most of a second.
import { spawn } from 'node:child_process';
import { freePort } from '../../test/support/free-port';
import { collectOutput, type ProcessOutput } from '../../test/support/collect-output';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../test/fake-server/index';
import { createPikaClient } from '../core/api/client';
import { runCli } from './main';

const TOKEN = 'sk-CliLeakCanary0123456789abcdefghijkl';
const WRONG = 'sk-CliWrongCanary0123456789abcdefghijk';
let fake: FakePika;

beforeAll(async () => {
  fake = await startFakePika({ token: TOKEN });
});
afterAll(() => fake.close());

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<ProcessOutput> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      PIKA_BASE_URL: fake.url,
      PIKA_TOKEN: TOKEN,
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child, { name: 'pika-tray get' });
}

/** The same CLI in this process: same code path from argv to exit code, no process start. */
async function inProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<ProcessOutput> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { PIKA_BASE_URL: fake.url, PIKA_TOKEN: TOKEN, ...env },
  });
  return { code, stdout, stderr };
}

function expectNoToken(run: ProcessOutput): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(WRONG);
    expect(text).not.toContain('LeakCanary');
  }
}

describe('pika-tray get as a child process', () => {
  it('prints a finished task readably and exits 0', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, prompt: 'Apple evaporates' });
    const run = await cli(['get', id]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Task +${id}$`, 'm'));
    expect(run.stdout).toMatch(/^Prompt +Apple evaporates$/m);
    expect(run.stdout).toMatch(/^Status +finished · 100%$/m);
    expect(run.stdout).toMatch(/^ {2}Seed +\d+$/m);
    expect(run.stdout).toMatch(/^ {2}Duration +5 sec$/m);
    expect(run.stdout).toMatch(
      new RegExp(
        `^  Video URL +${fake.url}/cdn/v1/${id}/apple_evaporates_seed\\d+\\.mp4\\?t=`,
        'm',
      ),
    );
    expect(run.stdout).toMatch(/^ {2}Poster +http.*poster\.jpg$/m);
    expectNoToken(run);
  });

  it('--json prints exactly what the client returns', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 60_000, videos: 2 });
    const run = await cli(['get', '--json', `${fake.url}/pika/feed/${id}`]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    const direct = await createPikaClient({ baseUrl: fake.url, getToken: () => TOKEN }).getTask(id);
    expect({ ...printed, progress: null, videos: null }).toEqual({
      ...direct,
      progress: null,
      videos: null,
    });
    expect(printed).toMatchObject({
      id,
      state: 'running',
      videos: [{ id, status: 'pending' }, { status: 'pending' }],
    });
  });

  it('a failed generation is an answer: error shown, exit 0', async () => {
    const id = fake.addTask({
      queuedMs: 0,
      runMs: 0,
      outcome: 'error',
      errorMessage: 'Prompt flagged by moderation',
    });
    const run = await inProcess(['get', id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Status +failed$/m);
    expect(run.stdout).toMatch(/^ {2}Error +The server said: "Prompt flagged by moderation"$/m);
  });

  it('a queued task without videos says so; an unknown status is shown as sent', async () => {
    const queued = fake.addTask({ queuedMs: 60_000 });
    expect((await inProcess(['get', queued])).stdout).toMatch(
      /^Status +queued \(no videos yet\)$/m,
    );
    const odd = fake.addTask({ queuedMs: 0, runMs: 60_000 });
    fake.fault({ kind: 'unknown-status', value: 'upscaling', taskId: odd });
    expect((await inProcess(['get', odd])).stdout).toMatch(
      /^ {2}Status +running · \d+% \(server says "upscaling"\)$/m,
    );
  });

  it('unknown task: exit 1 after 3 answers in a row, the reason on stderr, nothing on stdout', async () => {
    const id = '0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50';
    const asked = () => fake.requests.filter((r) => r.path === `/pika/feed/${id}`).length;
    const before = asked();
    const run = await cli(['get', id]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(asked() - before).toBe(3);
    expect(run.stderr).toMatch(/asking again in 1 sec \(answer 1 of 3\)/);
    expect(run.stderr).toMatch(/asking again in 2 sec \(answer 2 of 3\)/);
    expect(run.stderr).toMatch(/does not know task 0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50/);
    expect(run.stderr).toMatch(/said 3 times in a row that it has no such task/);
  });

  it('a fresh task the gateway does not know yet: asked again, then printed, exit 0', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, prompt: 'Fresh off the press' });
    // The gateway's first two answers: task_not_exist, as right after a generate call.
    fake.fault({ kind: 'task-not-exist', taskId: id, count: 2 });
    const run = await cli(['get', id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Prompt +Fresh off the press$/m);
    expect(run.stderr).toMatch(/asking again in 1 sec \(answer 1 of 3\)/);
    expect(run.stderr).toMatch(/asking again in 2 sec \(answer 2 of 3\)/);
    expect(fake.requests.filter((r) => r.path === `/pika/feed/${id}`).map((r) => r.status)).toEqual(
      [400, 400, 200],
    );
  });

  it('rejected token from the environment: exit 3, token scrubbed though the server quotes it', async () => {
    const run = await cli(['get', fake.addTask()], { PIKA_TOKEN: WRONG });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/rejected your token \(HTTP 401\)/);
    expectNoToken(run);
  });

  it('a short wrong token the server quotes back is scrubbed from stderr: exit 3', async () => {
    const run = await cli(['get', fake.addTask()], { PIKA_TOKEN: 'xyz' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Invalid token: \[token\]/);
    expect(run.stderr).not.toMatch(/\bxyz\b/);
  });

  it('a token the server echoes in the answer, in any case or encoding, is scrubbed from stdout', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const echo = `key ${TOKEN.toUpperCase()} / ${TOKEN.toLowerCase()} / ${encodeURIComponent(TOKEN)}`;
    fake.fault({ kind: 'patch-answer', taskId: id, task: { promptText: echo } });
    try {
      for (const args of [
        ['get', id],
        ['get', id, '--json'],
      ]) {
        const run = await cli(args);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toContain('key [token] / [token] / [token]');
        expect(run.stdout.toLowerCase()).not.toContain('leakcanary');
        expectNoToken(run);
      }
    } finally {
      fake.clearFaults();
    }
  });

  it('a token echoed in an error message in other case is scrubbed from stderr', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({
      kind: 'http-status',
      taskId: id,
      status: 400,
      body: JSON.stringify({ error: { message: `Bad request for key ${TOKEN.toLowerCase()}` } }),
    });
    try {
      const run = await cli(['get', id]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('[token]');
      expect((run.stdout + run.stderr).toLowerCase()).not.toContain('leakcanary');
    } finally {
      fake.clearFaults();
    }
  });

  it('no token at all: exit 2, nothing sent', async () => {
    const before = fake.requests.length;
    const run = await cli(['get', 'abcdef123'], { PIKA_TOKEN: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No API token: set the environment variable PIKA_TOKEN/);
    expect(fake.requests.length).toBe(before);
  });
});

describe('pika-tray get in 简体中文 (LANG=zh_CN.UTF-8)', () => {
  const ZH = { LANG: 'zh_CN.UTF-8' };

  it('prints a finished task with Chinese labels, aligned in columns, as a child process', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, prompt: '苹果蒸发' });
    const run = await cli(['get', id], ZH);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^任务 {6}${id}$`, 'm'));
    expect(run.stdout).toMatch(/^提示词 {4}苹果蒸发$/m);
    expect(run.stdout).toMatch(/^状态 {6}已完成 · 100%$/m);
    expect(run.stdout).toMatch(/^ {2}时长 {6}5秒$/m);
    expect(run.stdout).toMatch(/^ {2}视频链接 {2}http/m);
    // --json keeps its English keys and values.
    const json = await cli(['get', '--json', id], ZH);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, state: 'finished' });
  });

  it("the server's own words are shown as sent and marked as its words, in either language", async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0, outcome: 'error', errorMessage: '内容违规' });
    const zh = await inProcess(['get', id], ZH);
    expect(zh.stdout).toMatch(/^状态 {6}失败$/m);
    expect(zh.stdout).toMatch(/^ {2}错误 {6}服务器返回：“内容违规”$/m);
    const en = await inProcess(['get', id], { LANG: 'en_US.UTF-8' });
    expect(en.stdout).toMatch(/^ {2}Error +The server said: "内容违规"$/m);
  });

  it('a rejected token: a Chinese summary, the HTTP status, the server words, exit 3', async () => {
    const run = await cli(['get', fake.addTask()], { ...ZH, PIKA_TOKEN: WRONG });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^pika-tray get：?.*Pika API 拒绝了你的令牌（HTTP 401）。请检查或更换令牌。服务器返回：“Invalid token: \[token\]”$/m,
    );
    expect(run.stderr).toContain('请将 PIKA_TOKEN 设为有效的 API 令牌');
    expectNoToken(run);
  });

  it('LC_ALL beats LC_MESSAGES beats LANG; C and POSIX are English; empty ones are skipped', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    const label = async (env: Record<string, string>) =>
      (await inProcess(['get', id], env)).stdout.split(/\s/)[0];
    expect(await label({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('Task');
    expect(await label({ LC_ALL: 'zh_CN.UTF-8', LANG: 'C' })).toBe('任务');
    expect(await label({ LC_ALL: '', LC_MESSAGES: 'zh_SG.UTF-8', LANG: 'POSIX' })).toBe('任务');
    expect(await label({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('Task');
    expect(await label({ LANG: 'zh_TW.UTF-8' })).toBe('任务'); // no Traditional catalog yet
    expect(await label({ LANG: 'POSIX' })).toBe('Task');
    expect(await label({})).toBe('Task');
  });
});

describe('pika-tray get in-process', () => {
  it('retries server errors briefly, then answers', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'server-error', status: 503, taskId: id, count: 2 });
    const run = await inProcess(['get', id]);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/Retrying in/g)).toHaveLength(2);
    expect(run.stdout).toMatch(/^Status +finished/m);
    expect(fake.requests.filter((r) => r.path === `/pika/feed/${id}`).map((r) => r.status)).toEqual(
      [503, 503, 200],
    );
  });

  it('honours Retry-After on 429', async () => {
    const id = fake.addTask({ queuedMs: 0, runMs: 0 });
    fake.fault({ kind: 'rate-limit', retryAfter: '1', taskId: id, count: 1 });
    const started = Date.now();
    const run = await inProcess(['get', id]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Retrying in 1 sec/);
    const [limited, ok] = fake.requests.filter((r) => r.path === `/pika/feed/${id}`);
    expect(ok!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up on a server that keeps failing: exit 1', async () => {
    const id = fake.addTask();
    fake.fault({ kind: 'html-error', status: 502, taskId: id });
    const run = await inProcess(['get', id, '--retries', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/HTTP 502.*502 Bad Gateway/);
    expect(run.stderr).toMatch(/Gave up after 2 attempts/);
  });

  it('network failure (nothing listening): exit 1, says the connection was refused', async () => {
    const port = await freePort();
    const run = await inProcess([
      'get',
      'abcdef123',
      '--retries',
      '0',
      '--base-url',
      `http://127.0.0.1:${port}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused the connection/);
  });

  it('rejected token: exit 3, token scrubbed even though the server quotes it', async () => {
    const id = fake.addTask();
    const run = await inProcess(['get', id], { PIKA_TOKEN: WRONG });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/rejected your token \(HTTP 401\)/);
    expect(run.stderr).toMatch(/Set PIKA_TOKEN/);
    expectNoToken(run);
    const flag = await inProcess(['get', id, '--token', WRONG], { PIKA_TOKEN: undefined });
    expect(flag.code).toBe(3);
    expectNoToken(flag);
  });

  it('out of quota: exit 3', async () => {
    const id = fake.addTask();
    fake.fault({
      kind: 'http-status',
      status: 403,
      taskId: id,
      body: '{"error":{"message":"user quota is not enough","type":"new_api_error","code":"insufficient_user_quota"}}',
    });
    const run = await inProcess(['get', id]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/out of quota/);
  });

  it('usage and configuration mistakes: exit 2, nothing sent', async () => {
    const before = fake.requests.length;
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [
        ['get', 'abcdef123'],
        { PIKA_TOKEN: undefined },
        /No API token: set the environment variable PIKA_TOKEN/,
      ],
      [['get', '../../etc/passwd'], {}, /not a task id.*slashes/],
      [['get', 'abcdef%2f'], {}, /encoded characters/],
      [['get'], {}, /needs a task id/],
      [['get', 'abcdef123', 'abcdef456'], {}, /exactly one task/],
      [['get', 'abcdef123', '--bogus'], {}, /Unknown option '--bogus'/],
      [['get', 'abcdef123', '--retries', 'many'], {}, /--retries must be/],
      [['get', 'abcdef123', '--base-url', 'http://example.com'], {}, /--base-url: .*https:\/\//],
      [['get', 'abcdef123'], { PIKA_BASE_URL: 'ftp://x' }, /PIKA_BASE_URL: /],
      [['frobnicate'], {}, /unknown command "frobnicate"/],
      [[], {}, /Usage: pika-tray <command>/],
    ];
    const runs = await Promise.all(cases.map(([args, env]) => inProcess(args, env)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(run.stderr, cases[i]![0].join(' ')).toMatch(cases[i]![2]);
    });
    expect(fake.requests.length).toBe(before);
  });

  it('--help prints usage and exits 0', async () => {
    const top = await inProcess(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^ {2}get +Ask the API once/m);
    const get = await inProcess(['get', '--help']);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/Usage: pika-tray get <task>/);
    expect(get.stdout).toMatch(/Exit codes: 0 answered/);
    expect(get.stdout).toMatch(/only after 3 "no such task" answers in a row/);
  });
});
