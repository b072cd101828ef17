import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Three projects: the Electron-free core and glue in Node, Preact components in a DOM,
// and end-to-end runs in real Chromium against the built renderer.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'main/**/*.test.ts',
            'preload/**/*.test.ts',
            'test/**/*.test.ts',
            'config/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['test/e2e/**'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/src/test-support/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
