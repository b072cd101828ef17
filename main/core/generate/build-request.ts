// Form -> the exact body of POST /pika/generate, or every problem with the form at once (so
// the user fixes them in one pass). Nothing here sends anything.
import type { GenerateRequest } from '../api/types';
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
  if (promptText === '') errors.promptText = 'Describe the video you want.';
  else if (promptText.length > PROMPT_MAX) {
    errors.promptText = `Keep the prompt under ${PROMPT_MAX} characters (it has ${promptText.length}).`;
  }

  if (!(MODELS as readonly string[]).includes(form.model)) {
    errors.model = `Choose model ${MODELS.join(' or ')}.`;
  }

  const pikaffect = form.pikaffect.trim();
  const effect = PIKAFFECTS.find((e) => e.toLowerCase() === pikaffect.toLowerCase());
  if (pikaffect !== '' && !effect) {
    errors.pikaffect = `"${pikaffect}" is not an effect Pika offers. Choose one of: ${PIKAFFECTS.join(', ')}.`;
  }

  const frameRate = intIn(form.frameRate, LIMITS.frameRate, 'Frame rate', 'frames per second');
  if (!frameRate.ok) errors.frameRate = frameRate.error;
  const motion = intIn(form.motion, LIMITS.motion, 'Motion', '');
  if (!motion.ok) errors.motion = motion.error;
  const guidance = intIn(form.guidanceScale, LIMITS.guidanceScale, 'Guidance', '');
  if (!guidance.ok) errors.guidanceScale = guidance.error;

  const negativePrompt = form.negativePrompt.trim();
  if (negativePrompt.length > NEGATIVE_PROMPT_MAX) {
    errors.negativePrompt = `Keep the negative prompt under ${NEGATIVE_PROMPT_MAX} characters.`;
  }

  let image: string | undefined;
  if (form.image?.kind === 'url') {
    const url = parseMediaUrl(form.image.url, 'The image');
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
    const url = parseMediaUrl(form.extendVideo, 'The video to extend');
    if (url.ok) video = url.value;
    else errors.video = url.error;
  }
  if (form.image && form.extendVideo !== null) {
    errors.image =
      'An extended video continues its own frames: remove the image, or start a new video.';
  }

  // The frame comes from the image or the video when there is one, so no ratio is sent.
  const framed = form.image !== null || form.extendVideo !== null;
  const preset = ASPECT_RATIOS[form.aspectRatio as keyof typeof ASPECT_RATIOS];
  if (!framed && !preset) {
    errors.aspectRatio = `Choose an aspect ratio: ${Object.keys(ASPECT_RATIOS).join(', ')}.`;
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

type IntResult = { ok: true; value: number } | { ok: false; error: string };

function intIn(
  raw: string,
  range: { min: number; max: number },
  label: string,
  unit: string,
): IntResult {
  const text = raw.trim();
  const between = `${label} must be a whole number from ${range.min} to ${range.max}${unit ? ` ${unit}` : ''}.`;
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, error: between };
  const value = Number(text);
  if (value < range.min || value > range.max) return { ok: false, error: between };
  return { ok: true, value };
}
