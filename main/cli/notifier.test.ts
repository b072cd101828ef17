import { describe, expect, it } from 'vitest';
import { notificationText } from './notifier';

describe('notificationText', () => {
  it('drops control characters but keeps line breaks and tabs', () => {
    expect(notificationText('a\u0000b\u001bc\nd\te', 100)).toBe('a b c\nd\te');
  });

  it('cuts long text by characters with an ellipsis', () => {
    expect(notificationText('日本語のテスト', 4)).toBe('日本語…');
    expect(notificationText('short', 10)).toBe('short');
  });

  it('never starts with "-", which notify-send would read as an option', () => {
    const text = notificationText('--help me', 100);
    expect(text.startsWith('-')).toBe(false);
    expect(text).toContain('--help me');
  });
});
