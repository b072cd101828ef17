// Small reads of the page's state. Written as expressions because the test code is compiled
// for Node (no DOM types); they run in the page.
import type { Page } from 'playwright-core';
import { MODELS, PIKAFFECTS } from '../../../main/core/generate/generate-options';

export const activeElementId = (page: Page): Promise<string | null> =>
  page.evaluate('document.activeElement ? document.activeElement.id : null');

export const bodyBackground = (page: Page): Promise<string> =>
  page.evaluate('getComputedStyle(document.body).backgroundColor');

/**
 * Cards, or the fixed-height lines of a card, whose content does not fit the height the
 * windowed list counts on: `task id / class: content > box`. Empty when CSS and
 * cardHeight() agree.
 */
export const clippedCards = (page: Page): Promise<string[]> =>
  page.evaluate(`Array.from(document.querySelectorAll('[data-task-id], [data-task-id] > *'))
    .filter((el) => el.scrollHeight > el.clientHeight)
    .map((el) => el.closest('[data-task-id]').dataset.taskId + ' / ' + el.className + ': ' +
      el.scrollHeight + ' > ' + el.clientHeight)`);

/**
 * Text cut off sideways without an ellipsis: an element narrower than its words (text whose
 * own box or parent ends it with "…" is shown as cut on purpose).
 */
export const clippedText = (page: Page): Promise<string[]> =>
  page.evaluate(`Array.from(document.querySelectorAll('#app *'))
    .filter((el) => el.offsetParent !== null && el.children.length === 0 &&
      (el.textContent || '').trim() !== '' &&
      getComputedStyle(el).textOverflow !== 'ellipsis' &&
      getComputedStyle(el.parentElement).textOverflow !== 'ellipsis' &&
      el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
    .map((el) => el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 30))`);

/**
 * How far the page, or any scrolling part of it, is wider than its box: what a horizontal
 * scrollbar would have to cover (0 when everything fits the 380 px popover).
 */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(`Math.max(0, ...[document.documentElement, ...document.querySelectorAll('*')]
    .filter((el) => el === document.documentElement ||
      ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
    .map((el) => el.scrollWidth - el.clientWidth))`);

/**
 * English left in the Chinese window: runs of two or more English words in what people read
 * (text, titles, aria labels, placeholders, alt text), once the words that stay as they are
 * are taken out: product, model and effect names, technical terms Chinese software writes in
 * Latin letters too, and `alsoKept` (a test's own prompts, a server's own words).
 */
const KEPT: readonly string[] = [
  'A paper boat on a rainy street', // the test's own prompt
  'Pika Tray',
  'Pika',
  'API',
  'URL',
  'ID',
  'JSON',
  'HTTP',
  'feed',
  'PNG',
  'JPEG',
  'WebP',
  'PAC',
  'Clash',
  'English', // the language choice names itself
  ...PIKAFFECTS, // Pika's effect names stay its product names
  ...MODELS,
];
export async function englishLeft(page: Page, alsoKept: readonly string[] = []): Promise<string[]> {
  const texts: string[] = await page.evaluate(`(() => {
    const out = [document.body.innerText];
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  })()`);
  const found = new Set<string>();
  for (let text of texts) {
    text = text.replace(/https?:\/\/\S+|socks5:\/\/\S+|\/[\w./<>-]+/g, ' ');
    for (const kept of [...alsoKept, ...KEPT]) text = text.split(kept).join(' ');
    for (const m of text.matchAll(/[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,})+/g)) found.add(m[0]);
  }
  return [...found];
}
