// What a `.part` holds, kept beside it (`<name>.part.json`) across restarts: which video, the
// validator the server gave for the file (a strong ETag or Last-Modified) and its announced
// size. A resume sends the validator as If-Range and accepts a 206 only from the same file
// (same validator, same total, starting where the `.part` ends); without this record a
// `.part` cannot be trusted and is downloaded again from the start.
import { readJsonFile, removeFile, writeJsonFile } from './atomic-json';

export interface ResumeRecord {
  videoId: string;
  validator: string;
  total: number;
}

export function resumeRecordPath(partPath: string): string {
  return `${partPath}.json`;
}

export async function readResumeRecord(partPath: string): Promise<ResumeRecord | null> {
  const raw = (await readJsonFile(resumeRecordPath(partPath))) as Partial<ResumeRecord> | null;
  if (
    !raw ||
    typeof raw.videoId !== 'string' ||
    typeof raw.validator !== 'string' ||
    raw.validator === '' ||
    typeof raw.total !== 'number' ||
    !Number.isSafeInteger(raw.total) ||
    raw.total <= 0
  ) {
    return null;
  }
  return { videoId: raw.videoId, validator: raw.validator, total: raw.total };
}

export function writeResumeRecord(partPath: string, record: ResumeRecord): Promise<void> {
  return writeJsonFile(resumeRecordPath(partPath), record);
}

export function removeResumeRecord(partPath: string): Promise<void> {
  return removeFile(resumeRecordPath(partPath));
}
