import { describe, expect, it } from 'vitest';
import { errorMessage, formatBytes, formatDuration, timeAgo } from './format';

describe('format', () => {
  it('says how long ago, coarsely', () => {
    const now = 10_000_000_000;
    expect(timeAgo(now - 5_000, now)).toBe('just now');
    expect(timeAgo(now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(timeAgo(now - 2 * 3_600_000, now)).toBe('2 hours ago');
    expect(timeAgo(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(timeAgo(now + 5_000, now)).toBe('just now');
  });

  it('formats durations and sizes', () => {
    expect(formatDuration(5)).toBe('5 sec');
    expect(formatDuration(105)).toBe('1:45');
    expect(formatBytes(512)).toBe('0.5 kB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it("strips Electron's invoke wrapper from error messages", () => {
    const err = new Error(
      "Error invoking remote method 'settings:update': Error: pollFloorSec must be at least 1",
    );
    expect(errorMessage(err)).toBe('pollFloorSec must be at least 1');
    expect(errorMessage('plain')).toBe('plain');
  });
});
