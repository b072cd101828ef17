// The New video form's own problems in the built window (real Chromium, real services), in
// Simplified Chinese and in English: under their fields, in the window's language, fitting
// the 380 px popover. Screenshots: test-output/screenshots/new-video-errors-<lang>.png (the
// top of the form) and new-video-errors-<lang>-options.png (the advanced options).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clippedText, englishLeft, horizontalOverflow } from './harness/page-probes';
import { screenshot } from './harness/screenshots';
import { useHarness } from './harness/use-harness';

const startHarness = useHarness();
const WAIT = { timeout: 10_000 };

/** Every error's right edge inside the window: nothing runs past the 380 px popover. */
const errorsPastEdge = (page: Page): Promise<string[]> =>
  page.evaluate(`Array.from(document.querySelectorAll('.field-error'))
    .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map((el) => el.id)`);

const LANGS = [
  {
    lang: 'zh',
    preferred: ['zh-CN', 'en-US'],
    newVideo: '新建视频',
    create: '生成视频',
    imageLink: '图片链接',
    motion: '运动强度',
    fps: '帧率',
    errors: {
      'nv-prompt-error': '请描述你想要的视频。',
      'nv-image-error': '图片链接须以 https:// 开头。',
      'nv-fps-error': '帧率须为 8–24 的整数（帧/秒）。',
      'nv-motion-error': '运动强度须为 0–4 的整数。',
    },
  },
  {
    lang: 'en',
    preferred: ['en-US'],
    newVideo: 'New video',
    create: 'Create video',
    imageLink: 'Image link',
    motion: 'Motion',
    fps: 'Frame rate',
    errors: {
      'nv-prompt-error': 'Describe the video you want.',
      'nv-image-error': 'The image must be a web address starting with https://.',
      'nv-fps-error': 'Frame rate must be a whole number from 8 to 24 frames per second.',
      'nv-motion-error': 'Motion must be a whole number from 0 to 4.',
    },
  },
] as const;

describe('the New video form’s errors speak the window’s language', () => {
  for (const L of LANGS) {
    it(`${L.lang}: every field error in ${L.lang}, nothing sent, fits 380 px`, async () => {
      const h = await startHarness({ services: { preferredLanguages: L.preferred } });
      const { page, fake } = h;
      await page.getByRole('tab', { name: L.newVideo }).click();
      await page.getByLabel(L.imageLink).fill('ftp://example.com/cat.png');
      await page.locator('details.nv-advanced > summary').click();
      await page.getByLabel(L.fps).fill('30');
      await page.getByLabel(L.motion).fill('9');
      await page.getByRole('button', { name: L.create }).click();

      for (const [id, words] of Object.entries(L.errors)) {
        const error = page.locator(`#${id}`);
        await error.waitFor(WAIT);
        expect(await error.textContent()).toBe(words);
      }
      expect(fake.generateBodies).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await clippedText(page)).toEqual([]);
      expect(await errorsPastEdge(page)).toEqual([]);

      await page.locator('#nv-prompt').scrollIntoViewIfNeeded();
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      if (L.lang === 'zh') expect(await englishLeft(page)).toEqual([]);
      await screenshot(page, `new-video-errors-${L.lang}`);
      await page.locator('#nv-negative').scrollIntoViewIfNeeded();
      await screenshot(page, `new-video-errors-${L.lang}-options`);
      expect(h.pageErrors).toEqual([]);
    });
  }
});
