import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { helpWidth, renderHelp, wrapColumns } from './help-layout';
import { generateHelp, watchHelp } from './help-pages';
import { cliText } from './i18n';

describe('wrapColumns', () => {
  it('wraps Chinese between characters, in terminal columns, never before closing punctuation', () => {
    const text = '跟踪任务直到结束，发送通知，下载视频。'.repeat(3);
    const lines = wrapColumns(text, 20);
    expect(lines.join('')).toBe(text);
    for (const line of lines) {
      expect(stringWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(/^[，。]/);
    }
    expect(lines[0]).toBe('跟踪任务直到结束，发'); // 20 columns, 10 characters
  });

  it('wraps English between words and keeps a word too long for the line whole', () => {
    expect(wrapColumns('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapColumns('a https://example.com/very/long/address b', 10)).toEqual([
      'a',
      'https://example.com/very/long/address',
      'b',
    ]);
    expect(wrapColumns('first\nsecond', 80)).toEqual(['first', 'second']);
  });

  it('keeps an opening bracket with what follows it', () => {
    const lines = wrapColumns('默认值为十二（可以修改）', 14);
    for (const line of lines) expect(line).not.toMatch(/（$/);
  });
});

describe('renderHelp', () => {
  it('puts every description of a page on one column, whatever the width of the heads', () => {
    const page = renderHelp(
      [
        {
          kind: 'rows',
          title: '选项：',
          rows: [
            ['--a 目录', '甲'],
            ['--bb N', '乙'],
          ],
        },
        { kind: 'rows', title: 'More:', rows: [['--ccc', 'c']] },
      ],
      80,
    );
    expect(page).toBe(
      ['选项：', '  --a 目录  甲', '  --bb N    乙', '', 'More:', '  --ccc     c'].join('\n'),
    );
  });

  it('gives a head too wide for the column its own line', () => {
    const head = '--a-very-long-option-name VALUE';
    const page = renderHelp(
      [
        {
          kind: 'rows',
          rows: [
            ['-x', 'short'],
            [head, 'text'],
          ],
        },
      ],
      80,
    );
    expect(page.split('\n')).toEqual(['  -x  short', `  ${head}`, '      text']);
  });

  it('lays help out at the terminal width, within 40 to 100 columns; 80 off a terminal', () => {
    expect(helpWidth({ isTTY: false, columns: 200 })).toBe(80);
    expect(helpWidth({ isTTY: true, columns: 60 })).toBe(60);
    expect(helpWidth({ isTTY: true, columns: 300 })).toBe(100);
    expect(helpWidth({ isTTY: true, columns: 20 })).toBe(40);
  });

  it('fits the generate and watch pages in narrow terminals, in both languages', () => {
    for (const locale of ['en', 'zh-Hans'] as const) {
      for (const width of [50, 72, 100]) {
        for (const page of [generateHelp, watchHelp]) {
          const lines = page(cliText(locale), width).split('\n');
          for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        }
      }
    }
  });
});
