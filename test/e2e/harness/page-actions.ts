// Small things the e2e tests do to the page the way a user would.
import type { Locator, Page } from 'playwright-core';

/** Types task ids into the add box and presses Enter. */
export async function paste(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Task ids to add');
  await box.fill(text);
  await box.press('Enter');
}

/** A progress bar's value, or -1 while it is not in the page: for `expect.poll`. */
export async function progressValue(bar: Locator): Promise<number> {
  return Number((await bar.getAttribute('aria-valuenow').catch(() => null)) ?? -1);
}
