// The Ubuntu 24.04+ launcher and profile installer shipped next to the Linux executable
// (build/linux, packed by electron-builder's extraFiles), run for real with /bin/sh against a
// stand-in executable and a sysctl file and profile folder the test controls.
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let app: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pika-apparmor-'));
  app = path.join(dir, 'Pika Tray copy');
  await mkdir(app);
  await mkdir(path.join(dir, 'apparmor.d'));
  for (const script of ['start-pika-tray.sh', 'install-apparmor-profile.sh']) {
    await copyFile(path.join(ROOT, 'build/linux', script), path.join(app, script));
  }
  // Stands in for the Electron executable: says it ran, with its arguments.
  await writeFile(path.join(app, 'pika-tray'), '#!/bin/sh\necho "started $*"\n');
  await chmod(path.join(app, 'pika-tray'), 0o755);
  env = {
    ...process.env,
    PIKA_TRAY_USERNS_SYSCTL: path.join(dir, 'restrict'),
    PIKA_TRAY_APPARMOR_DIR: path.join(dir, 'apparmor.d'),
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const start = (...args: string[]) =>
  run(path.join(app, 'start-pika-tray.sh'), args, { env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('Ubuntu 24.04 user-namespace restriction', () => {
  it('starts the app at once where namespaces are not restricted', async () => {
    await writeFile(path.join(dir, 'restrict'), '0\n');
    expect(await start('--add', 'abc-123456')).toMatchObject({
      code: 0,
      stdout: 'started --add abc-123456\n',
    });
    await rm(path.join(dir, 'restrict'));
    expect((await start()).stdout).toBe('started \n');
  });

  it('where restricted without a profile, says why and what to run instead of crashing', async () => {
    await writeFile(path.join(dir, 'restrict'), '1\n');
    const result = await start();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('kernel.apparmor_restrict_unprivileged_userns = 1');
    expect(result.stderr).toContain(`"${app}/install-apparmor-profile.sh"`);
  });

  it('the installer writes a profile for this copy that lets the launcher start it', async () => {
    const { stdout: profile } = await run(
      path.join(app, 'install-apparmor-profile.sh'),
      ['--print'],
      { env },
    );
    expect(profile).toContain(`profile pika-tray-local "${app}/pika-tray" flags=(unconfined) {`);
    expect(profile).toMatch(/^\s*userns,$/m);
    expect(profile).toContain('abi <abi/4.0>,');
    // What the installer would place (without sudo here): the launcher then goes ahead.
    await writeFile(path.join(dir, 'restrict'), '1\n');
    await writeFile(path.join(dir, 'apparmor.d', 'pika-tray-local'), profile);
    expect(await start()).toMatchObject({ code: 0, stdout: 'started \n' });
    // A profile for another copy does not count.
    await writeFile(
      path.join(dir, 'apparmor.d', 'pika-tray-local'),
      profile.replaceAll(app, '/opt/elsewhere'),
    );
    expect((await start()).code).toBe(1);
  });
});
