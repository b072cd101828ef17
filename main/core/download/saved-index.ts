// Which video each finished file in the download folder holds, by full video id, kept in the
// folder itself (`.pika-tray-saved.json`) so the app and the command line agree on it. A
// video counts as already saved only from a record naming its id (this index or the
// tracker's record), never from a similar name and an equal size: two videos whose names share
// the short id must each keep their own file.
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './atomic-json';
import { lockTarget } from './target-lock';

export const INDEX_NAME = '.pika-tray-saved.json';

interface IndexFile {
  version: 1;
  videos: Record<string, { name: string; bytes: number }>;
}

async function readIndex(dir: string): Promise<IndexFile> {
  const raw = (await readJsonFile(join(dir, INDEX_NAME))) as Partial<IndexFile> | null;
  const videos: IndexFile['videos'] = {};
  if (raw && typeof raw.videos === 'object' && raw.videos !== null) {
    for (const [id, entry] of Object.entries(raw.videos)) {
      if (
        typeof entry?.name === 'string' &&
        !entry.name.includes('/') &&
        !entry.name.includes('\\') &&
        Number.isSafeInteger(entry.bytes)
      ) {
        videos[id] = { name: entry.name, bytes: entry.bytes };
      }
    }
  }
  return { version: 1, videos };
}

/** Where this folder's index says the video was saved, or null. */
export async function savedEntry(
  dir: string,
  videoId: string,
): Promise<{ path: string; bytes: number } | null> {
  const entry = (await readIndex(dir)).videos[videoId];
  return entry ? { path: join(dir, entry.name), bytes: entry.bytes } : null;
}

/** Records a finished file; the read-modify-write runs under the index's own lock. */
export async function recordSaved(
  dir: string,
  videoId: string,
  name: string,
  bytes: number,
): Promise<void> {
  const release = await lockTarget(dir, INDEX_NAME, { retryMs: 50 });
  try {
    const index = await readIndex(dir);
    index.videos[videoId] = { name, bytes };
    await writeJsonFile(join(dir, INDEX_NAME), index);
  } finally {
    await release();
  }
}

/** The downloader's own files in a download folder (index, resume records, locks). */
export function isDownloaderRecord(fileName: string): boolean {
  return (
    fileName === INDEX_NAME ||
    fileName.startsWith(`${INDEX_NAME}.`) ||
    fileName.endsWith('.part.json') ||
    fileName.endsWith('.lock')
  );
}
