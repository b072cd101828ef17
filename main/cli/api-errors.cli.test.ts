// The CLI prints API failures in its language (LANG=zh_CN.UTF-8), rendered from the error's
// ref: a real child process against the fake gateway on 127.0.0.1, the gateway answering in
// its own Chinese words (kept verbatim, marked as its words), the token never printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessOutput } from '../../test/support/collect-output';
import { runCli } from '../../test/support/run-cli';
import { startFakePika, type FakePika } from '../../test/fake-server/index';

const TOKEN = 'sk-CliZhCanary0123456789abcdefghijklmn';
let fake: FakePika;

beforeAll(async () => {
  fake = await startFakePika({ token: TOKEN });
});
afterAll(() => fake.close());

function cli(args: string[], env: Record<string, string>): Promise<ProcessOutput> {
  return runCli(args, { PIKA_BASE_URL: fake.url, PIKA_TOKEN: TOKEN, NO_COLOR: '1', ...env });
}

describe('API errors in the CLI language', () => {
  it('a quota refusal in Chinese with the server words (and its token echo scrubbed), then in English', async () => {
    const words = `用户额度不足, 剩余额度: $0.00（令牌 ${TOKEN}）`;
    const body = JSON.stringify({ error: { message: words, code: 'insufficient_user_quota' } });
    fake.fault({ kind: 'http-status', status: 403, body, count: 1 });
    const zh = await cli(['get', fake.addTask()], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain(
      '你的 Pika API 账户额度已用完（HTTP 403）。请充值后重试。' +
        '服务器返回：“用户额度不足, 剩余额度: $0.00（令牌 [token]）”',
    );
    fake.fault({ kind: 'http-status', status: 403, body, count: 1 });
    const en = await cli(['get', fake.addTask()], { LANG: 'en_US.UTF-8' });
    expect(en.stderr).toContain(
      'Your Pika API account is out of quota (HTTP 403). Top it up, then try again. ' +
        'The server said: "用户额度不足, 剩余额度: $0.00（令牌 [token]）"',
    );
    for (const run of [zh, en]) {
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    }
  });
});
