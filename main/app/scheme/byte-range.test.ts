import { describe, expect, it } from 'vitest';
import { readRange } from './byte-range';

describe('readRange', () => {
  it('reads first bytes, a middle part, an open end and a suffix', () => {
    expect(readRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(readRange('bytes=100-199', 1000)).toEqual({ kind: 'part', start: 100, end: 199 });
    expect(readRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(readRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(readRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(readRange('bytes=990-5000', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
  });

  it('past the end or an empty suffix cannot be satisfied', () => {
    expect(readRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: none, other units, lists, reversed, nonsense', () => {
    for (const header of [
      null,
      'items=0-1',
      'bytes=0-1,5-9',
      'bytes=9-1',
      'bytes=x-y',
      'bytes=-',
    ]) {
      expect(readRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
  });
});
