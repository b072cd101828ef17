// The tray window opens often and should open fast: the renderer's JavaScript stays small.
// Issue 17: at most 35 KB gzipped with both language catalogs, each catalog its own chunk that
// is loaded only when its language is shown. Measured as the bench measures it
// (bench/renderer.ts bundleGzipKb: every .js in dist/renderer/assets at gzip level 9).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { ensureBuilt, RENDERER_DIR } from './harness/ensure-build';

const LIMIT = 35 * 1024;
const ASSETS = join(RENDERER_DIR, 'assets');

beforeAll(() => ensureBuilt());

function scripts(): string[] {
  return readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
}

it(`the renderer's JavaScript, both catalogs included, is at most ${LIMIT / 1024} KB gzipped`, () => {
  const sizes = Object.fromEntries(
    scripts().map((f) => [f, gzipSync(readFileSync(join(ASSETS, f)), { level: 9 }).length]),
  );
  expect(Object.keys(sizes).length).toBeGreaterThan(0);
  const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  expect(total, `gzipped sizes: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(LIMIT);
});

it('each language catalog is a chunk of its own that the page does not load up front', () => {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  for (const locale of ['en', 'zh-Hans']) {
    const chunk = scripts().find((f) => new RegExp(`^${locale}-[\\w-]+\\.js$`).test(f));
    expect(chunk, `a ${locale} chunk in ${scripts().join(', ')}`).toBeDefined();
    expect(html).not.toContain(chunk);
  }
});
