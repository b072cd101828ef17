// The settings a video was made with, so "Again" can start from them. The feed only gives the
// prompt back, so the app keeps these itself (keyed by task id) when it creates a task. A picked
// image file is not kept (it can be megabytes of base64), only its name, so the form can ask
// for it again; an image link is kept as given.
import type { GenerateForm } from './generate-form';

/** The form's own choices, kept as typed. */
const TEXT_KEYS = [
  'model',
  'pikaffect',
  'aspectRatio',
  'frameRate',
  'motion',
  'guidanceScale',
  'negativePrompt',
] as const satisfies readonly (keyof GenerateForm)[];
type TextKey = (typeof TEXT_KEYS)[number];
const OPTIONAL_KEYS = ['imageUrl', 'imageFile', 'extendVideo'] as const;

export type GenerateSettings = Pick<GenerateForm, TextKey> & {
  imageUrl: string | null;
  /** Name of the picked image file, which was not kept. */
  imageFile: string | null;
  extendVideo: string | null;
};

/** Longer than any value the form accepts; a stored record past this is not ours. */
const MAX_TEXT = 4096;

export function settingsOf(form: GenerateForm): GenerateSettings {
  const text = Object.fromEntries(TEXT_KEYS.map((key) => [key, form[key]]));
  return {
    ...(text as Pick<GenerateForm, TextKey>),
    imageUrl: form.image?.kind === 'url' ? form.image.url : null,
    imageFile: form.image?.kind === 'data' ? form.image.name : null,
    extendVideo: form.extendVideo,
  };
}

/** Reads a stored record back; anything of the wrong shape is null (the form then uses defaults). */
export function parseSettings(raw: unknown): GenerateSettings | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const obj = raw as Record<string, unknown>;
  const out: Record<string, string | null> = {};
  for (const key of TEXT_KEYS) {
    const value = obj[key];
    if (typeof value !== 'string' || value.length > MAX_TEXT) return null;
    out[key] = value;
  }
  for (const key of OPTIONAL_KEYS) {
    const value = obj[key] ?? null;
    if (value !== null && (typeof value !== 'string' || value.length > MAX_TEXT)) return null;
    out[key] = value;
  }
  return out as unknown as GenerateSettings;
}

/**
 * `form` with the kept settings applied. "Extend" continues a video, so it takes the model and
 * the motion settings but no effect and no image (the video supplies the frames).
 */
export function applySettings(
  form: GenerateForm,
  settings: GenerateSettings,
  mode: 'again' | 'extend',
): GenerateForm {
  const next: GenerateForm = {
    ...form,
    model: settings.model,
    aspectRatio: settings.aspectRatio,
    frameRate: settings.frameRate,
    motion: settings.motion,
    guidanceScale: settings.guidanceScale,
    negativePrompt: settings.negativePrompt,
  };
  if (mode === 'again') {
    next.pikaffect = settings.pikaffect;
    next.image = settings.imageUrl === null ? null : { kind: 'url', url: settings.imageUrl };
    next.extendVideo = settings.extendVideo;
  }
  return next;
}
