// Which folders may hold downloads, wherever the folder comes from (the folder picker,
// stored settings, the command line). "Inside the download folder" is what keeps drag-out,
// Open and Reveal on our own files, so the folder must be a real, narrow place: not a
// filesystem or drive root (that would allow everything), and on Windows not a UNC share
// (`\\host\share`, which makes the machine connect out, sending its credentials, on the
// next write) nor a device path (`\\?\`, `\\.\`), which bypass path normalisation.
import { parse, resolve } from 'node:path';
import { renderMessage, say, type MessageRef } from '../text/message-ref';

/** Why `dir` cannot be the download folder, in words for people; null when it can. */
export function downloadFolderProblem(dir: string): string | null {
  const problem = downloadFolderProblemRef(dir);
  return problem === null ? null : renderMessage(problem, 'en');
}

/** Why `dir` cannot be the download folder, as a message for the reader's language. */
export function downloadFolderProblemRef(dir: string): MessageRef | null {
  const trimmed = dir.trim();
  if (trimmed === '' || trimmed.includes('\0')) return say('settings.folderEmpty');
  // Both separators on every platform: a path is judged by what Windows would make of it.
  if (/^[\\/]{2}[?.][\\/]/.test(trimmed)) return say('settings.folderDevice');
  if (/^[\\/]{2}[^\\/]/.test(trimmed)) return say('settings.folderShare');
  if (/^[A-Za-z]:[\\/.]*$/.test(trimmed)) return say('settings.folderDriveRoot');
  const resolved = resolve(trimmed);
  if (parse(resolved).root === resolved) return say('settings.folderRoot');
  return null;
}
