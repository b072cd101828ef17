// The end-to-end tests run the BUILT renderer and preload. `npm test` builds first; run on
// their own, the tests build what is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(ROOT, 'dist/renderer');
export const PRELOAD_FILE = join(ROOT, 'dist/preload/index.cjs');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function stale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => existsSync(s) && newest(s) > built);
}

export async function ensureBuilt(): Promise<void> {
  const contract = join(ROOT, 'preload/contract.ts');
  const targets = [
    {
      output: PRELOAD_FILE,
      sources: [join(ROOT, 'preload'), join(ROOT, 'config/vite.preload.ts')],
      config: 'config/vite.preload.ts',
    },
    {
      output: join(RENDERER_DIR, 'index.html'),
      sources: [join(ROOT, 'renderer'), contract, join(ROOT, 'config/vite.renderer.ts')],
      config: 'config/vite.renderer.ts',
    },
  ];
  for (const t of targets) {
    if (!stale(t.output, t.sources)) continue;
    // The configs resolve their paths from the repository root, where vitest runs.
    // Vitest sets NODE_ENV=test, which makes Vite build a development bundle (the renderer's
    // index chunk 114 KB instead of 81 KB, unminified paths): build what `npm run build` builds,
    // so the benches and the bundle-size test measure the shipped code whoever built last.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(ROOT, t.config), logLevel: 'warn', mode: 'production' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
}
