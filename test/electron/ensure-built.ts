// The smoke test runs the built app (dist/): build it when a previous `npm run build` has not.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ENTRIES = ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html'];

export async function ensureBuilt(root: string): Promise<void> {
  if (ENTRIES.every((f) => existsSync(path.join(root, f)))) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await promisify(execFile)(npm, ['run', 'build'], {
    cwd: root,
    timeout: 150_000,
    shell: process.platform === 'win32',
  });
}
