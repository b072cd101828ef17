// Small reads of the page's state. Written as expressions because the test code is compiled
// for Node (no DOM types); they run in the page.
import type { Page } from 'playwright-core';

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
 * How far the page, or any scrolling part of it, is wider than its box: what a horizontal
 * scrollbar would have to cover (0 when everything fits the 380 px popover).
 */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(`Math.max(0, ...[document.documentElement, ...document.querySelectorAll('*')]
    .filter((el) => el === document.documentElement ||
      ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
    .map((el) => el.scrollWidth - el.clientWidth))`);
