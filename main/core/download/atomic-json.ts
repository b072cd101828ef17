// Small JSON files the downloader keeps in the download folder (the resume record beside a
// `.part`, the index of saved videos), written so a crash at any moment leaves either the old
// or the new content: a fresh temporary file (created exclusively, never through a link),
// fsynced, then renamed over the old one.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readFile, rename, unlink } from 'node:fs/promises';

/** The parsed file, or null when it is missing, not a regular file or not readable JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return null;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644,
  );
  try {
    await handle.writeFile(`${JSON.stringify(value)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export async function removeFile(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
