import { describe, expect, it } from 'vitest';
import { readMessageRef, renderMessage, say } from './message-ref';
import { TextError, textOf } from './text-error';

describe('MessageRef', () => {
  it('renders in the language asked for, nested messages too', () => {
    const ref = say('common.because', 'Could not save', say('common.serverSaid', '额度不足'));
    expect(renderMessage(ref, 'en')).toBe('Could not save: The server said: "额度不足"');
    expect(renderMessage(ref, 'zh-Hans')).toBe('Could not save：服务器返回：“额度不足”');
  });

  it('is plain JSON that survives a round trip through disk', () => {
    const ref = say('common.serverSaid', 'quota');
    const back = readMessageRef(JSON.parse(JSON.stringify(ref)));
    expect(back).toEqual(ref);
  });

  it('refuses what this version does not know, so the stored text is used instead', () => {
    expect(readMessageRef({ key: 'common.nope', args: [] })).toBeUndefined();
    expect(readMessageRef({ key: 'toString', args: [] })).toBeUndefined();
    expect(readMessageRef({ key: 'common.__proto__', args: [] })).toBeUndefined();
    expect(readMessageRef({ key: 'common.serverSaid', args: [{}] })).toBeUndefined();
    expect(readMessageRef({ key: 'common.serverSaid', args: [Number.NaN] })).toBeUndefined();
    expect(readMessageRef({ key: 'common.serverSaid', args: ['x'.repeat(5000)] })).toBeUndefined();
    expect(readMessageRef({ key: 'common.serverSaid', args: 'x' })).toBeUndefined();
    expect(readMessageRef('common.serverSaid')).toBeUndefined();
    let deep: unknown = 'x';
    for (let i = 0; i < 10; i++) deep = { key: 'common.serverSaid', args: [deep] };
    expect(readMessageRef(deep)).toBeUndefined();
  });

  it('checks arguments at compile time', () => {
    // @ts-expect-error serverSaid takes the words
    say('common.serverSaid');
    // @ts-expect-error no such message
    say('common.nope');
    expect(true).toBe(true);
  });
});

describe('TextError', () => {
  it('has the English message and renders in the reader language', () => {
    const err = new TextError(say('common.serverSaid', 'no'));
    expect(err.message).toBe('The server said: "no"');
    expect(textOf(err, 'zh-Hans')).toBe('服务器返回：“no”');
    expect(textOf(new Error('plain'), 'zh-Hans')).toBe('plain');
    expect(textOf({ message: 'stored' }, 'zh-Hans')).toBe('stored');
    expect(textOf('x', 'en')).toBe('x');
  });
});
