// An image file from disk (command line) -> the inline image the form takes. The type is read
// from the file's first bytes, not its name, and the size is checked before reading.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { imageFromDataUrl, imageTooBig, type ImageInput } from '../../core/generate/image-input';
import { say, type MessageRef } from '../../core/text/message-ref';
import { IMAGE_MAX_BYTES } from '../../core/generate/generate-options';

export function sniffImageType(head: Uint8Array): string | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

export type ImageFile = { ok: true; value: ImageInput } | { ok: false; error: MessageRef };

export async function imageFromFile(path: string): Promise<ImageFile> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: say('generateFile.notAFile', path) };
    size = info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error:
        code === 'ENOENT'
          ? say('generateFile.fileMissing', path)
          : say('generateFile.fileUnreadable', path, code ?? 'error'),
    };
  }
  if (size > IMAGE_MAX_BYTES) return { ok: false, error: imageTooBig(name, size) };
  let bytes: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      bytes = await file.readFile();
    } finally {
      await file.close();
    }
  } catch (err) {
    return {
      ok: false,
      error: say(
        'generateFile.fileUnreadable',
        path,
        (err as NodeJS.ErrnoException).code ?? 'error',
      ),
    };
  }
  const mime = sniffImageType(bytes.subarray(0, 16));
  if (!mime) return { ok: false, error: say('generateForm.notAnImage', name) };
  return imageFromDataUrl(`data:${mime};base64,${bytes.toString('base64')}`, name);
}
