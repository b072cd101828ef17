// The hooks every app e2e file shares: the harness a test started is closed after that test,
// and the file's Chromium after the file.
import { afterAll, afterEach } from 'vitest';
import { startHarness, stopBrowser, type Harness, type HarnessOptions } from './app-harness';

/**
 * Registers the hooks and returns the `startHarness` the file's tests call (one harness per
 * test); the harness it last started is the one closed after the test.
 */
export function useHarness(): (options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(() => stopBrowser());
  return async (options) => {
    current = await startHarness(options);
    return current;
  };
}
