import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };

// The main process and the command line share one Node build. Runtime dependencies stay
// external (electron-builder ships them from node_modules); everything of ours is bundled, and
// so is zod (a devDependency): tree-shaken it loads ~12 MB less than the whole package does.
const external = [
  'electron',
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: true,
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { index: 'main/app/index.ts', cli: 'main/cli/index.ts' },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
