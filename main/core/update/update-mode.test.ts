import { describe, expect, it } from 'vitest';
import { packageKindOf, updateModeFor } from './update-mode';

const packaged = { packaged: true, appImage: undefined, packageType: null };

describe('which installs update themselves', () => {
  it('macOS, Windows NSIS and the AppImage replace themselves', () => {
    expect(updateModeFor(packageKindOf({ ...packaged, platform: 'darwin' }))).toBe('self');
    expect(updateModeFor(packageKindOf({ ...packaged, platform: 'win32' }))).toBe('self');
    const appImage = packageKindOf({
      ...packaged,
      platform: 'linux',
      appImage: '/home/u/Apps/Pika-Tray.AppImage',
    });
    expect(appImage).toBe('appimage');
    expect(updateModeFor(appImage)).toBe('self');
  });

  it('the deb (package-type file) and the tar.gz only say a new version exists', () => {
    const deb = packageKindOf({ ...packaged, platform: 'linux', packageType: 'deb\n' });
    expect(deb).toBe('deb');
    expect(updateModeFor(deb)).toBe('notify');
    const tarball = packageKindOf({ ...packaged, platform: 'linux' });
    expect(tarball).toBe('tar.gz');
    expect(updateModeFor(tarball)).toBe('notify');
  });

  it('a development run never updates', () => {
    expect(updateModeFor(packageKindOf({ ...packaged, packaged: false, platform: 'darwin' }))).toBe(
      'off',
    );
  });
});
