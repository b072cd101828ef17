// The New video form's own problems in the window's language: made by core code as data, and
// worded by the window's catalog of the moment, so a language change re-words them at once.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../../preload/contract';
import { BridgeContext } from '../../bridge';
import { en } from '../../i18n/en';
import { I18nProvider, useT } from '../../i18n/i18n';
import { zhHans } from '../../i18n/zh-Hans';
import { createFakeBridge, type FakeBridge } from '../../test-support/fake-bridge';
import { makeTask } from '../../test-support/fixtures';
/* eslint-disable no-restricted-imports -- test data and main's renderer, to compare with */
import { formProblemCases } from '../../../../main/core/generate/form-problem-cases';
import { renderMessage } from '../../../../main/core/text/message-ref';
/* eslint-enable no-restricted-imports */
import { formText } from './form-text';
import { forgetDraft, NewVideoView } from './new-video-view';

beforeEach(() => {
  forgetDraft();
  localStorage.clear();
});
afterEach(cleanup);

describe('formText: the window words each problem as main does', () => {
  it.each(formProblemCases())('$name', (c) => {
    expect(formText(c.problem, en)).toBe(c.en);
    expect(formText(c.problem, zhHans)).toBe(c.zh);
    expect(formText(c.problem, zhHans)).toBe(renderMessage(c.problem, 'zh-Hans'));
  });

  it('the server’s own words stay as they came', () => {
    expect(formText('motion must be at most 2', zhHans)).toBe('motion must be at most 2');
  });
});

let switchTo: (locale: Locale) => void = () => undefined;
function LanguageHandle() {
  switchTo = useT().setLocale;
  return null;
}

function renderIn(locale: Locale, bridge: FakeBridge = createFakeBridge()) {
  bridge.state.systemLocale = locale;
  bridge.state.settings = { ...bridge.state.settings, locale };
  return render(
    <BridgeContext.Provider value={bridge}>
      <I18nProvider bridge={bridge} initial={locale}>
        <LanguageHandle />
        <NewVideoView onCreated={() => undefined} />
      </I18nProvider>
    </BridgeContext.Provider>,
  );
}

const W = {
  'zh-Hans': {
    create: '生成视频',
    prompt: '提示词',
    motion: '运动强度',
    fps: '帧率',
    promptEmpty: '请描述你想要的视频。',
    motionBad: '运动强度须为 0–4 的整数。',
    fpsBad: '帧率须为 8–24 的整数（帧/秒）。',
    imageFile: '图片文件',
    notImage: 'clip.mp4 不是 PNG、JPEG 或 WebP 图片。',
  },
  en: {
    create: 'Create video',
    prompt: 'Prompt',
    motion: 'Motion',
    fps: 'Frame rate',
    promptEmpty: 'Describe the video you want.',
    motionBad: 'Motion must be a whole number from 0 to 4.',
    fpsBad: 'Frame rate must be a whole number from 8 to 24 frames per second.',
    imageFile: 'Image file',
    notImage: 'clip.mp4 is not a PNG, JPEG or WebP image.',
  },
} as const;

describe.each(['zh-Hans', 'en'] as const)('the form’s field errors in %s', (locale) => {
  const w = W[locale];
  const other = W[locale === 'en' ? 'zh-Hans' : 'en'];

  it('under their fields, nothing sent, and re-worded when the language changes', async () => {
    const bridge = createFakeBridge();
    let sent = 0;
    bridge.generate.create = () => {
      sent++;
      return new Promise(() => undefined);
    };
    renderIn(locale, bridge);
    fireEvent.input(screen.getByLabelText(w.motion), { target: { value: 'lots' } });
    fireEvent.input(screen.getByLabelText(w.fps), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: w.create }));

    expect((await screen.findByText(w.promptEmpty)).id).toBe('nv-prompt-error');
    expect(screen.getByText(w.motionBad).id).toBe('nv-motion-error');
    expect(screen.getByText(w.fpsBad).id).toBe('nv-fps-error');
    expect(screen.getByLabelText(w.prompt).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(other.promptEmpty)).toBeNull();
    expect(sent).toBe(0);

    act(() => switchTo(locale === 'en' ? 'zh-Hans' : 'en'));
    expect(screen.getByText(other.promptEmpty).id).toBe('nv-prompt-error');
    expect(screen.getByText(other.motionBad).id).toBe('nv-motion-error');
    expect(screen.queryByText(w.motionBad)).toBeNull();
  });

  it('a picked file that is no image', async () => {
    renderIn(locale);
    const video = new File([new Uint8Array(10)], 'clip.mp4', { type: 'video/mp4' });
    fireEvent.change(screen.getByLabelText(w.imageFile), { target: { files: [video] } });
    expect((await screen.findByText(w.notImage)).id).toBe('nv-image-error');
  });

  it('"Extend" without a finished video: the note says why in the same language', () => {
    const task = makeTask({ promptText: '一只狐狸', state: 'running' });
    const bridge = createFakeBridge();
    bridge.state.systemLocale = locale;
    bridge.state.settings = { ...bridge.state.settings, locale };
    render(
      <BridgeContext.Provider value={bridge}>
        <I18nProvider bridge={bridge} initial={locale}>
          <LanguageHandle />
          <NewVideoView onCreated={() => undefined} prefill={{ task, mode: 'extend', seq: 1 }} />
        </I18nProvider>
      </BridgeContext.Provider>,
    );
    const why = (l: Locale) =>
      l === 'en'
        ? `Task ${task.id} has no finished video to extend yet. Starting a new video from its prompt instead.`
        : `任务 ${task.id} 还没有可延长的已完成视频。已改为用它的提示词新建视频。`;
    expect(screen.getByRole('status').textContent).toBe(why(locale));
    // The note is data too: it reads in the new language at once.
    const next = locale === 'en' ? 'zh-Hans' : 'en';
    act(() => switchTo(next));
    expect(screen.getByRole('status').textContent).toBe(why(next));
  });
});
