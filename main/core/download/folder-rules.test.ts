import { describe, expect, it } from 'vitest';
import { downloadFolderProblem } from './folder-rules';

describe('download folder rules', () => {
  it.each([
    ['/', /root of the file system/],
    ['/home/..', /root of the file system/],
    ['//', /root of the file system|network share|device/],
    ['\\\\host\\share', /network share/],
    ['\\\\host\\share\\Pika', /network share/],
    ['//host/share/Pika', /network share/],
    ['\\\\?\\C:\\Videos', /device path/],
    ['\\\\.\\PhysicalDrive0', /device path/],
    ['//?/C:/Videos', /device path/],
    ['C:\\', /root of a drive/],
    ['c:/', /root of a drive/],
    ['D:', /root of a drive/],
    ['', /empty/],
    ['/tmp/a\0b', /empty/],
  ])('refuses %j', (dir, message) => {
    expect(downloadFolderProblem(dir)).toMatch(message);
  });

  it.each(['/home/me/Videos/Pika', '/tmp/x', '/media/disk/Pika Videos'])('accepts %j', (dir) => {
    expect(downloadFolderProblem(dir)).toBeNull();
  });
});
