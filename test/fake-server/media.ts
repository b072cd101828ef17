// What the fake CDN serves: the real tiny fixtures, or deterministic synthetic bytes of any
// size produced block by block, so a 200 MB "video" never sits in memory and any byte range
// can be produced on its own (Range requests, resumed downloads).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

/** Playable 1-second H.264/AAC MP4 and real JPEGs (see test/fixtures/README.md). */
export const FIXTURES = {
  video: fixture('sample.mp4'),
  poster: fixture('poster.jpg'),
  thumbnail: fixture('thumbnail.jpg'),
};

export interface MediaSource {
  readonly size: number;
  /** Bytes [start, end) — end exclusive. */
  read(start: number, end: number): Buffer;
}

export function bufferSource(buf: Buffer): MediaSource {
  return { size: buf.length, read: (start, end) => buf.subarray(start, end) };
}

/** Also what the server sends at a time, so each full-speed send is one block, not a copy. */
export const BLOCK = 256 * 1024;
/** Odd, so block i's rotation repeats only after BLOCK blocks (64 GB). */
export const ROTATION_STEP = 0x9e37;

/**
 * Block i is one per-video random block rotated by i × ROTATION_STEP bytes, so bytes at
 * different offsets differ (an off-by-a-block download is caught), and a block is a view into
 * the random block laid out twice: serving one costs no work of ours, as a real CDN's
 * sendfile costs next to none (a generated body cost the fake server ~0.15 CPU-s per 200 MB,
 * taken from the two cores a download benchmark shares with it). The first bytes are the
 * fixture's `ftyp` box, so it sniffs as MP4.
 */
export function syntheticSource(seedText: string, size: number): MediaSource {
  let twice: Buffer | null = null;
  const randomTwice = (): Buffer => {
    if (twice) return twice;
    const words = new Uint32Array(BLOCK / 4);
    let x = hash32(seedText) || 0x9e3779b9;
    for (let i = 0; i < words.length; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    const one = Buffer.from(words.buffer);
    FIXTURES.video.copy(one, 0, 0, 32);
    twice = Buffer.concat([one, one]);
    return twice;
  };
  const block = (index: number): Buffer => {
    const shift = (index * ROTATION_STEP) % BLOCK;
    return randomTwice().subarray(shift, shift + BLOCK);
  };
  return {
    size,
    read(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(size, end);
      if (to <= from) return Buffer.alloc(0);
      const parts: Buffer[] = [];
      for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b += 1) {
        const blockStart = b * BLOCK;
        const buf = block(b);
        parts.push(buf.subarray(Math.max(0, from - blockStart), Math.min(BLOCK, to - blockStart)));
      }
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    },
  };
}

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type RangeResult =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** One `bytes=` range (end exclusive in the result); several ranges get the full body. */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return { kind: 'full' };
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(a);
  const end = b === '' ? size : Math.min(size, Number(b) + 1);
  if (start >= size || end <= start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
