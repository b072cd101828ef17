// Every problem a "New video" form can have, made the way users make them, with the words an
// English and a Chinese reader see. Shared by the core's tests (renderMessage) and the
// window's (its own catalogs), so both render every problem the same. Test data only.
import { buildGenerateRequest } from './build-request';
import { emptyForm, type GenerateForm } from './generate-form';
import { FormProblemError, type FormProblem, type FormProblemName } from './form-problem';
import { IMAGE_MAX_BYTES, PIKAFFECTS } from './generate-options';
import { imageFromDataUrl } from './image-input';
import { prefillFrom } from './prefill';
import { newTask } from '../tasks/model';

export interface FormProblemCase {
  name: FormProblemName;
  problem: FormProblem;
  en: string;
  zh: string;
}

function fieldProblem(patch: Partial<GenerateForm>): FormProblem {
  const built = buildGenerateRequest({ ...emptyForm(), prompt: 'a fox', ...patch });
  if (built.ok) throw new Error(`no problem with ${JSON.stringify(patch)}`);
  const problems = Object.values(built.errors);
  if (problems.length !== 1) throw new Error(`${problems.length} problems`);
  return problems[0]!;
}

function imageProblem(dataUrl: string, name: string): FormProblem {
  const parsed = imageFromDataUrl(dataUrl, name);
  if (parsed.ok) throw new Error(`${name} was taken`);
  return parsed.error;
}

function extendProblem(): FormProblem {
  try {
    prefillFrom({ ...newTask('task-7', 0), promptText: 'a fox' }, 'extend');
  } catch (err) {
    if (err instanceof FormProblemError) return err.ref;
    throw err;
  }
  throw new Error('extended a task without a video');
}

const EFFECTS_EN = PIKAFFECTS.join(', ');
const EFFECTS_ZH = PIKAFFECTS.join('、');
const TOO_BIG = `data:image/jpeg;base64,${'A'.repeat(Math.ceil((IMAGE_MAX_BYTES + 3) / 3) * 4)}`;

export function formProblemCases(): FormProblemCase[] {
  const cases: [FormProblemName, FormProblem, string, string][] = [
    [
      'promptEmpty',
      fieldProblem({ prompt: '  ' }),
      'Describe the video you want.',
      '请描述你想要的视频。',
    ],
    [
      'promptTooLong',
      fieldProblem({ prompt: 'x'.repeat(2001) }),
      'Keep the prompt under 2000 characters (it has 2001).',
      '提示词不能超过 2000 个字符（当前 2001 个）。',
    ],
    [
      'model',
      fieldProblem({ model: '3.0' }),
      'Choose model 1.5 or 2.0.',
      '请选择模型 1.5 或 2.0。',
    ],
    [
      'pikaffect',
      fieldProblem({ pikaffect: 'Sparkle' }),
      `"Sparkle" is not an effect Pika offers. Choose one of: ${EFFECTS_EN}.`,
      `没有“Sparkle”这个特效。可选：${EFFECTS_ZH}。`,
    ],
    [
      'frameRate',
      fieldProblem({ frameRate: '30' }),
      'Frame rate must be a whole number from 8 to 24 frames per second.',
      '帧率须为 8–24 的整数（帧/秒）。',
    ],
    [
      'motion',
      fieldProblem({ motion: 'lots' }),
      'Motion must be a whole number from 0 to 4.',
      '运动强度须为 0–4 的整数。',
    ],
    [
      'guidanceScale',
      fieldProblem({ guidanceScale: '7' }),
      'Guidance must be a whole number from 8 to 24.',
      '引导系数须为 8–24 的整数。',
    ],
    [
      'negativeTooLong',
      fieldProblem({ negativePrompt: 'y'.repeat(1001) }),
      'Keep the negative prompt under 1000 characters.',
      '反向提示词不能超过 1000 个字符。',
    ],
    [
      'imageWithExtend',
      fieldProblem({
        image: { kind: 'url', url: 'https://example.com/a.png' },
        extendVideo: 'https://cdn.pika.art/v.mp4',
      }),
      'An extended video continues its own frames: remove the image, or start a new video.',
      '延长视频沿用原视频的画面：请移除图片，或改为新建视频。',
    ],
    [
      'aspectRatio',
      fieldProblem({ aspectRatio: '2:1' }),
      'Choose an aspect ratio: 16:9, 9:16, 1:1, 4:5, 5:4, 4:3, 3:4.',
      '请选择画面比例：16:9、9:16、1:1、4:5、5:4、4:3、3:4。',
    ],
    [
      'imageNotHttps',
      fieldProblem({ image: { kind: 'url', url: 'ftp://example.com/a.png' } }),
      'The image must be a web address starting with https://.',
      '图片链接须以 https:// 开头。',
    ],
    [
      'videoNotHttps',
      fieldProblem({ extendVideo: 'http://cdn.pika.art/v.mp4' }),
      'The video to extend must be a web address starting with https://.',
      '要延长的视频链接须以 https:// 开头。',
    ],
    [
      'notReadableImage',
      imageProblem('hello', 'x.png'),
      'x.png could not be read as an image.',
      '无法将 x.png 读取为图片。',
    ],
    [
      'notAnImage',
      imageProblem('data:image/gif;base64,R0lGOD==', 'a.gif'),
      'a.gif is not a PNG, JPEG or WebP image.',
      'a.gif 不是 PNG、JPEG 或 WebP 图片。',
    ],
    [
      'imageEmpty',
      imageProblem('data:image/png;base64,', 'e.png'),
      'e.png is empty.',
      'e.png 是空文件。',
    ],
    [
      'imageTooBig',
      imageProblem(TOO_BIG, 'huge.jpg'),
      'huge.jpg is 10.1 MB, over the 10 MB limit for images.',
      'huge.jpg 为 10.1 MB，超过图片上限 10 MB。',
    ],
    [
      'fileUnreadable',
      { key: 'generateForm.fileUnreadable', args: ['cat.png'] },
      'cat.png could not be read.',
      '无法读取 cat.png。',
    ],
    [
      'noFinishedVideo',
      extendProblem(),
      'Task task-7 has no finished video to extend yet.',
      '任务 task-7 还没有可延长的已完成视频。',
    ],
  ];
  return cases.map(([name, problem, en, zh]) => ({ name, problem, en, zh }));
}
