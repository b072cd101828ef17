// What is wrong with a "New video" form (the window's form and `pika-tray generate` build the
// same one): each problem names the field's rule. The renderer's catalogs take this topic as
// one group too (renderer/src/i18n), so the window renders it without main's other topics.
// Limits and sizes arrive as arguments (sizes formatted: "10 MB"); the lists of choices come
// from generate-options.
import { defineCatalog } from '../../../i18n';
import { ASPECT_PRESETS, MODELS, PIKAFFECTS } from '../../../generate/generate-options';

export const generateFormEn = defineCatalog({
  promptEmpty: 'Describe the video you want.',
  promptTooLong: (max: number, length: number) =>
    `Keep the prompt under ${max} characters (it has ${length}).`,
  model: `Choose model ${MODELS.join(' or ')}.`,
  pikaffect: (effect: string) =>
    `"${effect}" is not an effect Pika offers. Choose one of: ${PIKAFFECTS.join(', ')}.`,
  frameRate: (min: number, max: number) =>
    `Frame rate must be a whole number from ${min} to ${max} frames per second.`,
  motion: (min: number, max: number) => `Motion must be a whole number from ${min} to ${max}.`,
  guidanceScale: (min: number, max: number) =>
    `Guidance must be a whole number from ${min} to ${max}.`,
  negativeTooLong: (max: number) => `Keep the negative prompt under ${max} characters.`,
  imageWithExtend:
    'An extended video continues its own frames: remove the image, or start a new video.',
  aspectRatio: `Choose an aspect ratio: ${ASPECT_PRESETS.join(', ')}.`,
  imageNotHttps: 'The image must be a web address starting with https://.',
  videoNotHttps: 'The video to extend must be a web address starting with https://.',
  notReadableImage: (name: string) => `${name} could not be read as an image.`,
  notAnImage: (name: string) => `${name} is not a PNG, JPEG or WebP image.`,
  imageEmpty: (name: string) => `${name} is empty.`,
  imageTooBig: (name: string, size: string, limit: string) =>
    `${name} is ${size}, over the ${limit} limit for images.`,
  fileUnreadable: (name: string) => `${name} could not be read.`,
  noFinishedVideo: (taskId: string) => `Task ${taskId} has no finished video to extend yet.`,
});
