// The installed command: package.json's `pika-tray` bin is the build's cli.js, and that file,
// built by the real build config and started through its own #! line, answers `get`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { collectOutput, type ProcessOutput } from '../../test/support/collect-output';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from 'vite';
import pkg from '../../package.json' with { type: 'json' };
import { startFakePika, type FakePika } from '../../test/fake-server/index';

const ROOT = path.resolve(import.meta.dirname, '../..');
let fake: FakePika;
let outDir: string;

beforeAll(async () => {
  fake = await startFakePika({ token: 'bin-test-token' });
  // Inside the project, so the bundle finds its runtime dependencies in node_modules, and
  // apart from dist/, which other tests may be reading.
  const cache = path.join(ROOT, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  outDir = fs.mkdtempSync(path.join(cache, 'pika-tray-bin-'));
  await build({
    configFile: path.join(ROOT, 'config/vite.main.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}, 60_000);
afterAll(async () => {
  await fake?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function run(file: string, args: string[]): Promise<ProcessOutput> {
  const child = spawn(file, args, {
    env: { ...process.env, PIKA_BASE_URL: fake.url, PIKA_TOKEN: fake.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child, { name: file });
}

it('the pika-tray bin is the built cli.js, which runs by its #! line and answers get', async () => {
  expect(pkg.bin['pika-tray']).toBe('dist/main/cli.js');
  const built = path.join(outDir, path.basename(pkg.bin['pika-tray']));
  expect(fs.readFileSync(built, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  // npm marks bin targets executable on install; do the same here.
  fs.chmodSync(built, 0o755);
  const id = fake.addTask({ queuedMs: 0, runMs: 0, prompt: 'A bin test' });
  const text = await run(built, ['get', id]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^Prompt +A bin test$/m);
  expect(text.stdout).toMatch(/^Status +finished · 100%$/m);
  const json = await run(built, ['get', '--json', id]);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({ id, state: 'finished', progress: 100 });
  const unknown = await run(built, ['get', '0f2e6a51-3c44-4b7e-9a0e-5b1d2c3e4f50']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/does not know task/);
}, 30_000);
