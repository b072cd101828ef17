// Opens a Conf-style store (conf, electron-store), setting an unreadable file aside instead
// of refusing to start: a crash on every launch would lose more than the file holds. The
// caller tells the user where the old file went.
import { renameSync, existsSync } from 'node:fs';

export interface OpenedStore<T> {
  store: T;
  /** Where the unreadable file was moved, or null when it opened cleanly. */
  recoveredFrom: string | null;
}

export function openStoreFile<T>(open: () => T, filePath: string, now = Date.now): OpenedStore<T> {
  try {
    return { store: open(), recoveredFrom: null };
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const aside = `${filePath}.unreadable-${now()}`;
    renameSync(filePath, aside);
    return { store: open(), recoveredFrom: aside };
  }
}
