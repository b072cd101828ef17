import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

// Vite wraps every dynamic import() in its preload helper (about 1.8 KB, 0.6 KB gzipped), which
// fetches the chunk's CSS and JS dependencies before the import. The renderer's only lazy
// chunks are the language catalogs, which have none (their dependency list is always `[]`),
// so the helper only adds bytes; Vite keeps it even with modulePreload off (vitejs/vite#13952).
// Here it is a plain call. If a lazy chunk ever gains dependencies, the build stops rather than
// drop them silently.
const PRELOAD_HELPER = '\0vite/preload-helper.js';
function noDependencyPreload(): Plugin {
  return {
    name: 'pika:no-dependency-preload',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
    load: (id) =>
      id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined,
    writeBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) {
          this.error(
            `${chunk.fileName} lazily loads a chunk that has dependencies to preload; ` +
              'remove noDependencyPreload() from config/vite.renderer.ts',
          );
        }
      }
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [preact(), noDependencyPreload()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    // Electron's Chromium supports <link rel="modulepreload">: no polyfill.
    modulePreload: { polyfill: false },
  },
});
