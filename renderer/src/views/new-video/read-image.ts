// A picked or dropped file -> an inline image, or why not. Type and size are checked before
// reading, so a 2 GB video dropped by mistake is refused at once instead of read into memory.
import {
  formProblem,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  imageFromDataUrl,
  imageTooBig,
  type FormProblem,
  type ImageInput,
} from './generate-model';
import { messages } from '../../i18n/i18n';

export type ReadImage = { ok: true; image: ImageInput } | { ok: false; error: FormProblem };

export async function readImageFile(file: File): Promise<ReadImage> {
  const name = file.name || messages().newVideo.theFile;
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return { ok: false, error: formProblem('notAnImage', name) };
  }
  if (file.size > IMAGE_MAX_BYTES) return { ok: false, error: imageTooBig(name, file.size) };
  let dataUrl: string;
  try {
    dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(file);
    });
  } catch {
    return { ok: false, error: formProblem('fileUnreadable', name) };
  }
  const parsed = imageFromDataUrl(dataUrl, name);
  return parsed.ok ? { ok: true, image: parsed.value } : { ok: false, error: parsed.error };
}
