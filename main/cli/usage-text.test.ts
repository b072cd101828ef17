// Usage errors in the reader's language, in-process: what node:util parseArgs complains about,
// each command's own argument checks, --image files and the download folder. English stays
// word for word what it was (scripts and older tests match it).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPikaClient } from '../core/api/client';
import { parseGenerateArgs } from './commands/generate-args';
import { runGenerate } from './commands/generate';
import { imageFromFile } from './commands/image-file';
import { parseWatchArgs } from './commands/watch-args';
import { runWatch } from './commands/watch';
import { renderMessage, say } from '../core/text/message-ref';
import { TextError, textOf } from '../core/text/text-error';
import { cliText } from './i18n';
import { SHARED_OPTIONS, parseArgsProblem, resolveConfig } from './options';

const zh = cliText('zh-Hans');
const en = cliText('en');
const ID = '0f0e2c1a-aaaa-bbbb-cccc-000000000001';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-usage-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parseError(args: string[]): unknown {
  try {
    parseArgs({
      args,
      options: { ...SHARED_OPTIONS, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    return err;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('parseArgsProblem', () => {
  it("says each of node's complaints in Chinese, the option name literal", () => {
    expect(parseArgsProblem(parseError(['--frob']), zh)).toMatch(/^未知选项 --frob。/);
    expect(parseArgsProblem(parseError(['-x']), zh)).toMatch(/^未知选项 -x。/);
    expect(parseArgsProblem(parseError(['--token']), zh)).toBe('--token 缺少值。');
    expect(parseArgsProblem(parseError(['--json=yes']), zh)).toBe('--json 不接受值。');
    expect(parseArgsProblem(parseError(['--help=1']), zh)).toBe('--help 不接受值。');
    expect(parseArgsProblem(parseError(['--token', '--json']), zh)).toMatch(
      /^--token 缺少值；如果值以“-”开头，请写成 --token=-…$/,
    );
  });

  it('keeps the English start that scripts match, and passes on what it does not know', () => {
    expect(parseArgsProblem(parseError(['--frob']), en)).toMatch(/^Unknown option '--frob'\./);
    expect(parseArgsProblem(parseError(['--token']), en)).toBe('--token needs a value.');
    expect(parseArgsProblem(new Error('something else'), zh)).toBe('something else');
  });
});

describe('argument checks in 简体中文', () => {
  it('watch: ids, seconds, rate and folder rules', () => {
    const error = (argv: string[]) => {
      const r = parseWatchArgs(argv, SHARED_OPTIONS, zh);
      if (r.ok !== false) throw new Error(`accepted ${argv.join(' ')}`);
      return r.error;
    };
    expect(error([])).toBe('请至少提供一个要跟踪的任务 ID。');
    expect(error([ID, '--interval', 'fast'])).toBe(
      '--interval 需要不小于 0.01 的秒数，而不是“fast”。',
    );
    expect(error([ID, '--interval', '9', '--max-interval', '3'])).toBe(
      '--max-interval 不能短于 --interval。',
    );
    expect(error([ID, '--max-rate', '0'])).toMatch(/^--max-rate 需要每分钟请求数/);
    expect(error([ID, '--download-dir', ''])).toBe('--download-dir 需要指定一个文件夹。');
    expect(error([ID, '--download-dir', '/'])).toMatch(/^--download-dir：/);
    expect(error([ID, '--what'])).toMatch(/^未知选项 --what。/);
  });

  it('generate: --timeout and the --watch-only options', () => {
    const error = (argv: string[]) => {
      const r = parseGenerateArgs(argv, SHARED_OPTIONS, zh);
      if (r.ok !== false) throw new Error(`accepted ${argv.join(' ')}`);
      return r.error;
    };
    expect(error(['a cat', '--timeout', '0'])).toBe('--timeout 必须是大于 0、不超过 600 的秒数。');
    expect(error(['a cat', '--interval', '3'])).toMatch(/只能与 --watch 一起使用。$/);
  });

  it('generate: form problems name the prompt in Chinese and keep option names', async () => {
    const err: string[] = [];
    const code = await runGenerate(
      ['--motion', '9'],
      {
        // Never asked: the form is refused before anything is sent.
        client: () => createPikaClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => 't' }),
        out: () => undefined,
        err: (line) => err.push(line),
        text: zh,
      },
      SHARED_OPTIONS,
    );
    expect(code).toBe(2);
    expect(err[0]).toBe('pika-tray generate：未发送任何请求：');
    expect(err.some((line) => line.startsWith('  提示词：'))).toBe(true);
    expect(err.some((line) => line.startsWith('  --motion：'))).toBe(true);
  });

  it('--image: a missing file, a file that is not an image, a folder', async () => {
    const notImage = join(dir, 'notes.png');
    await writeFile(notImage, 'just text');
    const says = async (path: string) => {
      const r = await imageFromFile(path);
      if (r.ok) throw new Error(`accepted ${path}`);
      return renderMessage(r.error, 'zh-Hans');
    };
    expect(await says(join(dir, 'gone.png'))).toBe(`${join(dir, 'gone.png')} 不存在。`);
    expect(await says(notImage)).toBe('notes.png 不是 PNG、JPEG 或 WebP 图片。');
    expect(await says(dir)).toBe(`${dir} 不是文件。`);
    const english = await imageFromFile(notImage);
    expect(english.ok === false && renderMessage(english.error, 'en')).toBe(
      'notes.png is not a PNG, JPEG or WebP image.',
    );
  });

  it('the token: missing, or with spaces', () => {
    expect(() => resolveConfig({}, { LANG: 'zh_CN.UTF-8' })).toThrow(
      '没有 API 令牌：请设置环境变量 PIKA_TOKEN（或使用 --token）。',
    );
    expect(() => resolveConfig({ token: 'a b' }, {}, zh)).toThrow('API 令牌不能包含空格或换行。');
    expect(() => resolveConfig({}, { LANG: 'C' })).toThrow(/^No API token: set/);
  });

  it('watch: a download folder that does not exist, before anything is asked', async () => {
    const err: string[] = [];
    const missing = join(dir, 'nowhere');
    const code = await runWatch(
      [ID, '--download-dir', missing],
      {
        client: () => {
          throw new Error('no request may be made');
        },
        out: () => undefined,
        err: (line) => err.push(line),
        text: zh,
      },
      SHARED_OPTIONS,
    );
    expect(code).toBe(2);
    expect(err).toEqual([`pika-tray watch：下载文件夹 ${missing} 不存在，请先创建。`]);
  });
});

describe('textOf (core rules in the CLI)', () => {
  it("renders a core rule's words in the reader's language, whatever shape they come in", () => {
    const ref = say('common.serverSaid', '余额不足');
    expect(textOf(new TextError(ref), 'zh-Hans')).toBe('服务器返回：“余额不足”');
    expect(textOf(new TextError(ref), 'en')).toBe('The server said: "余额不足"');
    expect(textOf(ref, 'zh-Hans')).toBe('服务器返回：“余额不足”');
    expect(textOf({ message: 'Stored English.', ref }, 'zh-Hans')).toBe('服务器返回：“余额不足”');
    expect(textOf('Plain English from the core.', 'zh-Hans')).toBe('Plain English from the core.');
    expect(textOf(new Error('An old error.'), 'zh-Hans')).toBe('An old error.');
  });
});
