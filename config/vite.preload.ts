import { defineConfig } from 'vite';

// A sandboxed preload can only require('electron'): it must be one CommonJS file with the
// IPC contract bundled in.
export default defineConfig({
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome140',
    minify: false,
    lib: { entry: 'preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
