// File names for downloaded videos. Pure functions: the downloader decides what exists on
// disk, these only decide what a name looks like. A name carries the video's short id so the
// same video downloaded again is recognised, and it must be valid on Windows, macOS and Linux
// whatever the prompt holds (CJK, Cyrillic, emoji, slashes, control characters).
import { createHash } from 'node:crypto';
import { slugify } from 'transliteration';

export const FALLBACK_STEM = 'pika-video';
export const VIDEO_EXTENSION = '.mp4';
export const PART_EXTENSION = '.part';
/** Whole names stay well under the 255-byte limit of common file systems, suffixes included. */
export const DEFAULT_MAX_NAME_BYTES = 120;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Characters Windows refuses in names, path separators and every control character.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;

export interface VideoNameInput {
  prompt: string;
  seed: number | null;
  videoId: string;
}

/** UTF-8 length of a string. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * Makes any text safe as one file name: no separators, control or reserved characters, no
 * leading/trailing dots or spaces, not a Windows device name, at most `maxBytes` bytes.
 * Returns '' when nothing usable is left (callers pick a fallback).
 */
export function sanitizeFileName(name: string, maxBytes = DEFAULT_MAX_NAME_BYTES): string {
  let clean = name.normalize('NFC').replace(FORBIDDEN, '-');
  clean = truncateBytes(clean, maxBytes);
  // Windows drops trailing dots and spaces silently; leading dots hide files on Unix.
  clean = clean.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const stem = clean.split('.')[0] ?? '';
  // Windows treats "CON", "con.txt", "COM1.mp4" alike: the device name before the first dot.
  if (WINDOWS_RESERVED.test(stem.trim())) clean = `_${clean}`;
  return truncateBytes(clean, maxBytes).replace(/[.\s]+$/, '');
}

/** The prompt as an ASCII slug ("Apple evaporates!" -> "apple-evaporates"), never empty. */
export function promptSlug(prompt: string, maxBytes = 60): string {
  const slug = slugify(prompt, {
    lowercase: true,
    separator: '-',
    allowedChars: 'a-zA-Z0-9',
    trim: true,
  });
  let cut = truncateBytes(slug, maxBytes);
  // Prefer to end on a whole word when truncating leaves enough of the prompt.
  if (cut.length < slug.length && slug[cut.length] !== '-') {
    const lastDash = cut.lastIndexOf('-');
    if (lastDash >= maxBytes / 2) cut = cut.slice(0, lastDash);
  }
  cut = cut.replace(/^-+|-+$/g, '');
  return cut === '' ? FALLBACK_STEM : cut;
}

/**
 * A short, file-safe token for a video id: the first 8 letters/digits (a UUID's first
 * group), or a hash when the id has none.
 */
export function shortVideoId(videoId: string): string {
  const alnum = videoId.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
  if (alnum.length >= 6) return alnum.slice(0, 8);
  return createHash('sha256').update(videoId).digest('hex').slice(0, 8);
}

/** `apple-evaporates_seed393769667_c8091b7b.mp4`. */
export function videoFileName(input: VideoNameInput, maxBytes = DEFAULT_MAX_NAME_BYTES): string {
  const seed =
    input.seed !== null && Number.isFinite(input.seed) ? `_seed${Math.trunc(input.seed)}` : '';
  const tail = `${seed}_${shortVideoId(input.videoId)}${VIDEO_EXTENSION}`;
  // Room for a collision suffix (" (99)") and ".part" on top of the name.
  const room = Math.max(8, maxBytes - byteLength(tail) - 5 - PART_EXTENSION.length);
  return sanitizeFileName(`${promptSlug(input.prompt, room)}${tail}`, maxBytes);
}

/** `name.mp4` -> `name (2).mp4`: the n-th candidate when `name.mp4` is taken. */
export function numberedName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  return `${stem} (${n})${ext}`;
}

/** The partial-download name for a final name. */
export function partName(fileName: string): string {
  return `${fileName}${PART_EXTENSION}`;
}

/**
 * True when `fileName` is a finished download of this video by our naming: it ends with the
 * video's short id, possibly followed by a collision number. The prompt part is ignored so a
 * renamed prompt slug (or an older naming) still matches.
 */
export function isNameOfVideo(fileName: string, videoId: string): boolean {
  const id = shortVideoId(videoId);
  return new RegExp(`_${id}(?: \\(\\d+\\))?\\${VIDEO_EXTENSION}$`).test(fileName);
}
