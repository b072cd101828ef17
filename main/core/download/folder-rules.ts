// Which folders may hold downloads, wherever the folder comes from (the folder picker,
// stored settings, the command line). "Inside the download folder" is what keeps drag-out,
// Open and Reveal on our own files, so the folder must be a real, narrow place: not a
// filesystem or drive root (that would allow everything), and on Windows not a UNC share
// (`\\host\share`, which makes the machine connect out, sending its credentials, on the
// next write) nor a device path (`\\?\`, `\\.\`), which bypass path normalisation.
import { parse, resolve } from 'node:path';

/** Why `dir` cannot be the download folder, in words for people; null when it can. */
export function downloadFolderProblem(dir: string): string | null {
  const trimmed = dir.trim();
  if (trimmed === '' || trimmed.includes('\0')) return 'The download folder is empty.';
  // Both separators on every platform: a path is judged by what Windows would make of it.
  if (/^[\\/]{2}[?.][\\/]/.test(trimmed)) {
    return 'The download folder cannot be a device path (\\\\?\\ or \\\\.\\).';
  }
  if (/^[\\/]{2}[^\\/]/.test(trimmed)) {
    return 'The download folder cannot be a network share (\\\\host\\share): choose a local folder.';
  }
  if (/^[A-Za-z]:[\\/.]*$/.test(trimmed)) {
    return 'The download folder cannot be the root of a drive: choose a folder on it.';
  }
  const resolved = resolve(trimmed);
  if (parse(resolved).root === resolved) {
    return 'The download folder cannot be the root of the file system: choose a folder.';
  }
  return null;
}
