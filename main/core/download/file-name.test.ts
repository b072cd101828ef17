import { describe, expect, it } from 'vitest';
import {
  FALLBACK_STEM,
  byteLength,
  isNameOfVideo,
  numberedName,
  partName,
  promptSlug,
  sanitizeFileName,
  shortVideoId,
  truncateBytes,
  videoFileName,
} from './file-name';

const VIDEO = 'c8091b7b-2f0e-4c1e-9d7a-5b8f0e6a1c23';

describe('videoFileName', () => {
  it('joins the prompt slug, the seed and the short video id', () => {
    expect(videoFileName({ prompt: 'Apple evaporates', seed: 393769667, videoId: VIDEO })).toBe(
      'apple-evaporates_seed393769667_c8091b7b.mp4',
    );
  });

  it('transliterates Cyrillic and CJK prompts instead of dropping them', () => {
    expect(videoFileName({ prompt: 'Привет мир', seed: 1, videoId: VIDEO })).toBe(
      'privet-mir_seed1_c8091b7b.mp4',
    );
    const cjk = videoFileName({ prompt: '苹果蒸发', seed: 7, videoId: VIDEO });
    expect(cjk).toMatch(/^[a-z0-9-]+_seed7_c8091b7b\.mp4$/);
    expect(cjk.startsWith('ping-guo')).toBe(true);
  });

  it('falls back to pika-video when nothing of the prompt survives', () => {
    for (const prompt of ['', '   ', '🍎🔥✨', '///', '\u0000\u0007', '...']) {
      expect(videoFileName({ prompt, seed: 5, videoId: VIDEO })).toBe(
        `${FALLBACK_STEM}_seed5_c8091b7b.mp4`,
      );
    }
  });

  it('leaves the seed out when the feed gave none', () => {
    expect(videoFileName({ prompt: 'a cat', seed: null, videoId: VIDEO })).toBe(
      'a-cat_c8091b7b.mp4',
    );
  });

  it('never holds separators, control characters or shell-hostile characters', () => {
    const name = videoFileName({
      prompt: '../../etc/passwd\\C:\\x<y>|z?*"\n\t\u0000 end',
      seed: 3,
      videoId: VIDEO,
    });
    expect(name).toMatch(/^[a-z0-9-]+_seed3_c8091b7b\.mp4$/);
    expect(name).not.toContain('..');
  });

  it('stays within the byte limit with room for a collision number and .part', () => {
    const long = 'a very long prompt about a cat that walks '.repeat(20);
    const name = videoFileName({ prompt: long, seed: 4294967295, videoId: VIDEO });
    expect(byteLength(name)).toBeLessThanOrEqual(120);
    expect(byteLength(partName(numberedName(name, 99)))).toBeLessThanOrEqual(120);
    expect(name).toMatch(/_seed4294967295_c8091b7b\.mp4$/);
    // Truncation ends on a whole word.
    expect(name).toMatch(/^(?:[a-z]+-)*[a-z]+_seed/);
    expect(videoFileName({ prompt: long, seed: 1, videoId: VIDEO }, 60).length).toBeLessThanOrEqual(
      60,
    );
  });

  it('gives different names to different videos of one task', () => {
    const a = videoFileName({ prompt: 'x', seed: 1, videoId: VIDEO });
    const b = videoFileName({
      prompt: 'x',
      seed: 1,
      videoId: 'f00dbabe-0000-0000-0000-000000000000',
    });
    expect(a).not.toBe(b);
  });
});

describe('sanitizeFileName', () => {
  it.each([
    'CON',
    'con',
    'PRN.mp4',
    'aux.txt',
    'NUL',
    'COM1',
    'com9.mp4',
    'LPT1',
    'lpt3.x',
    'CONIN$',
  ])('prefixes the Windows device name %s', (name) => {
    const clean = sanitizeFileName(name);
    expect(clean.startsWith('_')).toBe(true);
    expect(clean.slice(1)).toBe(name);
  });

  it('keeps names that merely start like a device name', () => {
    expect(sanitizeFileName('console.mp4')).toBe('console.mp4');
    expect(sanitizeFileName('com10')).toBe('com10');
    expect(sanitizeFileName('nullable')).toBe('nullable');
  });

  it('strips trailing dots and spaces and leading dots', () => {
    expect(sanitizeFileName('video. . ')).toBe('video');
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName(' . ')).toBe('');
  });

  it('replaces separators, reserved and control characters', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\u001fl\u007fm')).toBe(
      'a-b-c-d-e-f-g-h-i-j-k-l-m',
    );
  });

  it('cuts by UTF-8 bytes without splitting a character', () => {
    const clean = sanitizeFileName('日本語'.repeat(100), 50);
    expect(byteLength(clean)).toBeLessThanOrEqual(50);
    expect(clean).toBe('日本語'.repeat(6).slice(0, 16));
    expect(truncateBytes('a😀b', 3)).toBe('a');
    expect(truncateBytes('a😀b', 5)).toBe('a😀');
  });
});

describe('helpers', () => {
  it('promptSlug is ASCII, lowercase and dash-separated', () => {
    expect(promptSlug('  Hello,   World!! Café  ')).toBe('hello-world-cafe');
  });

  it('shortVideoId takes the first UUID group, or hashes an id with too few letters', () => {
    expect(shortVideoId(VIDEO)).toBe('c8091b7b');
    expect(shortVideoId('ABCDEF12-3456')).toBe('abcdef12');
    const hashed = shortVideoId('---');
    expect(hashed).toMatch(/^[0-9a-f]{8}$/);
    expect(shortVideoId('---')).toBe(hashed);
    expect(shortVideoId('-.-')).not.toBe(hashed);
  });

  it('numberedName puts the number before the extension', () => {
    expect(numberedName('a_seed1_c8091b7b.mp4', 1)).toBe('a_seed1_c8091b7b.mp4');
    expect(numberedName('a_seed1_c8091b7b.mp4', 2)).toBe('a_seed1_c8091b7b (2).mp4');
    expect(numberedName('noext', 3)).toBe('noext (3)');
  });

  it('isNameOfVideo recognises our names for a video, numbered or not, and nothing else', () => {
    expect(isNameOfVideo('apple_seed1_c8091b7b.mp4', VIDEO)).toBe(true);
    expect(isNameOfVideo('renamed-prompt_c8091b7b (3).mp4', VIDEO)).toBe(true);
    expect(isNameOfVideo('apple_seed1_c8091b7b.mp4.part', VIDEO)).toBe(false);
    expect(isNameOfVideo('apple_seed1_c8091b7c.mp4', VIDEO)).toBe(false);
    expect(isNameOfVideo('apple_seed1_xc8091b7b.mp4', VIDEO)).toBe(false);
    expect(isNameOfVideo('apple_seed1_c8091b7b.mov', VIDEO)).toBe(false);
  });
});
