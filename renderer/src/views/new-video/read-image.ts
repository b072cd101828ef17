// A picked or dropped file -> an inline image, or why not. Type and size are checked before
// reading, so a 2 GB video dropped by mistake is refused at once instead of read into memory.
import {
  formatMegabytes,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  imageFromDataUrl,
  type ImageInput,
} from './generate-model';
import { messages } from '../../i18n/i18n';

export type ReadImage = { ok: true; image: ImageInput } | { ok: false; error: string };

export async function readImageFile(file: File): Promise<ReadImage> {
  const m = messages().newVideo;
  const name = file.name || m.theFile;
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return { ok: false, error: m.notAnImage(name) };
  }
  if (file.size > IMAGE_MAX_BYTES) {
    return {
      ok: false,
      error: m.imageTooBig(name, formatMegabytes(file.size), formatMegabytes(IMAGE_MAX_BYTES)),
    };
  }
  let dataUrl: string;
  try {
    dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(file);
    });
  } catch {
    return { ok: false, error: m.unreadable(name) };
  }
  const parsed = imageFromDataUrl(dataUrl, name);
  return parsed.ok ? { ok: true, image: parsed.value } : { ok: false, error: parsed.error };
}
