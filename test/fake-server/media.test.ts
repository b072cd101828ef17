// The synthetic videos every download test compares bytes against: any range must be the same
// bytes as the whole, a shifted or misplaced range must not pass for the right one, and
// serving must cost the fake server no per-byte work (the download benchmark shares two cores
// with it).
import { describe, expect, it } from 'vitest';
import { BLOCK, ROTATION_STEP, syntheticSource } from './media';

const SIZE = 6 * BLOCK + 12_345;

describe('syntheticSource', () => {
  const source = syntheticSource('video-a', SIZE);
  const whole = source.read(0, SIZE);

  it('gives any range as the same bytes as the whole, clipped to the size', () => {
    expect(whole.byteLength).toBe(SIZE);
    for (const [start, end] of [
      [0, 1],
      [BLOCK - 3, BLOCK + 3],
      [123_457, 4 * BLOCK + 99],
      [SIZE - 10, SIZE + 500],
    ] as const) {
      expect(source.read(start, end).equals(whole.subarray(start, Math.min(SIZE, end)))).toBe(true);
    }
    expect(source.read(SIZE, SIZE + 10).byteLength).toBe(0);
    expect(syntheticSource('video-a', SIZE).read(0, SIZE).equals(whole)).toBe(true);
  });

  it('sniffs as MP4 and differs per video', () => {
    expect(whole.subarray(4, 8).toString()).toBe('ftyp');
    expect(syntheticSource('video-b', SIZE).read(0, SIZE).equals(whole)).toBe(false);
  });

  it('is never equal to itself shifted, by a byte, a word, a block or a rotation step', () => {
    const n = 2 * BLOCK;
    for (const shift of [1, 4, 4096, ROTATION_STEP, BLOCK - ROTATION_STEP, BLOCK, BLOCK + 1]) {
      expect(whole.subarray(shift, shift + n).equals(whole.subarray(0, n)), `shift ${shift}`).toBe(
        false,
      );
    }
    // Every block differs from every other, so a block served in another's place is caught.
    const blocks = new Set<string>();
    for (let b = 0; b * BLOCK < SIZE; b += 1)
      blocks.add(whole.subarray(b * BLOCK, (b + 1) * BLOCK).toString('base64'));
    expect(blocks.size).toBe(Math.ceil(SIZE / BLOCK));
  });

  it('hands out an aligned block as a view of one shared buffer, not a copy', () => {
    const first = source.read(BLOCK, 2 * BLOCK);
    const second = source.read(3 * BLOCK, 4 * BLOCK);
    expect(first.buffer).toBe(second.buffer);
    expect(first.buffer.byteLength).toBeLessThanOrEqual(2 * BLOCK + 8192);
  });
});
