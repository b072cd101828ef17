// The real, built app, launched in Electron through Playwright (`_electron.launch`) against
// the fake Pika server on 127.0.0.1: what no stub can show. Runs where the Electron binary
// exists (the workflow in .github/workflows/electron.yml; Linux under xvfb-run). Where it
// does not (our own machines: the binary cannot be downloaded) it is skipped with one line
// saying why; with PIKA_TRAY_SMOKE_REQUIRED=1 (the workflow) a missing binary fails instead.
//
// The app reads two test-only variables, honoured only when it is not packaged
// (main/app/test-hooks.ts): its own data folder, and a log of the notifications it shows.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../fake-server';
import { ensureBuilt } from './ensure-built';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'smoke-token-0123456789';
const WAIT = { timeout: 30_000 };

/** The Electron binary the `electron` package points at, or null where it was not installed. */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // "Electron failed to install correctly": the download was skipped
  }
}

const electronPath = electronBinary();
const skipReason = !electronPath
  ? 'no Electron binary in node_modules/electron (its download is skipped or impossible here)'
  : process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']
    ? 'no display (on Linux run it under xvfb-run)'
    : null;
if (skipReason && process.env['PIKA_TRAY_SMOKE_REQUIRED'] === '1') {
  throw new Error(`The Electron smoke test must run here but cannot: ${skipReason}`);
}
if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}.`);

let fake: FakePika;
let dir: string;
let userData: string;
let notifyLog: string;
let env: Record<string, string>;
let app: ElectronApplication | null = null;
let page: Page;
let taskId: string;

async function launch(): Promise<void> {
  app = await _electron.launch({
    executablePath: electronPath!,
    args: [ROOT],
    cwd: ROOT,
    env,
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
}

/** A second launch of the app, as a user or a link would start it; resolves with its exit code. */
function secondLaunch(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(electronPath!, [ROOT, ...args], { cwd: ROOT, env, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second launch did not hand over and quit within 30 s'));
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const windowVisible = () =>
  app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()));

async function notifications(): Promise<{ taskId: string | null; kind: string }[]> {
  const text = await readFile(notifyLog, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { taskId: string | null; kind: string });
}

describe.skipIf(skipReason !== null)('the real app, launched in Electron', () => {
  beforeAll(async () => {
    await ensureBuilt(ROOT);
    fake = await startFakePika({ token: TOKEN });
    dir = await mkdtemp(path.join(os.tmpdir(), 'pika-smoke-'));
    userData = path.join(dir, 'user-data');
    notifyLog = path.join(dir, 'notifications.log');
    await mkdir(userData, { recursive: true });
    // Pointed at the fake server (plain http is allowed for 127.0.0.1), polling often.
    await writeFile(
      path.join(userData, 'settings.json'),
      JSON.stringify({ settings: { baseUrl: fake.url, pollFloorSec: 2, autoDownload: false } }),
    );
    env = Object.fromEntries(
      Object.entries(process.env).filter(
        (e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RUN_AS_NODE',
      ),
    );
    Object.assign(env, {
      PIKA_TRAY_TEST_USER_DATA: userData,
      PIKA_TRAY_TEST_NOTIFY_LOG: notifyLog,
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('first start shows the window from app:// with Settings open at the token field', async () => {
    await launch();
    expect(page.url()).toBe('app://renderer/index.html');
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'), WAIT)
      .toBe('token');
    await expect.poll(windowVisible, WAIT).toBe(true);
  }, 90_000);

  it('a saved token survives a restart', async () => {
    await page.locator('#token').fill(TOKEN);
    await page.locator('form.token-form button[type="submit"]').click();
    await page.getByText(/^A token is saved/).waitFor(WAIT);
    await app!.close();
    app = null;
    await launch();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByText(/^A token is saved/).waitFor(WAIT);
  }, 120_000);

  it('a second launch with --add adds the task to the running app', async () => {
    taskId = fake.addTask({ queuedMs: 500, runMs: 2_000, prompt: 'smoke test cat' });
    expect(await secondLaunch(['--add', taskId])).toBe(0);
    await page.locator(`[data-task-id="${taskId}"]`).waitFor(WAIT);
  }, 60_000);

  it('the task finishes and a notification is raised for it', async () => {
    await expect
      .poll(
        async () =>
          (await notifications()).some((n) => n.taskId === taskId && n.kind === 'finished'),
        { timeout: 60_000 },
      )
      .toBe(true);
  }, 90_000);

  it('Escape and Ctrl+W hide the window, and a second launch shows it again', async () => {
    for (const keys of ['Escape', 'Control+W']) {
      if (!(await windowVisible())) expect(await secondLaunch([])).toBe(0);
      await expect.poll(windowVisible, WAIT).toBe(true);
      await page.keyboard.press(keys);
      await expect.poll(windowVisible, WAIT).toBe(false);
      expect(await secondLaunch([])).toBe(0);
      await expect.poll(windowVisible, WAIT).toBe(true);
    }
    // Still the same, working window: the IPC check accepts it.
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.locator(`[data-task-id="${taskId}"]`).waitFor(WAIT);
  }, 120_000);

  it('quitting writes the task store', async () => {
    await app!.close();
    app = null;
    const store = JSON.parse(await readFile(path.join(userData, 'tasks.json'), 'utf8')) as {
      tasks: { id: string; state: string }[];
    };
    expect(store.tasks.find((t) => t.id === taskId)).toMatchObject({ state: 'finished' });
  }, 60_000);
});
