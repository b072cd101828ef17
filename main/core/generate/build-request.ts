// Form -> the exact body of POST /pika/generate, or every problem with the form at once (so
// the user fixes them in one pass). Nothing here sends anything.
import type { GenerateRequest } from '../api/types';
import { formProblem, type FormProblem } from './form-problem';
import type { FieldErrors, GenerateForm } from './generate-form';
import {
  ASPECT_RATIOS,
  LIMITS,
  MODELS,
  NEGATIVE_PROMPT_MAX,
  PIKAFFECTS,
  PROMPT_MAX,
} from './generate-options';
import { imageFromDataUrl, parseMediaUrl } from './image-input';

export type BuildResult =
  { ok: true; request: GenerateRequest } | { ok: false; errors: FieldErrors };

export function buildGenerateRequest(form: GenerateForm): BuildResult {
  const errors: FieldErrors = {};

  const promptText = form.prompt.trim();
  if (promptText === '') errors.promptText = formProblem('promptEmpty');
  else if (promptText.length > PROMPT_MAX) {
    errors.promptText = formProblem('promptTooLong', PROMPT_MAX, promptText.length);
  }

  if (!(MODELS as readonly string[]).includes(form.model)) {
    errors.model = formProblem('model');
  }

  const pikaffect = form.pikaffect.trim();
  const effect = PIKAFFECTS.find((e) => e.toLowerCase() === pikaffect.toLowerCase());
  if (pikaffect !== '' && !effect) {
    errors.pikaffect = formProblem('pikaffect', pikaffect);
  }

  const frameRate = intIn(form.frameRate, 'frameRate');
  if (!frameRate.ok) errors.frameRate = frameRate.error;
  const motion = intIn(form.motion, 'motion');
  if (!motion.ok) errors.motion = motion.error;
  const guidance = intIn(form.guidanceScale, 'guidanceScale');
  if (!guidance.ok) errors.guidanceScale = guidance.error;

  const negativePrompt = form.negativePrompt.trim();
  if (negativePrompt.length > NEGATIVE_PROMPT_MAX) {
    errors.negativePrompt = formProblem('negativeTooLong', NEGATIVE_PROMPT_MAX);
  }

  let image: string | undefined;
  if (form.image?.kind === 'url') {
    const url = parseMediaUrl(form.image.url, 'image');
    if (url.ok) image = url.value;
    else errors.image = url.error;
  } else if (form.image?.kind === 'data') {
    // Re-checked here: the form may have been filled by code that skipped imageFromDataUrl.
    const data = imageFromDataUrl(form.image.dataUrl, form.image.name);
    if (data.ok) image = form.image.dataUrl;
    else errors.image = data.error;
  }

  let video: string | undefined;
  if (form.extendVideo !== null) {
    const url = parseMediaUrl(form.extendVideo, 'video');
    if (url.ok) video = url.value;
    else errors.video = url.error;
  }
  if (form.image && form.extendVideo !== null) {
    errors.image = formProblem('imageWithExtend');
  }

  // The frame comes from the image or the video when there is one, so no ratio is sent.
  const framed = form.image !== null || form.extendVideo !== null;
  const preset = ASPECT_RATIOS[form.aspectRatio as keyof typeof ASPECT_RATIOS];
  if (!framed && !preset) {
    errors.aspectRatio = formProblem('aspectRatio');
  }

  if (Object.keys(errors).length > 0 || !frameRate.ok || !motion.ok || !guidance.ok) {
    return { ok: false, errors };
  }

  // Every documented field, empty ones included (pikaffect "", extend false, negativePrompt
  // ""), as the web clients known to work with these gateways send them: some gateways
  // refuse or misroute a body that leaves them out. Only what has no neutral value stays
  // out: aspectRatio when the frame comes from an image or video, image and video themselves.
  const request: GenerateRequest = {
    promptText,
    model: form.model,
    pikaffect: effect ?? '',
    options: {
      ...(!framed && preset ? { aspectRatio: preset[0] / preset[1] } : {}),
      frameRate: frameRate.value,
      camera: {},
      extend: video !== undefined,
      parameters: {
        guidanceScale: guidance.value,
        motion: motion.value,
        negativePrompt,
      },
    },
  };
  if (image !== undefined) request.image = image;
  if (video !== undefined) request.video = video;
  return { ok: true, request };
}

type IntResult = { ok: true; value: number } | { ok: false; error: FormProblem };

function intIn(raw: string, field: keyof typeof LIMITS): IntResult {
  const range = LIMITS[field];
  const between = formProblem(field, range.min, range.max);
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, error: between };
  const value = Number(text);
  if (value < range.min || value > range.max) return { ok: false, error: between };
  return { ok: true, value };
}
