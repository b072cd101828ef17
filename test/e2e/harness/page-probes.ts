// Small reads of the page's state. Written as expressions because the test code is compiled
// for Node (no DOM types); they run in the page.
import type { Page } from 'playwright-core';

export const activeElementId = (page: Page): Promise<string | null> =>
  page.evaluate('document.activeElement ? document.activeElement.id : null');

export const bodyBackground = (page: Page): Promise<string> =>
  page.evaluate('getComputedStyle(document.body).backgroundColor');
