// electron-builder.yml is checked by electron-builder's own loader and JSON schema (the same
// code `electron-builder` runs before building), and its values are checked against the
// app's identity in main/core/app-id.ts and the resources in build/.
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { MacTargetHelper } from 'app-builder-lib/out/mac/MacTargetHelper';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_ID, LINUX_APP_NAME, PRODUCT_NAME, URL_SCHEME } from '../../main/core/app-id';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function loadConfig(): Promise<Configuration> {
  return getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
}

const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('is rejected by the same check when a key is misspelled or mistyped', async () => {
    // A typo in the YAML file itself: the copy differs from the real file by one letter.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pika-eb-config-'));
    try {
      const yml = await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8');
      expect(yml).toContain('\nproductName:');
      const typo = path.join(dir, 'electron-builder.yml');
      await writeFile(typo, yml.replace('\nproductName:', '\nproducName:'));
      await expect(validate(await getConfig(ROOT, typo, null))).rejects.toThrow(
        /unknown property 'producName'/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const mistyped = await loadConfig();
    (mistyped.mac as Record<string, unknown>).hardenedRuntime = 'yes';
    await expect(validate(mistyped)).rejects.toThrow(/mac\.hardenedRuntime should be a boolean/);

    const nested = await loadConfig();
    (nested.nsis as Record<string, unknown>).oneClik = false;
    await expect(validate(nested)).rejects.toThrow(/configuration\.nsis /);

    const badFuse = await loadConfig();
    (badFuse.electronFuses as Record<string, unknown>).runAsNodee = false;
    await expect(validate(badFuse)).rejects.toThrow(/configuration\.electronFuses /);
  });

  it("uses the app's identity from main/core/app-id.ts (the Windows AppUserModelId)", async () => {
    const config = await loadConfig();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.linux?.executableName).toBe(LINUX_APP_NAME);
    expect(config.linux?.desktop?.entry?.StartupWMClass).toBe(LINUX_APP_NAME);
    expect(config.extraMetadata?.desktopName).toBe(`${LINUX_APP_NAME}.desktop`);
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });

  it('registers the pika-tray:// scheme for macOS/Linux (config) and Windows (NSIS include)', async () => {
    const config = await loadConfig();
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((p) => p.schemes)).toContain(URL_SCHEME);
    const nsh = await readFile(path.join(ROOT, String(config.nsis?.include)), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\pika-tray" "URL Protocol"/);
    expect(nsh).toMatch(
      /!macro customUnInstall[\s\S]*DeleteRegKey SHCTX "Software\\Classes\\pika-tray"/,
    );
    expect(nsh).toContain('shell\\open\\command');
  });

  it('locks the packaged binary down with Electron fuses', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a tray-only, hardened macOS app and a per-user Windows installer', async () => {
    const config = await loadConfig();
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = await readFile(path.join(ROOT, String(config.mac?.entitlements)), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createStartMenuShortcut: true,
    });
    const linuxTargets = [config.linux?.target ?? []].flat();
    expect(linuxTargets).toEqual(['AppImage', 'deb', 'tar.gz']);
  });

  it('signs and notarises macOS builds only when the usual environment variables are set', async () => {
    const config = await loadConfig();
    // No fixed identity and no forced signing: CSC_LINK / the keychain decide, unsigned works.
    expect(config.mac?.identity).toBeUndefined();
    expect(config.forceCodeSigning ?? false).toBe(false);
    // notarize stays on; electron-builder's own helper then skips it without credentials.
    expect(config.mac?.notarize).toBe(true);
    const APPLE = [
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'APPLE_API_KEY',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'APPLE_KEYCHAIN',
      'APPLE_KEYCHAIN_PROFILE',
    ];
    const saved = Object.fromEntries(APPLE.map((k) => [k, process.env[k]]));
    const notarizeWith = (env: Record<string, string>) => {
      for (const k of APPLE) delete process.env[k];
      Object.assign(process.env, env);
      return MacTargetHelper.getNotarizeOptions('/out/Pika Tray.app');
    };
    try {
      expect(notarizeWith({})).toBeUndefined();
      expect(
        notarizeWith({
          APPLE_API_KEY: '/k/AuthKey.p8',
          APPLE_API_KEY_ID: 'K1',
          APPLE_API_ISSUER: 'I1',
        }),
      ).toMatchObject({ tool: 'notarytool', appleApiKey: '/k/AuthKey.p8', appleApiKeyId: 'K1' });
      expect(
        notarizeWith({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T1' }),
      ).toMatchObject({ tool: 'notarytool', appleId: 'a@b.c', teamId: 'T1' });
    } finally {
      for (const k of APPLE) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it('points at icon files and resources that exist', async () => {
    const config = await loadConfig();
    expect(config.directories).toMatchObject({ buildResources: 'build', output: 'release' });
    for (const file of [
      config.mac?.icon,
      config.win?.icon,
      config.linux?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.nsis?.include,
      'build/tray',
    ]) {
      await expect(access(path.join(ROOT, String(file))), String(file)).resolves.toBeUndefined();
    }
    expect(config.extraResources).toEqual([
      { from: 'build/tray', to: 'tray', filter: ['*.png'] },
      { from: 'build/icon.png', to: 'icon.png' },
    ]);
    expect(config.asarUnpack).toEqual(['node_modules/node-notifier/vendor/**']);
  });

  it('makes `npm run dist` build and render the icons before packaging', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.icons).toBe('tsx scripts/generate-icons.ts');
    expect(scripts.dist).toMatch(/^npm run build && npm run icons && electron-builder/);
  });

  it('publishes to GitHub Releases of one owner/repo, with a generic server for self-hosting', async () => {
    const publish = [(await loadConfig()).publish ?? []].flat();
    expect(publish.map((p) => (typeof p === 'string' ? p : p.provider))).toEqual([
      'github',
      'generic',
    ]);
    expect(publish[0]).toMatchObject({
      provider: 'github',
      owner: expect.any(String),
      repo: expect.any(String),
    });
    expect(String((publish[1] as { url: string }).url)).toMatch(/^https:\/\//);
    // electron-updater ships with the app: it must be a runtime dependency.
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('electron-updater');
  });
});
