// A picked or dropped file -> an inline image, or why not. Type and size are checked before
// reading, so a 2 GB video dropped by mistake is refused at once instead of read into memory.
import {
  formatMegabytes,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  imageFromDataUrl,
  type ImageInput,
} from './generate-model';

export type ReadImage = { ok: true; image: ImageInput } | { ok: false; error: string };

export async function readImageFile(file: File): Promise<ReadImage> {
  const name = file.name || 'The file';
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return { ok: false, error: `${name} is not a PNG, JPEG or WebP image.` };
  }
  if (file.size > IMAGE_MAX_BYTES) {
    return {
      ok: false,
      error: `${name} is ${formatMegabytes(file.size)}, over the ${formatMegabytes(IMAGE_MAX_BYTES)} limit for images.`,
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
    return { ok: false, error: `${name} could not be read.` };
  }
  const parsed = imageFromDataUrl(dataUrl, name);
  return parsed.ok ? { ok: true, image: parsed.value } : { ok: false, error: parsed.error };
}
