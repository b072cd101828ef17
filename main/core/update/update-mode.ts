// Which installs update themselves. electron-updater replaces the app for the macOS zip
// (also when the app came from the dmg), the Windows NSIS installer and the Linux AppImage.
// A deb belongs to the system's package tools and a tar.gz to whoever unpacked it: those
// only say that a new version exists and link to it. Unpackaged (development) runs have no
// app-update.yml and never update.

export type UpdateMode = 'self' | 'notify' | 'off';
export type PackageKind = 'mac' | 'nsis' | 'appimage' | 'deb' | 'rpm' | 'tar.gz' | 'dev';

export function packageKindOf(install: {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** $APPIMAGE: set by the AppImage runtime to the image's own path. */
  appImage: string | undefined;
  /** resources/package-type: written by electron-builder into deb/rpm/pacman packages. */
  packageType: string | null;
}): PackageKind {
  if (!install.packaged) return 'dev';
  if (install.platform === 'darwin') return 'mac';
  if (install.platform === 'win32') return 'nsis';
  if (install.appImage) return 'appimage';
  const type = install.packageType?.trim();
  if (type === 'deb') return 'deb';
  if (type === 'rpm' || type === 'pacman') return 'rpm';
  return 'tar.gz';
}

export function updateModeFor(kind: PackageKind): UpdateMode {
  switch (kind) {
    case 'mac':
    case 'nsis':
    case 'appimage':
      return 'self';
    case 'deb':
    case 'rpm':
    case 'tar.gz':
      return 'notify';
    case 'dev':
      return 'off';
  }
}
