// The "New video" form as the user fills it (or as command-line options arrive): raw values,
// numbers still as typed, so "12abc" can be refused with a message instead of becoming NaN.
import type { FormProblem } from './form-problem';
import type { ImageInput } from './image-input';
import { DEFAULT_ASPECT, DEFAULT_MODEL, LIMITS } from './generate-options';

export interface GenerateForm {
  prompt: string;
  model: string;
  /** '' = no effect. */
  pikaffect: string;
  /** A preset such as '16:9'; ignored when an image or a video to extend is given. */
  aspectRatio: string;
  frameRate: string;
  motion: string;
  guidanceScale: string;
  negativePrompt: string;
  image: ImageInput | null;
  /** The result URL of a finished video to extend, or null for a new video. */
  extendVideo: string | null;
}

/** The request-body names, so a server's `field` and our own errors point at the same input. */
export type GenerateField =
  | 'promptText'
  | 'model'
  | 'pikaffect'
  | 'aspectRatio'
  | 'frameRate'
  | 'motion'
  | 'guidanceScale'
  | 'negativePrompt'
  | 'image'
  | 'video';

/** What is wrong with each field, as data: rendered in the reader's language. */
export type FieldErrors = Partial<Record<GenerateField, FormProblem>>;

export function emptyForm(): GenerateForm {
  return {
    prompt: '',
    model: DEFAULT_MODEL,
    pikaffect: '',
    aspectRatio: DEFAULT_ASPECT,
    frameRate: String(LIMITS.frameRate.default),
    motion: String(LIMITS.motion.default),
    guidanceScale: String(LIMITS.guidanceScale.default),
    negativePrompt: '',
    image: null,
    extendVideo: null,
  };
}

const FIELDS: readonly GenerateField[] = [
  'promptText',
  'model',
  'pikaffect',
  'aspectRatio',
  'frameRate',
  'motion',
  'guidanceScale',
  'negativePrompt',
  'image',
  'video',
];

/**
 * Maps the field a server blamed ("promptText", "options.parameters.motion", "prompt") to the
 * form's input, or null when it names none we show.
 */
export function fieldFromServer(field: string | undefined): GenerateField | null {
  if (!field) return null;
  const last =
    field
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? '';
  if (last === 'prompt' || last === 'prompt_text') return 'promptText';
  if (last === 'negative_prompt') return 'negativePrompt';
  if (last === 'aspect_ratio') return 'aspectRatio';
  if (last === 'guidance_scale') return 'guidanceScale';
  if (last === 'frame_rate' || last === 'fps') return 'frameRate';
  if (last === 'extend') return 'video';
  return (FIELDS as readonly string[]).includes(last) ? (last as GenerateField) : null;
}
