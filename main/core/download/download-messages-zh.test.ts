// A download's failure as a person reads it on the card, in either language: made from a real
// file-system error, stored as a VideoDownload record with its ref, rendered in 简体中文.
import { constants } from 'node:fs';
import { mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textOf } from '../text/text-error';
import { DownloadError, fileSystemError } from './download-error';
import { failedRecord } from './download-record';
import { checkMediaUrl } from './media-request';
import { say } from '../text/message-ref';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-dl-zh-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('download errors in 简体中文', () => {
  it('a link where the video goes, from a real ELOOP (O_NOFOLLOW), is named in both languages', async () => {
    const target = join(dir, 'a.mp4');
    await writeFile(join(dir, 'elsewhere'), 'x');
    await symlink(join(dir, 'elsewhere'), target);
    const raw = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
      (e: unknown) => e,
    );
    expect((raw as { code?: string }).code).toBe('ELOOP');
    const record = failedRecord(fileSystemError(raw, dir, 'a.mp4'));
    expect(textOf(record, 'en')).toBe(
      `${target} is not a regular file (a link or a device?); it was left alone. Remove it, then download again.`,
    );
    expect(textOf(record, 'zh-Hans')).toBe(
      `${target} 不是普通文件（是链接或设备？），未作改动。请删除它后重新下载。`,
    );
  });

  it('a missing download folder, from a real ENOENT', async () => {
    const missing = join(dir, 'gone');
    const raw = await writeFile(join(missing, 'a.mp4'), 'x').catch((e: unknown) => e);
    const record = failedRecord(fileSystemError(raw, missing, 'a.mp4'));
    expect(record).toMatchObject({
      status: 'failed',
      message: `The download folder ${missing} does not exist. Create it or choose another folder.`,
    });
    expect(textOf(record, 'zh-Hans')).toBe(
      `下载文件夹 ${missing} 不存在。请创建它或选择其他文件夹。`,
    );
  });

  it('retries exhausted: the last cause is rendered inside, in the same language', () => {
    const last = new DownloadError('http', say('download.httpStatus', 502), { status: 502 });
    const error = new DownloadError('http', say('download.failedAfter', 4, last.ref!));
    expect(error.message).toBe(
      'The download failed after 4 attempts: The video server answered HTTP 502.',
    );
    expect(textOf(failedRecord(error), 'zh-Hans')).toBe(
      '尝试 4 次后下载失败：视频服务器返回 HTTP 502。',
    );
  });

  it('a link of another scheme is refused in either language', () => {
    let error: unknown;
    try {
      checkMediaUrl('ftp://cdn.example.com/v.mp4');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toBe(
      'The video link uses ftp, but only http and https links are downloaded.',
    );
    expect(textOf(error, 'zh-Hans')).toBe('视频链接使用的是 ftp，只能下载 http 和 https 链接。');
  });

  it('an error kept as plain English still reads (no ref)', () => {
    const record = failedRecord(new DownloadError('http', 'Plain words.'));
    expect(record).toEqual({ status: 'failed', message: 'Plain words.' });
    expect(textOf(record, 'zh-Hans')).toBe('Plain words.');
  });
});
