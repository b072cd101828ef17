import { beforeEach, describe, expect, it } from 'vitest';
import { emptyForm } from './generate-model';
import { KEEP, keepSettings, keptSettings } from './kept-settings';

beforeEach(() => localStorage.clear());

describe('kept generate settings', () => {
  it('answers by task id; keeping a task again replaces its record', () => {
    keepSettings('a', { ...emptyForm(), model: '1.5' });
    keepSettings('b', { ...emptyForm(), motion: '4' });
    keepSettings('a', { ...emptyForm(), model: '2.0', frameRate: '8' });
    expect(keptSettings('a')).toMatchObject({ model: '2.0', frameRate: '8' });
    expect(keptSettings('b')).toMatchObject({ motion: '4' });
    expect(keptSettings('c')).toBeNull();
  });

  it(`keeps the newest ${KEEP} records only`, () => {
    for (let i = 0; i <= KEEP; i++) keepSettings(`t${i}`, emptyForm());
    expect(keptSettings('t0')).toBeNull();
    expect(keptSettings('t1')).not.toBeNull();
    expect(keptSettings(`t${KEEP}`)).not.toBeNull();
  });

  it('a damaged store is read as empty and written over', () => {
    localStorage.setItem('pika-tray:generate-settings', '{"not": "a list"}');
    expect(keptSettings('a')).toBeNull();
    keepSettings('a', emptyForm());
    expect(keptSettings('a')).toEqual(expect.objectContaining({ model: '2.0' }));
  });
});
