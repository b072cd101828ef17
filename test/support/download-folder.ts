// Test helper: what a download folder holds for a person, without the downloader's own
// records (the saved-videos index, resume records beside `.part` files, locks).
import { readdir } from 'node:fs/promises';
import { isDownloaderRecord } from '../../main/core/download/saved-index';

export async function folderFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !isDownloaderRecord(name));
}
