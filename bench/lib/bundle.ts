// Builds measured bench workers the way the app ships: one vite (rollup) Node bundle with the
// externals and SSR settings of config/vite.main.ts itself (today: our code inlined, runtime
// dependencies and Node builtins external), so a change there shows up here. A
// worker run through tsx would be charged for compiling TypeScript at run time (some 15 MB of
// RSS more on the side that loads more modules), which users of the built app never pay.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import shipped from '../../config/vite.main';
import { useBundledWorkers } from './child';

/** Workers whose CPU and memory are compared; each side gets the same treatment. The fake
 * server is not measured and reads fixtures next to its source, so it stays on tsx. */
export const BUNDLED_WORKERS = [
  'workers/tracker-poller.ts',
  'workers/naive-poller.ts',
  'workers/downloader.ts',
  'workers/idle.ts',
] as const;

const benchDir = fileURLToPath(new URL('../', import.meta.url));
// One directory per bench process: another helper's concurrent `npm run bench` must not
// rebuild (and empty) the files this run's workers are started from.
const outDir = fileURLToPath(
  new URL(`../../node_modules/.cache/bench-workers/${process.pid}/`, import.meta.url),
);

const entryName = (relativePath: string): string =>
  relativePath.replace(/^workers\//, '').replace(/\.ts$/, '');

/** Builds the measured workers (a few seconds); later startWorker calls run the bundles. */
export async function buildBenchWorkers(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: benchDir,
    ...(shipped.ssr ? { ssr: shipped.ssr } : {}),
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: false,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(
          BUNDLED_WORKERS.map((w) => [
            entryName(w),
            fileURLToPath(new URL(`../${w}`, import.meta.url)),
          ]),
        ),
        external: shipped.build?.rollupOptions?.external,
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  useBundledWorkers(new Map(BUNDLED_WORKERS.map((w) => [w, `${outDir}${entryName(w)}.js`])));
}
