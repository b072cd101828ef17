// The command line's help and usage errors in the language of LC_ALL / LC_MESSAGES / LANG,
// run as a user runs them: a child process, its environment stripped of every locale
// variable but the ones each case sets.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { PIKAFFECTS } from '../core/generate/generate-options';
import type { ProcessOutput } from '../../test/support/collect-output';
import { runCli } from '../../test/support/run-cli';
import { COMMANDS } from './commands/index';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'C' };
const ID = '0f0e2c1a-aaaa-bbbb-cccc-000000000001';

function cli(args: string[], locale: Record<string, string>): Promise<ProcessOutput> {
  // A token and an unreachable base URL: nothing here may get as far as a request.
  return runCli(args, {
    PIKA_TOKEN: 'help-test-token',
    PIKA_BASE_URL: 'http://127.0.0.1:9',
    ...locale,
  });
}

const CJK = /\p{Script=Han}/u;

/**
 * Where the descriptions of option rows start, in terminal columns: a row is "  -…" with its
 * description after two or more spaces. Heads too wide for the column have none on their line.
 */
function descriptionColumns(help: string): number[] {
  const columns = new Set<number>();
  let inOptions = false;
  for (const line of help.split('\n')) {
    if (line === '') inOptions = false;
    else if (/[:：]$/.test(line)) inOptions = true;
    if (!inOptions) continue;
    const row = /^( {2,4}-\S*(?: \S+)*? {2,})(\S.*)$/.exec(line);
    if (row) columns.add(stringWidth(row[1]!));
  }
  return [...columns];
}

/** Continuation lines of option rows start at the description column too. */
function continuationIndents(help: string): number[] {
  return help
    .split('\n')
    .filter((l) => /^ {5,}\S/.test(l))
    .map((l) => l.length - l.trimStart().length);
}

