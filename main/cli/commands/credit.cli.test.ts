// `pika-tray credit` as a user runs it: a real child process through the real entry point,
// against the fake Pika server's billing routes.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakeCredit, type FakePika } from '../../../test/fake-server';
import type { ProcessOutput } from '../../../test/support/collect-output';
import { runCli } from '../../../test/support/run-cli';
import { usage } from '../main';

const servers: FakePika[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function cli(
  args: string[],
  credit?: FakeCredit,
  env: Record<string, string> = {},
): Promise<ProcessOutput & { server: FakePika }> {
  const server = await startFakePika({
    token: 'cli-credit-token-42',
    ...(credit ? { credit } : {}),
  });
  servers.push(server);
  const output = await runCli(['credit', ...args], {
    LANG: 'C.UTF-8',
    PIKA_BASE_URL: server.url,
    PIKA_TOKEN: server.token,
    ...env,
  });
  return { ...output, server };
}

describe.concurrent('pika-tray credit (child process)', () => {
  it('prints limit, used and remaining', async () => {
    const r = await cli([], { kind: 'limit', limitUsd: 5, usedUsd: 1.39 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Limit:     $5.00\nUsed:      $1.39\nRemaining: $3.61\n');
  });

  it('speaks 简体中文 under LC_ALL=zh_CN.UTF-8, aligned in terminal columns; --json stays the same', async () => {
    const credit: FakeCredit = { kind: 'limit', limitUsd: 5, usedUsd: 1.39 };
    const r = await cli([], credit, { LC_ALL: 'zh_CN.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('额度： $5.00\n已用： $1.39\n剩余： $3.61\n');
    const json = await cli(['--json'], credit, { LC_ALL: 'zh_CN.UTF-8' });
    expect(JSON.parse(json.stdout)).toEqual({
      limitUsd: 5,
      usedUsd: 1.39,
      remainingUsd: 3.61,
      unlimited: false,
    });
  });

  it('--json has the keys limitUsd, usedUsd, remainingUsd, unlimited', async () => {
    const r = await cli(['--json'], {
      kind: 'balance',
      limitUsd: 5,
      usedUsd: 1.4,
      balanceUsd: 3.6,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      limitUsd: 5,
      usedUsd: 1.4,
      remainingUsd: 3.6,
      unlimited: false,
    });
  });

  it('an unlimited token says so, in words and in JSON', async () => {
    const text = await cli([], { kind: 'unlimited', usedUsd: 7 });
    expect(text.stdout).toBe('Limit:     unlimited\nUsed:      $7.00\nRemaining: unlimited\n');
    const json = await cli(['--json'], { kind: 'unlimited', usedUsd: 7 });
    expect(JSON.parse(json.stdout)).toEqual({
      limitUsd: null,
      usedUsd: 7,
      remainingUsd: null,
      unlimited: true,
    });
  });

  it.each([
    [{ kind: 'not-found' } as const, /HTTP 404/],
    [{ kind: 'html' } as const, /web page/],
  ])('exit 1 with a clear message when the gateway does not offer it (%j)', async (credit, why) => {
    const r = await cli(['--json'], credit);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^pika-tray credit: 127\.0\.0\.1:\d+ does not report the token's credit \(/,
    );
    expect(r.stderr).toMatch(why);
  });

  it('exit 3 for a rejected token, which is never printed', async () => {
    const r = await cli([], undefined, { PIKA_TOKEN: 'wrong-secret-token-99' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/rejected your token \(HTTP 401\)/);
    expect(r.stderr).toMatch(/Set PIKA_TOKEN/);
    expect(r.stdout + r.stderr).not.toContain('wrong-secret-token-99');
  });

  it('has help, and is listed in the main help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pika-tray credit \[--json\]/);
    expect(help.stdout).toMatch(/limitUsd/);
    expect(help.stdout).toMatch(/Exit codes: 0 answered, 1 the gateway does not report credit/);
    expect(usage()).toMatch(/\n {2}credit +Print what the API token has left/);
    const extra = await cli(['now']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/credit takes no arguments/);
  });
});
