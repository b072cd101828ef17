// Every form problem in both languages, as the command line renders it (renderMessage).
import { describe, expect, it } from 'vitest';
import { readMessageRef, renderMessage } from '../text/message-ref';
import { generateFormEn } from '../text/messages/en/generate-form';
import { formProblemCases } from './form-problem-cases';
import { formProblem, FormProblemError, problemIn } from './form-problem';
import { generateFormZh } from '../text/messages/zh-Hans/generate-form';
import { PIKAFFECTS } from './generate-options';

const CASES = formProblemCases();

describe('form problems', () => {
  it('every problem of the topic is made somewhere the form makes it', () => {
    expect(CASES.map((c) => c.name).sort()).toEqual(Object.keys(generateFormEn).sort());
  });

  it.each(CASES)('$name: the same problem, its key and args, in English and Chinese', (c) => {
    expect(c.problem.key).toBe(`generateForm.${c.name}`);
    expect(renderMessage(c.problem, 'en')).toBe(c.en);
    expect(renderMessage(c.problem, 'zh-Hans')).toBe(c.zh);
    // The window's way (its catalog's group) says the same as main's.
    expect(problemIn(generateFormEn, c.problem)).toBe(c.en);
    expect(problemIn(generateFormZh, c.problem)).toBe(c.zh);
  });

  it('Chinese reads as Chinese: no English sentence left in it', () => {
    for (const c of CASES) {
      // Only names and values stay Latin: effect names, file names, sizes, "https://".
      const words = c.zh
        .replace(/https:\/\/|PNG|JPEG|WebP|MB|Pika|[\w.-]+\.(png|gif|jpg)|task-7|Sparkle/g, '')
        .replace(new RegExp(PIKAFFECTS.join('|'), 'g'), '');
      expect(words, c.name).not.toMatch(/[A-Za-z]{2,}/);
      expect(c.zh, c.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is plain JSON that reads back as the same message', () => {
    for (const c of CASES) {
      expect(readMessageRef(JSON.parse(JSON.stringify(c.problem)))).toEqual(c.problem);
    }
  });

  it('a thrown form problem carries its English words and the data', () => {
    const err = new FormProblemError(formProblem('noFinishedVideo', 'abc'));
    expect(err.message).toBe('Task abc has no finished video to extend yet.');
    expect(renderMessage(err.ref, 'zh-Hans')).toBe('任务 abc 还没有可延长的已完成视频。');
  });

  it('a key the topic lacks (only through a cast) shows as the key', () => {
    const odd = { key: 'generateForm.nope', args: [] } as unknown as ReturnType<typeof formProblem>;
    expect(problemIn(generateFormZh, odd)).toBe('generateForm.nope');
    const proto = { key: 'generateForm.toString', args: [] } as unknown as typeof odd;
    expect(problemIn(generateFormZh, proto)).toBe('generateForm.toString');
  });
});