describe('pika-tray help in 简体中文 and English', () => {
  it('--help under LANG=zh_CN.UTF-8 is Chinese, its columns aligned in terminal columns', async () => {
    const [zh, en] = await Promise.all([cli(['--help'], ZH), cli(['--help'], EN)]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：pika-tray <命令> \[选项\]$/m);
    expect(zh.stdout).toMatch(/^命令：$/m);
    expect(zh.stdout).toMatch(/^所有命令通用的选项：$/m);
    expect(zh.stdout).toMatch(/^ {2}watch +跟踪任务直到结束/m);
    expect(zh.stdout).toMatch(/^ {2}--token <令牌> +API 令牌/m);
    // One description column for every option row, measured in columns, not characters.
    const columns = descriptionColumns(zh.stdout);
    expect(columns).toHaveLength(1);
    expect(new Set(continuationIndents(zh.stdout))).toEqual(new Set(columns));
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);

    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Usage: pika-tray <command> \[options\]$/m);
    expect(en.stdout).toMatch(/^Options for every command:$/m);
    expect(en.stdout).not.toMatch(CJK);
    expect(descriptionColumns(en.stdout)).toHaveLength(1);
  });

  it('watch --help under LANG=zh_CN.UTF-8 is Chinese and aligned; under LANG=C English', async () => {
    const [zh, en] = await Promise.all([
      cli(['watch', '--help'], ZH),
      cli(['watch', '--help'], EN),
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：pika-tray watch <任务\.\.\.> \[选项\]$/m);
    expect(zh.stdout).toMatch(/^选项：$/m);
    expect(zh.stdout).toMatch(/^ {2}--download-dir 目录 +将每个已完成任务的所有视频保存到该目录/m);
    expect(zh.stdout).toMatch(/^退出码：0 /m);
    const columns = descriptionColumns(zh.stdout);
    expect(columns).toHaveLength(1);
    // "--download-dir 目录" is 18 characters but 20 columns: the column counts the 20.
    const head = zh.stdout.split('\n').find((l) => l.startsWith('  --download-dir 目录'))!;
    const gap = head.slice('  --download-dir 目录'.length).match(/^ +/)![0].length;
    expect(stringWidth('  --download-dir 目录') + gap).toBe(columns[0]);
    expect(new Set(continuationIndents(zh.stdout))).toEqual(new Set(columns));
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);

    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Usage: pika-tray watch <task\.\.\.> \[options\]$/m);
    expect(en.stdout).toMatch(/^ {2}--download-dir DIR +Save every video/m);
    expect(en.stdout).toContain('Exit codes:');
    expect(en.stdout).not.toMatch(CJK);
    expect(descriptionColumns(en.stdout)).toHaveLength(1);
  });

  it('a usage error is said in the language of the environment, exit 2', async () => {
    const [zhUnknown, enUnknown, zhMissing, enMissing] = await Promise.all([
      cli(['get', ID, '--frobnicate'], ZH),
      cli(['get', ID, '--frobnicate'], EN),
      cli(['watch', ID, '--timeout'], ZH),
      cli(['watch', ID, '--timeout'], EN),
    ]);
    for (const r of [zhUnknown, enUnknown, zhMissing, enMissing]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(zhUnknown.stderr).toMatch(/^pika-tray get：未知选项 --frobnicate。/);
    expect(zhUnknown.stderr).toContain('运行 “pika-tray get --help” 查看用法。');
    expect(enUnknown.stderr).toMatch(/^pika-tray get: Unknown option '--frobnicate'\./);
    expect(enUnknown.stderr).toContain('Run "pika-tray get --help" for usage.');
    expect(zhMissing.stderr).toMatch(/^pika-tray watch：--timeout 缺少值。$/m);
    expect(zhMissing.stderr).toContain('运行 “pika-tray watch --help” 查看选项。');
    expect(enMissing.stderr).toMatch(/^pika-tray watch: --timeout needs a value\.$/m);
    for (const r of [enUnknown, enMissing]) expect(r.stderr).not.toMatch(CJK);
  });

  it('a bad value and a bad proxy are refused in Chinese too (exit 2, nothing sent)', async () => {
    const [rate, proxy, token] = await Promise.all([
      cli(['watch', ID, '--max-rate', 'lots'], ZH),
      cli(['get', ID, '--proxy', 'ftp://proxy:21'], ZH),
      cli(['credit'], { ...ZH, PIKA_TOKEN: '' }),
    ]);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toMatch(/^pika-tray watch：--max-rate 需要每分钟请求数.*“lots”。$/m);
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toMatch(/^pika-tray get：--proxy：/);
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/^pika-tray credit：没有 API 令牌：请设置环境变量 PIKA_TOKEN/);
  });

  it('LC_ALL overrides LC_MESSAGES and LANG; LC_MESSAGES overrides LANG', async () => {
    const [allEn, allZh, messagesZh, emptyAll] = await Promise.all([
      cli(['--help'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }),
      cli(['--help'], { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'C', LANG: 'en_US.UTF-8' }),
      cli(['--help'], { LC_MESSAGES: 'zh_SG.UTF-8', LANG: 'en_GB.UTF-8' }),
      cli(['--help'], { LC_ALL: '', LANG: 'zh_CN.UTF-8' }),
    ]);
    expect(allEn.stdout).toMatch(/^Usage: /);
    expect(allZh.stdout).toMatch(/^用法：/);
    expect(messagesZh.stdout).toMatch(/^用法：/);
    expect(emptyAll.stdout).toMatch(/^用法：/); // an empty variable does not count
  });

  it('no command has English words left in its Chinese help', async () => {
    const pages = [[], ...Object.keys(COMMANDS).map((name) => [name])];
    const runs = await Promise.all(
      pages.map(async (args) => ({
        args,
        zh: await cli([...args, '--help'], ZH),
        en: await cli([...args, '--help'], EN),
      })),
    );
    for (const { args, zh, en } of runs) {
      const what = `pika-tray ${args.join(' ')} --help`;
      expect(zh.code, what).toBe(0);
      expect(en.code, what).toBe(0);
      // Lines may equal their English ones only where they are literals (option rows' heads,
      // values); once option names, commands and literals are taken out, no word is left.
      expect(zh.stdout, what).not.toBe(en.stdout);
      for (const line of zh.stdout.split('\n')) {
        expect(leftoverWords(line), `${what}: ${line}`).toEqual([]);
      }
    }
  }, 60_000);
});

/** Words that stay literal in every language: product, protocol and format names. */
const LITERAL_WORDS = new Set([
  'pika',
  'pikaffect',
  'api',
  'url',
  'id',
  'json',
  'http',
  'https',
  'get',
  'feed',
  'stderr',
  'png',
  'jpeg',
  'webp',
  'mb',
  'null',
  'ctrl',
  'part',
  'type',
  'taskid',
  'limitusd',
  'usedusd',
  'remainingusd',
  'unlimited',
  'direct',
  ...['retry', 'after', 'ratelimit'], // HTTP header names
  ...Object.keys(COMMANDS),
  ...['update', 'finished', 'downloaded', 'failed', 'stalled', 'timeout'],
  ...PIKAFFECTS.flatMap((e) => e.toLowerCase().split('-')),
]);

/** English-looking words of a help line once option names, commands and literals are gone. */
function leftoverWords(line: string): string[] {
  const stripped = line
    .replace(/https?:\/\/\S*|socks5:\/\/\S*|user:pass@|host:port/g, ' ')
    .replace(/(?<![\w-])-{1,2}[a-z][\w-]*/g, ' ') // option names
    .replace(/\bpika-tray(?: (?:get|generate|watch|credit))?\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ') // environment variables
    .replace(/\/\S*/g, ' '); // paths such as …/pika/feed/<id> and /v1/dashboard/…
  return (stripped.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LITERAL_WORDS.has(w.toLowerCase()));
}
