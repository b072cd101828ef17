// The tray window opens often and should open fast: the renderer's JavaScript stays small.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { ensureBuilt, RENDERER_DIR } from './harness/ensure-build';

const LIMIT = 60 * 1024;

beforeAll(() => ensureBuilt());

it(`the renderer's JavaScript is at most ${LIMIT / 1024} KB gzipped`, () => {
  const dir = join(RENDERER_DIR, 'assets');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length,
    0,
  );
  expect(total).toBeLessThanOrEqual(LIMIT);
});
