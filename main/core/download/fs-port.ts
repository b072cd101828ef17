// The file operations the downloader needs, as a port: the real one is a thin layer over
// node:fs/promises; tests wrap it to make a write fail with ENOSPC or an open with EACCES
// exactly where a real disk would.
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';

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
}

export interface DownloadFs {
  stat(path: string): Promise<FileInfo>;
  readdir(dir: string): Promise<string[]>;
  /** Opens (creating) a file to append to, or emptied first when `mode` is 'truncate'. */
  openForWrite(path: string, mode: 'append' | 'truncate'): Promise<WritableFile>;
  /** Hard link: fails with EEXIST rather than replace, which makes "never overwrite" atomic. */
  link(existingPath: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: DownloadFs = {
  stat: (path) => stat(path),
  readdir: (dir) => readdir(dir),
  async openForWrite(path, mode) {
    const handle = await open(path, mode === 'append' ? 'a' : 'w');
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
};
