import { describe, expect, it } from 'vitest';
import { buildGenerateRequest } from './build-request';
import { emptyForm, fieldFromServer, type GenerateForm } from './generate-form';
import { IMAGE_MAX_BYTES, PIKAFFECTS } from './generate-options';
import { imageFromDataUrl, imageFromUrl, type Parsed } from './image-input';
import { renderMessage } from '../text/message-ref';

const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function form(patch: Partial<GenerateForm>): GenerateForm {
  return { ...emptyForm(), prompt: 'a red fox in snow', ...patch };
}

function body(patch: Partial<GenerateForm>) {
  const result = buildGenerateRequest(form(patch));
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.request;
}

function errors(patch: Partial<GenerateForm>) {
  const result = buildGenerateRequest(form(patch));
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.request)}`);
  // The problems are data; these tests read them as an English reader does.
  return Object.fromEntries(
    Object.entries(result.errors).map(([field, ref]) => [field, renderMessage(ref, 'en')]),
  );
}

/** A parse result as the English reader sees it. */
function english<T>(parsed: Parsed<T>): { ok: true; value: T } | { ok: false; error: string } {
  return parsed.ok ? parsed : { ok: false, error: renderMessage(parsed.error, 'en') };
}

describe('the request body', () => {
  it('defaults: model 2.0, 16:9, 24 fps, guidance 12, motion 1, every documented field sent', () => {
    expect(body({})).toEqual({
      promptText: 'a red fox in snow',
      model: '2.0',
      pikaffect: '',
      options: {
        aspectRatio: 16 / 9,
        frameRate: 24,
        camera: {},
        extend: false,
        parameters: { guidanceScale: 12, motion: 1, negativePrompt: '' },
      },
    });
    expect(body({}).options!.aspectRatio).toBe(1.7777777777777777);
  });

  it('trims the prompt', () => {
    expect(body({ prompt: '  hello \n' }).promptText).toBe('hello');
  });

  it('model 1.5', () => {
    expect(body({ model: '1.5' }).model).toBe('1.5');
  });

  it.each(PIKAFFECTS)('effect %s', (effect) => {
    expect(body({ pikaffect: effect }).pikaffect).toBe(effect);
  });

  it('an effect typed in another case is sent with the documented spelling', () => {
    expect(body({ pikaffect: 'cake-IFY' }).pikaffect).toBe('Cake-ify');
  });

  it.each([
    ['16:9', 16 / 9],
    ['9:16', 9 / 16],
    ['1:1', 1],
    ['4:5', 0.8],
    ['5:4', 1.25],
    ['4:3', 4 / 3],
    ['3:4', 0.75],
  ])('aspect %s -> %d', (preset, ratio) => {
    expect(body({ aspectRatio: preset }).options!.aspectRatio).toBe(ratio);
  });

  it('frame rate, motion and guidance as integers', () => {
    expect(body({ frameRate: '12', motion: ' 4 ', guidanceScale: '20' }).options).toMatchObject({
      frameRate: 12,
      parameters: { guidanceScale: 20, motion: 4 },
    });
    expect(body({ motion: '0' }).options!.parameters!.motion).toBe(0);
  });

  it('negative prompt, trimmed; sent empty when blank', () => {
    expect(body({ negativePrompt: ' blurry, text ' }).options!.parameters).toEqual({
      guidanceScale: 12,
      motion: 1,
      negativePrompt: 'blurry, text',
    });
    expect(body({ negativePrompt: '   ' }).options!.parameters).toEqual({
      guidanceScale: 12,
      motion: 1,
      negativePrompt: '',
    });
  });

  it('an image URL is sent and the aspect ratio left out', () => {
    const image = imageFromUrl('https://example.com/cat.png');
    if (!image.ok) throw new Error(renderMessage(image.error, 'en'));
    const request = body({ image: image.value, aspectRatio: '9:16' });
    expect(request.image).toBe('https://example.com/cat.png');
    expect(request.options).not.toHaveProperty('aspectRatio');
  });

  it('a picked image file is sent inline as base64, aspect ratio left out', () => {
    const image = imageFromDataUrl(PNG_1PX, 'dot.png');
    if (!image.ok) throw new Error(renderMessage(image.error, 'en'));
    expect(image.value).toMatchObject({ kind: 'data', mime: 'image/png', bytes: 70 });
    const request = body({ image: image.value });
    expect(request.image).toBe(PNG_1PX);
    expect(request.options).not.toHaveProperty('aspectRatio');
  });

  it('extending sends the video URL with options.extend true', () => {
    const request = body({ extendVideo: 'https://cdn.pika.art/v1/abc/video.mp4' });
    expect(request.video).toBe('https://cdn.pika.art/v1/abc/video.mp4');
    expect(request.options).toMatchObject({ extend: true });
    expect(request.options).not.toHaveProperty('aspectRatio');
    expect(request).not.toHaveProperty('image');
  });

  it('a new video says extend false and no effect, and has no image or video', () => {
    const request = body({});
    expect(request.options).toHaveProperty('extend', false);
    expect(request).not.toHaveProperty('video');
    expect(request).not.toHaveProperty('image');
    expect(request).toHaveProperty('pikaffect', '');
  });

  it('plain http is accepted only on this machine (local gateway, test server)', () => {
    expect(body({ extendVideo: 'http://127.0.0.1:4100/media/x.mp4' }).video).toBe(
      'http://127.0.0.1:4100/media/x.mp4',
    );
    expect(errors({ extendVideo: 'http://cdn.example.com/x.mp4' }).video).toMatch(/https:\/\//);
  });
});

describe('validation: every problem, next to its field', () => {
  it('prompt required', () => {
    expect(errors({ prompt: '  ' })).toEqual({ promptText: 'Describe the video you want.' });
  });

  it('prompt too long', () => {
    expect(errors({ prompt: 'x'.repeat(2001) }).promptText).toMatch(/under 2000/);
  });

  it('unknown model and effect', () => {
    expect(errors({ model: '3.0', pikaffect: 'Sparkle' })).toEqual({
      model: 'Choose model 1.5 or 2.0.',
      pikaffect: expect.stringContaining('"Sparkle" is not an effect'),
    });
  });

  it('unknown aspect preset (only when it would be sent)', () => {
    expect(errors({ aspectRatio: '2:1' }).aspectRatio).toMatch(/16:9/);
    const image = imageFromUrl('https://example.com/a.jpg');
    if (!image.ok) throw new Error(renderMessage(image.error, 'en'));
    expect(buildGenerateRequest(form({ aspectRatio: '2:1', image: image.value })).ok).toBe(true);
  });

  it.each([
    ['frameRate', '7'],
    ['frameRate', '25'],
    ['frameRate', '24.5'],
    ['motion', '-1'],
    ['motion', '5'],
    ['motion', '1e1'],
    ['guidanceScale', '7'],
    ['guidanceScale', '25'],
    ['guidanceScale', '12abc'],
    ['guidanceScale', ''],
  ] as const)('%s %j is refused with its range', (field, value) => {
    expect(errors({ [field]: value })[field]).toMatch(/whole number from \d+ to \d+/);
  });

  it('all problems at once', () => {
    expect(
      Object.keys(errors({ prompt: '', model: 'x', motion: 'lots', frameRate: '0' })).sort(),
    ).toEqual(['frameRate', 'model', 'motion', 'promptText']);
  });

  it('image URL must be https; image and extend together refused', () => {
    expect(errors({ image: { kind: 'url', url: 'ftp://example.com/a.png' } }).image).toMatch(
      /https/,
    );
    expect(errors({ image: { kind: 'url', url: 'not a url' } }).image).toMatch(/https/);
    const image = imageFromUrl('https://example.com/a.jpg');
    if (!image.ok) throw new Error(renderMessage(image.error, 'en'));
    expect(errors({ image: image.value, extendVideo: 'https://cdn.pika.art/v.mp4' }).image).toMatch(
      /remove the image/,
    );
  });

  it('a data image that skipped the checks is re-checked', () => {
    expect(
      errors({
        image: {
          kind: 'data',
          dataUrl: 'data:text/plain;base64,aGk=',
          mime: 'text/plain',
          bytes: 2,
          name: 'a.txt',
        },
      }).image,
    ).toMatch(/not a PNG, JPEG or WebP/);
  });
});

describe('images from files', () => {
  it('refuses other types, empty files, junk and files over the limit', () => {
    expect(english(imageFromDataUrl('data:image/gif;base64,R0lGOD==', 'a.gif'))).toEqual({
      ok: false,
      error: 'a.gif is not a PNG, JPEG or WebP image.',
    });
    expect(english(imageFromDataUrl('data:image/png;base64,', 'e.png'))).toEqual({
      ok: false,
      error: 'e.png is empty.',
    });
    expect(english(imageFromDataUrl('hello', 'x.png'))).toEqual({
      ok: false,
      error: 'x.png could not be read as an image.',
    });
    const big = `data:image/jpeg;base64,${'A'.repeat(Math.ceil((IMAGE_MAX_BYTES + 3) / 3) * 4)}`;
    expect(english(imageFromDataUrl(big, 'huge.jpg'))).toEqual({
      ok: false,
      error: 'huge.jpg is 10.1 MB, over the 10 MB limit for images.',
    });
    const justFits = `data:image/jpeg;base64,${'A'.repeat((IMAGE_MAX_BYTES / 3) * 4 - 4)}`;
    expect(imageFromDataUrl(justFits, 'ok.jpg').ok).toBe(true);
  });
});

describe('server fields', () => {
  it.each([
    ['promptText', 'promptText'],
    ['prompt', 'promptText'],
    ['options.parameters.motion', 'motion'],
    ['options.aspectRatio', 'aspectRatio'],
    ['pikaffect', 'pikaffect'],
    ['image', 'image'],
    ['options.extend', 'video'],
    ['user', null],
    [undefined, null],
  ] as const)('%s -> %s', (server, field) => {
    expect(fieldFromServer(server)).toBe(field);
  });
});
