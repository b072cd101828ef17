// Test helper: the hooks the downloader and `watch` tests share: one fake Pika server for the
// whole file (its faults cleared before each test) and a fresh temporary folder per test,
// removed after it. Registered where it is called, so hook order in the file is unchanged.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFakePika } from '../fake-server';
import type { FakePika } from '../fake-server/types';

export interface FakePikaEnv {
  fake: FakePika;
  /** This test's own temporary folder. */
  dir: string;
}

/**
 * Registers the hooks; `use` receives the server and the new folder before each test, e.g.
 * `useFakePikaAndTempDir('pika-dl-', (env) => ({ fake, dir } = env))`.
 */
export function useFakePikaAndTempDir(prefix: string, use: (env: FakePikaEnv) => void): void {
  let fake: FakePika;
  let dir: string;
  beforeAll(async () => {
    fake = await startFakePika();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    fake.clearFaults();
    dir = await mkdtemp(join(tmpdir(), prefix));
    use({ fake, dir });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
}
