// The file operations the downloader needs, as a port: the real one is a thin layer over
// node:fs/promises; tests wrap it to make a write fail with ENOSPC or an open with EACCES
// exactly where a real disk would.
import { constants } from 'node:fs';
import { link, lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';

/** A file open for writing. Each write resolves once the bytes are handed to the OS; the
 * downloader keeps one write in flight and reuses the buffer once it resolves. */
export interface WritableFile {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes to the disk (fsync) before the file is renamed into place. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileInfo {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
  /** Device and inode, where the file system has them: the same pair is the same file. */
  dev?: number;
  ino?: number;
}

export interface DownloadFs {
  stat(path: string): Promise<FileInfo>;
  /** Like stat, but a symbolic link is described itself, not what it points to. */
  lstat(path: string): Promise<FileInfo>;
  readdir(dir: string): Promise<string[]>;
  /**
   * Opens (creating) a file to append to, or emptied first when `mode` is 'truncate'. Never
   * through a symbolic link, and only a regular file: anything else fails with ELOOP/EFTYPE.
   */
  openForWrite(path: string, mode: 'append' | 'truncate'): Promise<WritableFile>;
  /** Hard link: fails with EEXIST rather than replace, which makes "never overwrite" atomic. */
  link(existingPath: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Flushes a folder's entries (a rename or link into it) to the disk. */
  syncDir(dir: string): Promise<void>;
}

// O_NOFOLLOW is missing on Windows (0 there): the lstat checks below still refuse a link.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function notRegular(path: string): Error {
  // eslint-disable-next-line main-text/no-literal-error-text -- its code (EFTYPE) is worded by fileSystemError (download.notAFile)
  return Object.assign(new Error(`${path} is not a regular file`), { code: 'EFTYPE', path });
}

export const nodeFs: DownloadFs = {
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  readdir: (dir) => readdir(dir),
  async openForWrite(path, mode) {
    // A planted link or a FIFO in place of the .part is refused before and after opening
    // (O_NONBLOCK keeps a FIFO without a reader from blocking the open).
    const before = await lstat(path).catch(() => null);
    if (before && !before.isFile()) throw notRegular(path);
    const flags =
      constants.O_WRONLY |
      constants.O_CREAT |
      NOFOLLOW |
      (constants.O_NONBLOCK ?? 0) |
      (mode === 'append' ? constants.O_APPEND : constants.O_TRUNC);
    const handle = await open(path, flags, 0o644);
    try {
      if (!(await handle.stat()).isFile()) throw notRegular(path);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      async write(chunk) {
        let offset = 0;
        while (offset < chunk.byteLength) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  link: (existingPath, newPath) => link(existingPath, newPath),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  async syncDir(dir) {
    // Windows cannot open a folder for fsync (EISDIR/EPERM): its file system journals renames.
    let handle;
    try {
      handle = await open(dir, constants.O_RDONLY);
    } catch {
      return;
    }
    try {
      await handle.sync().catch(() => undefined);
    } finally {
      await handle.close();
    }
  },
};
