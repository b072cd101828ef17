// An image for image-to-video: a web address, or a picked/dropped file sent inline as base64.
// The file arrives as a data URL (FileReader.readAsDataURL in the renderer, the file's bytes
// in the command line), so size and type are checked here, once, for both.
import { formProblem, type FormProblem } from './form-problem';
import { IMAGE_MAX_BYTES, IMAGE_TYPES } from './generate-options';

export type ImageInput =
  | { kind: 'url'; url: string }
  | { kind: 'data'; dataUrl: string; mime: string; bytes: number; name: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FormProblem };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Accepts https addresses; plain http only on this machine (a local gateway or the test
 * server), because anything else would send the image's location in the clear.
 */
export function parseMediaUrl(text: string, what: 'image' | 'video'): Parsed<string> {
  const notHttps = formProblem(what === 'image' ? 'imageNotHttps' : 'videoNotHttps');
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: notHttps };
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) return { ok: false, error: notHttps };
  return { ok: true, value: url.href };
}

export function imageFromUrl(text: string): Parsed<ImageInput> {
  const url = parseMediaUrl(text, 'image');
  return url.ok ? { ok: true, value: { kind: 'url', url: url.value } } : url;
}

/** Bytes encoded by a base64 string (without decoding it). */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** Rounded up, so a file just over a limit never reads as equal to it. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${tenths.toFixed(1).replace(/\.0$/, '')} MB`;
}

export function imageTooBig(name: string, bytes: number): FormProblem {
  return formProblem('imageTooBig', name, formatMegabytes(bytes), formatMegabytes(IMAGE_MAX_BYTES));
}

/** A file read as a data URL: checks its type and size. `name` is only for messages. */
export function imageFromDataUrl(dataUrl: string, name: string): Parsed<ImageInput> {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[^,;]*)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(
    dataUrl,
  );
  if (!match) return { ok: false, error: formProblem('notReadableImage', name) };
  const mime = (match[1] ?? '').toLowerCase();
  if (!(IMAGE_TYPES as readonly string[]).includes(mime)) {
    return { ok: false, error: formProblem('notAnImage', name) };
  }
  const bytes = base64Bytes(match[2]!);
  if (bytes === 0) return { ok: false, error: formProblem('imageEmpty', name) };
  if (bytes > IMAGE_MAX_BYTES) return { ok: false, error: imageTooBig(name, bytes) };
  return { ok: true, value: { kind: 'data', dataUrl, mime, bytes, name } };
}

/** Guesses an image type from a file name, for callers that read raw bytes. */
export function imageTypeOf(fileName: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'webp') return 'image/webp';
  return null;
}
