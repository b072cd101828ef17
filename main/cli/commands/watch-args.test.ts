import { describe, expect, it } from 'vitest';
import { SHARED_OPTIONS } from '../options';
import { parseWatchArgs } from './watch-args';
import { fitColumns, padColumns } from './watch-view';

const ID = '0f0e2c1a-aaaa-bbbb-cccc-000000000001';
const ID2 = '0f0e2c1a-aaaa-bbbb-cccc-000000000002';

function ok(argv: string[]) {
  const r = parseWatchArgs(argv, SHARED_OPTIONS);
  if (r.ok !== true) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.args;
}

function error(argv: string[]): string {
  const r = parseWatchArgs(argv, SHARED_OPTIONS);
  if (r.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('parseWatchArgs', () => {
  it('has defaults fit for the real API', () => {
    expect(ok([ID])).toEqual({
      taskIds: [ID],
      downloadDir: null,
      json: false,
      notify: true,
      timeoutMs: null,
      floorMs: 5_000,
      capMs: 60_000,
      stalledAfterMs: 3_600_000,
      maxRatePerMin: null,
      shared: { 'base-url': undefined, token: undefined, help: undefined },
    });
  });

  it('--max-rate caps requests per minute; nonsense is refused', () => {
    expect(ok([ID, '--max-rate', '90']).maxRatePerMin).toBe(90);
    for (const bad of ['0', '1.5', 'lots', ' ']) {
      const result = parseWatchArgs([ID, '--max-rate', bad]);
      expect(result.ok).toBe(false);
      if (result.ok === false) expect(result.error).toMatch(/--max-rate takes a whole number/);
    }
  });

  it('takes ids, feed links and feed answers, each once', () => {
    const args = ok([
      ID,
      `https://api.gpt.ge/pika/feed/${ID2}`,
      JSON.stringify({ id: ID }),
      '--json',
    ]);
    expect(args.taskIds).toEqual([ID, ID2]);
    expect(args.json).toBe(true);
  });

  it('reads seconds into milliseconds and keeps the shared options for the client', () => {
    const args = ok([
      ID,
      '--timeout',
      '90',
      '--interval',
      '0.5',
      '--max-interval',
      '2',
      '--stalled-after',
      '600',
      '--no-notify',
      '--download-dir',
      'videos',
      '--base-url',
      'http://127.0.0.1:9',
    ]);
    expect(args).toMatchObject({
      timeoutMs: 90_000,
      floorMs: 500,
      capMs: 2_000,
      stalledAfterMs: 600_000,
      notify: false,
      downloadDir: 'videos',
    });
    expect(args.shared['base-url']).toBe('http://127.0.0.1:9');
  });

  it('raises the cap to a longer interval when only the interval is given', () => {
    expect(ok([ID, '--interval', '120'])).toMatchObject({ floorMs: 120_000, capMs: 120_000 });
  });

  it('refuses what it cannot use, saying which option', () => {
    expect(error([])).toMatch(/at least one task id/);
    expect(error([ID, '--timeout', '-1'])).toMatch(/--timeout/);
    expect(error([ID, '--interval', 'fast'])).toMatch(/--interval takes a number of seconds/);
    expect(error([ID, '--interval', '5', '--max-interval', '1'])).toMatch(/--max-interval/);
    expect(error([ID, '--download-dir', ''])).toMatch(/--download-dir/);
    expect(error([ID, '--download-dir', '/'])).toMatch(/--download-dir: .*root of the file system/);
    expect(error([ID, '--download-dir=/tmp/..'])).toMatch(/root of the file system/);
    expect(error([ID, '--download-dir', '\\\\host\\share'])).toMatch(/network share/);
    expect(error([ID, '--download-dir', '//host/share/videos'])).toMatch(/network share/);
    expect(error([ID, '--download-dir', '\\\\?\\C:\\videos'])).toMatch(/device path/);
    expect(error([ID, '--download-dir', 'C:\\'])).toMatch(/root of a drive/);
    expect(error(['ab'])).toMatch(/"ab": A task id has at least 6 characters/);
    expect(error([ID, '--what'])).toMatch(/--what/);
  });

  it('answers --help', () => {
    expect(parseWatchArgs(['--help'], SHARED_OPTIONS)).toEqual({ ok: 'help' });
  });
});

describe('view helpers', () => {
  it('fitColumns counts wide characters as two columns', () => {
    expect(fitColumns('abcdef', 4)).toBe('abcd');
    expect(fitColumns('日本語です', 5)).toBe('日本');
    expect(fitColumns('a🍎b', 3)).toBe('a🍎');
  });

  it('fitColumns measures with string-width: full-width punctuation, combining marks, emoji sequences', () => {
    expect(fitColumns('“苹果蒸发”', 6)).toBe('“苹果'); // the quote is ambiguous-width: one column
    expect(fitColumns('生成中：苹果', 8)).toBe('生成中：');
    expect(fitColumns('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301e\u0301'); // é as e + combining accent
    expect(fitColumns('👩‍👩‍👧x', 2)).toBe('👩‍👩‍👧'); // one grapheme, never cut inside
    expect(padColumns('生成中', 8)).toBe('生成中  ');
    expect(padColumns('running', 8)).toBe('running ');
  });
});
