// Checks a POST /pika/generate body the way pika-api.md describes the gateways doing it, and
// names the offending field in the message, as they do.

export const PIKA_MODELS = ['1.0', '1.5', '2.0', '2.1', '2.2'] as const;

export const PIKAFFECTS = [
  'Levitate',
  'Decapitate',
  'Eye-pop',
  'Ta-da',
  'Deflate',
  'Crumble',
  'Dissolve',
  'Squish',
  'Inflate',
  'Melt',
  'Crush',
  'Cake-ify',
  'Explode',
] as const;

export interface GenerateProblem {
  field: string;
  message: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isBase64Image(v: string): boolean {
  const data = /^data:image\/[a-z0-9.+-]+;base64,(.*)$/is.exec(v);
  const payload = (data ? data[1]! : v).replace(/\s+/g, '');
  return payload.length >= 16 && payload.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(payload);
}

/** The first problem with the body, or null when the gateway would accept it. */
export function validateGenerateBody(body: unknown): GenerateProblem | null {
  if (!isObj(body)) return { field: 'body', message: 'the request body must be a JSON object' };
  const { promptText, model, pikaffect, options, image, video } = body;
  if (promptText === undefined) return { field: 'promptText', message: 'promptText is required' };
  if (typeof promptText !== 'string')
    return { field: 'promptText', message: 'promptText must be a string' };
  if (promptText.trim() === '' && image === undefined && video === undefined)
    return {
      field: 'promptText',
      message: 'promptText must not be empty without an image or video',
    };
  if (promptText.length > 2000)
    return { field: 'promptText', message: 'promptText is longer than 2000 characters' };
  if (
    model !== undefined &&
    (typeof model !== 'string' || !(PIKA_MODELS as readonly string[]).includes(model))
  )
    return { field: 'model', message: `model must be one of ${PIKA_MODELS.join(', ')}` };
  if (pikaffect !== undefined) {
    if (typeof pikaffect !== 'string')
      return { field: 'pikaffect', message: 'pikaffect must be a string' };
    if (pikaffect !== '' && !PIKAFFECTS.some((p) => p.toLowerCase() === pikaffect.toLowerCase()))
      return {
        field: 'pikaffect',
        message: `pikaffect "${pikaffect.slice(0, 40)}" is not a known effect`,
      };
  }
  if (image !== undefined) {
    if (typeof image !== 'string')
      return { field: 'image', message: 'image must be a URL or base64 string' };
    if (!isHttpUrl(image) && !isBase64Image(image))
      return { field: 'image', message: 'image must be an http(s) URL or base64 data' };
  }
  if (video !== undefined && (typeof video !== 'string' || !isHttpUrl(video)))
    return { field: 'video', message: 'video must be an http(s) URL' };
  if (options !== undefined) {
    if (!isObj(options)) return { field: 'options', message: 'options must be an object' };
    const { aspectRatio, frameRate, camera, extend, parameters } = options;
    if (aspectRatio !== undefined) {
      if (image !== undefined)
        return {
          field: 'options.aspectRatio',
          message: 'options.aspectRatio must be left out when an image is given',
        };
      if (
        typeof aspectRatio !== 'number' ||
        !Number.isFinite(aspectRatio) ||
        aspectRatio < 0.2 ||
        aspectRatio > 5
      )
        return {
          field: 'options.aspectRatio',
          message: 'options.aspectRatio must be a number between 0.2 and 5',
        };
    }
    if (frameRate !== undefined && (!isInt(frameRate) || frameRate < 8 || frameRate > 60))
      return {
        field: 'options.frameRate',
        message: 'options.frameRate must be an integer between 8 and 60',
      };
    if (camera !== undefined && !isObj(camera))
      return { field: 'options.camera', message: 'options.camera must be an object' };
    if (extend !== undefined && typeof extend !== 'boolean')
      return { field: 'options.extend', message: 'options.extend must be true or false' };
    if (extend === true && video === undefined)
      return { field: 'video', message: 'video is required when options.extend is true' };
    if (parameters !== undefined) {
      if (!isObj(parameters))
        return { field: 'options.parameters', message: 'options.parameters must be an object' };
      const { guidanceScale, motion, negativePrompt } = parameters;
      if (
        guidanceScale !== undefined &&
        (!isInt(guidanceScale) || guidanceScale < 0 || guidanceScale > 30)
      )
        return {
          field: 'options.parameters.guidanceScale',
          message: 'options.parameters.guidanceScale must be an integer between 0 and 30',
        };
      if (motion !== undefined && (!isInt(motion) || motion < 0 || motion > 4))
        return {
          field: 'options.parameters.motion',
          message: 'options.parameters.motion must be an integer between 0 and 4',
        };
      if (negativePrompt !== undefined && typeof negativePrompt !== 'string')
        return {
          field: 'options.parameters.negativePrompt',
          message: 'options.parameters.negativePrompt must be a string',
        };
    }
  }
  return null;
}
