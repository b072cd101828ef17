// Packs the real app with electron-builder (`--linux dir tar.gz`, offline, with a stand-in Electron
// folder) and inspects what would ship: the asar holds the built entries and the production
// dependencies, and nothing else; the tray images sit in resources/tray; node-notifier's
// helpers are unpacked; the fuses are flipped in the packaged binary.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { AppFileType, getAllAppFiles } from '@electron/universal/dist/cjs/file-utils';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { minimatch as Minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_OUTPUTS } from '../../scripts/icons/outputs';
import { TRAY_STATES, TRAY_VARIANTS, trayIconPath } from '../../main/core/tray-icons';
import { LINUX_APP_NAME } from '../../main/core/app-id';
import { parsePublishConfig } from '../../main/core/update/feed';
import { createStandInElectron } from './stand-in-electron';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_ENTRIES = [
  'dist/main/index.js',
  'dist/main/cli.js',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
];

let tmp: string;
let out: string;
let appDir: string;
let asarFile: string;
let files: string[];
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

beforeAll(async () => {
  // Packaging ships dist/: build it only when a previous `npm run build` has not.
  if (!BUILT_ENTRIES.every((f) => existsSync(path.join(ROOT, f)))) {
    await run('npm', ['run', 'build'], { cwd: ROOT, timeout: 120_000 });
  }
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pika-pack-'));
  const electronDist = await createStandInElectron(path.join(tmp, 'electron'));
  out = path.join(tmp, 'release');
  // `timeout` as well as execFile's own: a download attempt would otherwise retry ~45 s.
  await run(
    'timeout',
    [
      '90',
      path.join(ROOT, 'node_modules/.bin/electron-builder'),
      '--linux',
      'dir',
      'tar.gz',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
      // Saves what the AppImage/deb targets would write as .desktop file (see the hook).
      '-c.afterPack=./test/packaging/linux-integration-hook.mjs',
    ],
    {
      cwd: ROOT,
      timeout: 100_000,
      env: {
        ...process.env,
        ELECTRON_BUILDER_7ZIP_PATH: process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7zz',
        CI: 'true',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  appDir = path.join(out, 'linux-unpacked');
  asarFile = path.join(appDir, 'resources', 'app.asar');
  files = listPackage(asarFile, { isPack: false }).map((f) =>
    f.replace(/\\/g, '/').replace(/^\//, ''),
  );
}, 150_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const ours = () => files.filter((f) => !f.startsWith('node_modules/'));

describe('packaged app (electron-builder --linux dir)', () => {
  it('holds package.json whose main entry is in the archive, and the built preload, renderer and CLI', () => {
    const shipped = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8'));
    expect(shipped.main).toBe(pkg.main);
    expect(files).toContain(shipped.main);
    for (const entry of BUILT_ENTRIES) expect(files).toContain(entry);
    expect(shipped.devDependencies).toBeUndefined();
    expect(shipped.scripts).toBeUndefined();
    expect(shipped.desktopName).toBe(`${LINUX_APP_NAME}.desktop`);
  });

  it('ships every asset the renderer page references', () => {
    const html = extractFile(asarFile, 'dist/renderer/index.html').toString('utf8');
    const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(files).toContain(`dist/renderer/${ref}`);
  });

  it('contains only built output of ours: no sources, tests, maps or build files', () => {
    const own = ours();
    expect(
      own.filter(
        (f) =>
          !f.startsWith('dist/') && f !== 'package.json' && f !== 'dist' && f !== 'node_modules',
      ),
    ).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(own.filter((f) => /(^|\/)(test|tests|__tests__)(\/|$)|\.(test|spec)\./.test(f))).toEqual(
      [],
    );
  });

  it('includes the runtime dependencies and none of the development ones', () => {
    const topLevel = new Set(
      files
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.split('/')[1]!.startsWith('@') ? 3 : 2)
            .join('/'),
        ),
    );
    for (const dep of Object.keys(pkg.dependencies)) expect(topLevel, dep).toContain(dep);
    // Nothing the lockfile counts as development-only ships, however it is reached.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; version?: string }>;
    };
    // Judged by the version that ships: electron-builder lifts a nested production copy (such
    // as electron-updater's fs-extra 10) to the archive's top level even where the project's
    // own top level holds a development copy of another version.
    const productionVersions = (name: string) =>
      Object.entries(lock.packages)
        .filter(([key, entry]) => !entry.dev && key.endsWith(`node_modules/${name}`))
        .map(([, entry]) => entry.version);
    const shippedVersion = (name: string) =>
      (
        JSON.parse(extractFile(asarFile, `node_modules/${name}/package.json`).toString('utf8')) as {
          version: string;
        }
      ).version;
    const devOnly = [...topLevel].filter(
      (name) => !productionVersions(name).includes(shippedVersion(name)),
    );
    expect(devOnly).toEqual([]);
    for (const dev of [
      ...Object.keys(pkg.devDependencies),
      'electron',
      'vitest',
      'typescript',
      'vite',
      'electron-builder',
    ]) {
      expect(topLevel.has(dev), `${dev} must not ship`).toBe(false);
    }
  });

  it("unpacks node-notifier's vendored helpers so they can be executed", async () => {
    const vendor = path.join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'node-notifier',
      'vendor',
    );
    expect(await readdir(vendor)).toEqual(
      expect.arrayContaining(['mac.noindex', 'snoreToast', 'notifu']),
    );
    const terminalNotifier = path.join(
      vendor,
      'mac.noindex/terminal-notifier.app/Contents/MacOS/terminal-notifier',
    );
    expect((await stat(terminalNotifier)).mode & 0o111).not.toBe(0);
    // electron-builder drops Windows .exe helpers from non-Windows builds (Linux uses the
    // system's notify-send); a Windows build keeps them, unpacked by the same rule.
    expect(await readdir(path.join(vendor, 'snoreToast'))).not.toContain('snoretoast-x64.exe');
  });

  it('ships every tray image where trayIconPath looks for it, and the app icon, outside the asar', () => {
    const resources = path.join(appDir, 'resources');
    for (const state of TRAY_STATES) {
      for (const variant of TRAY_VARIANTS) {
        const file = trayIconPath(state, variant, resources, true, '/nowhere');
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png')), `${file} @2x`).toBe(true);
      }
    }
    const trayOutputs = ICON_OUTPUTS.filter((o) => o.kind === 'tray').map((o) =>
      path.basename(o.file),
    );
    expect(trayOutputs.every((f) => existsSync(path.join(resources, 'tray', f)))).toBe(true);
    // The app icon main/app/index.ts loads from process.resourcesPath when packaged.
    expect(existsSync(path.join(resources, 'icon.png'))).toBe(true);
    // Only the PNGs, not the SVG sources.
    expect(existsSync(path.join(resources, 'tray', 'idle.svg'))).toBe(false);
  });

  // @electron/universal (which electron-builder runs for the universal macOS target, and only on
  // a Mac) refuses a Mach-O file that is identical in the x64 and arm64 builds unless
  // mac.x64ArchFiles matches it. The helpers are the same on every platform's pack, so they are
  // found here with that tool's own file walk and matched with its own minimatch.
  it('covers every Mach-O helper with mac.x64ArchFiles, so the universal macOS build merges', async () => {
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    const pattern = config.mac?.x64ArchFiles;
    expect(typeof pattern).toBe('string');
    const universal = createRequire(
      path.join(ROOT, 'node_modules/@electron/universal/package.json'),
    );
    const { minimatch } = universal('minimatch') as { minimatch: typeof Minimatch };
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked');
    const machO = (await getAllAppFiles(unpacked))
      .filter((f) => f.type === AppFileType.MACHO)
      .map((f) => `Contents/Resources/app.asar.unpacked/${f.relativePath.replace(/\\/g, '/')}`);
    expect(machO.length).toBeGreaterThan(0);
    expect(machO.filter((f) => !minimatch(f, pattern!, { matchBase: true }))).toEqual([]);
  });

  it("writes app-update.yml from electron-builder.yml's publish block into resources, as the app reads it", async () => {
    const yml = await readFile(path.join(appDir, 'resources', 'app-update.yml'), 'utf8');
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    const first = [config.publish ?? []].flat()[0] as { owner: string; repo: string };
    expect(parsePublishConfig(yml)).toEqual({
      provider: 'github',
      owner: first.owner,
      repo: first.repo,
    });
    // electron-updater keeps its downloads in a cache folder named here.
    expect(yml).toMatch(/^updaterCacheDirName: pika-tray-updater$/m);
    // …and electron-updater itself ships, with what it needs at run time.
    for (const dep of ['electron-updater', 'builder-util-runtime', 'js-yaml', 'semver']) {
      expect(files, dep).toContain(`node_modules/${dep}/package.json`);
    }
  });

  it('names the Linux executable pika-tray and flips the configured fuses in it', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, LINUX_APP_NAME));
    const ON = 49;
    const OFF = 48;
    // Indexes are FuseV1Options: 0 RunAsNode, 1 CookieEncryption, 2 NodeOptions,
    // 3 NodeCliInspect, 4 EmbeddedAsarIntegrityValidation, 5 OnlyLoadAppFromAsar,
    // 7 GrantFileProtocolExtraPrivileges (on in Electron by default; the stand-in's is on).
    expect([wire[0], wire[1], wire[2], wire[3], wire[4], wire[5], wire[7]]).toEqual([
      OFF,
      ON,
      OFF,
      OFF,
      ON,
      ON,
      OFF,
    ]);
  });

  it('gives AppImage/deb a desktop entry with the scheme handler, window class and icon set', async () => {
    const preview = JSON.parse(
      await readFile(path.join(out, 'linux-integration.json'), 'utf8'),
    ) as { desktopEntry: string; desktopFileName: string; icons: { file: string; size: number }[] };
    const lines = preview.desktopEntry.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Name=Pika Tray',
        'Type=Application',
        'Exec="/opt/Pika Tray/pika-tray" %U',
        `Icon=${LINUX_APP_NAME}`,
        `StartupWMClass=${LINUX_APP_NAME}`,
        'MimeType=x-scheme-handler/pika-tray;',
        'Categories=AudioVideo;Video;',
        'Comment=Track Pika video generations from the system tray',
        'Comment[zh_CN]=在系统托盘中跟踪 Pika 视频生成',
        'Keywords[zh_CN]=pika;视频;生成;托盘;',
      ]),
    );
    // Installed as pika-tray.desktop, matching Electron's app_id from desktopName.
    expect(preview.desktopFileName).toBe(LINUX_APP_NAME);
    expect(preview.icons.map((i) => i.size)).toEqual([16, 32, 48, 64, 128, 256, 512, 1024]);
  });

  it('builds the Linux tar.gz with the executable, the app archive and the tray images', async () => {
    const tarball = path.join(out, `pika-tray-${pkg.version}.tar.gz`);
    const { stdout } = await run('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
    const entries = stdout.split('\n');
    const top = `pika-tray-${pkg.version}`;
    expect(entries).toEqual(
      expect.arrayContaining([
        `${top}/${LINUX_APP_NAME}`,
        `${top}/resources/app.asar`,
        `${top}/resources/tray/idle-light.png`,
        `${top}/resources/tray/workingTemplate@2x.png`,
      ]),
    );
  });

  it('puts the Ubuntu 24.04 launcher and AppArmor profile installer next to the executable', async () => {
    const tarball = path.join(out, `pika-tray-${pkg.version}.tar.gz`);
    const { stdout } = await run('tar', ['-tvzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
    const top = `pika-tray-${pkg.version}`;
    for (const script of ['start-pika-tray.sh', 'install-apparmor-profile.sh']) {
      const line = stdout.split('\n').find((l) => l.endsWith(` ${top}/${script}`));
      expect(line, script).toBeDefined();
      // Executable as unpacked: the user runs it straight from the folder.
      expect(line!.slice(0, 10)).toMatch(/^-rwx/);
    }
  });

  it('resolves every import of the shipped main, CLI and preload code inside the package', () => {
    const code = files.filter((f) => /^dist\/(main|preload)\/.*\.(js|cjs|mjs)$/.test(f));
    expect(code.length).toBeGreaterThan(2);
    const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
    const missing: string[] = [];
    let checked = 0;
    for (const file of code) {
      const text = extractFile(asarFile, file).toString('utf8');
      for (const [, spec] of text.matchAll(specifier)) {
        checked++;
        if (spec!.startsWith('.')) {
          const target = path.posix.join(path.posix.dirname(file), spec!);
          if (!files.includes(target)) missing.push(`${file} -> ${spec}`);
        } else if (
          spec === 'electron' ||
          spec!.startsWith('node:') ||
          builtinModules.includes(spec!)
        ) {
          continue;
        } else {
          const name = spec!
            .split('/')
            .slice(0, spec!.startsWith('@') ? 2 : 1)
            .join('/');
          if (!files.includes(`node_modules/${name}/package.json`))
            missing.push(`${file} -> ${spec}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
