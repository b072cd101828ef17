// Electron's binary cannot be downloaded on our machines, but electron-builder packs from a
// local folder (`electronDist`) holding an executable named `electron` and a `version`
// file. The stand-in script carries an Electron 41 fuse wire (sentinel, wire version 1,
// 8 fuses in Electron's default states) so electron-builder's @electron/fuses step really
// runs and its result can be read back.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const STAND_IN_ELECTRON_VERSION = '41.7.1';
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges ('1' on, '0' off).
const ELECTRON_DEFAULT_FUSES = '10110001';

export async function createStandInElectron(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary, for packaging tests only.\n# '),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(`${ELECTRON_DEFAULT_FUSES}\necho "stand-in Electron cannot run" >&2\nexit 1\n`),
  ]);
  const exe = path.join(dir, 'electron');
  await writeFile(exe, script);
  await chmod(exe, 0o755);
  await writeFile(path.join(dir, 'version'), STAND_IN_ELECTRON_VERSION);
  return dir;
}
