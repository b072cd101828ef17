// Test kit for the composed-app tests (compose, downloads, posters): a fresh fake Pika server
// that takes TOKEN and a fresh temporary folder for each test, torn down in a fixed order:
// the test's app first (it may still be polling), then the server, then the folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startFakePika, type FakePika } from '../../test/fake-server';

export const TOKEN = 'pk-test-token-123456';

export interface AppTestEnv {
  fake: FakePika;
  /** This test's own temporary folder. */
  dir: string;
}

/**
 * Registers the hooks; `use` receives the server and folder before each test, and
 * `closeApp` closes (and forgets) whatever the test started before the server goes.
 */
export function useAppTestEnv(
  prefix: string,
  use: (env: AppTestEnv) => void,
  closeApp: () => Promise<void>,
): void {
  let fake: FakePika;
  let dir: string;
  beforeEach(async () => {
    fake = await startFakePika({ token: TOKEN });
    dir = await mkdtemp(join(tmpdir(), prefix));
    use({ fake, dir });
  });
  afterEach(async () => {
    await closeApp();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
}
