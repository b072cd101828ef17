import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTask, type TrackedTask } from './model';
import { createConfTaskStore, openConfTaskStore } from './storage';
import { renderMessage, say } from '../text/message-ref';
import { textOf } from '../text/text-error';

const task = (id: string, patch: Partial<TrackedTask> = {}): TrackedTask => ({
  ...newTask(id, 1_700_000_000_000),
  promptText: 'a red fox',
  state: 'running',
  progress: 12,
  attempts: 1,
  ...patch,
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pika-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const filesIn = (d: string): string[] => fs.readdirSync(d).sort();

describe('conf task store', () => {
  it('starts empty and reads back what it saved, in a fresh store object', () => {
    const store = createConfTaskStore(dir);
    expect(store.load()).toEqual({ tasks: [], recoveredFrom: null, dropped: 0 });
    const tasks = [task('a'), task('b', { state: 'finished', endedAt: 5, seen: false })];
    store.save(tasks);
    expect(fs.existsSync(path.join(dir, 'tasks.json'))).toBe(true);
    expect(createConfTaskStore(dir).load()).toEqual({ tasks, recoveredFrom: null, dropped: 0 });
  });

  it('sets a corrupt file aside (kept, byte for byte) and opens a fresh store', () => {
    const file = path.join(dir, 'tasks.json');
    const garbage = '{"version":1,"tasks":[{"id":"a","promptText":"half a wri';
    fs.writeFileSync(file, garbage);
    const store = createConfTaskStore(dir);
    const loaded = store.load();
    expect(loaded.tasks).toEqual([]);
    expect(loaded.recoveredFrom).toMatch(
      /tasks\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.json$/,
    );
    expect(store.recoveredFrom).toBe(loaded.recoveredFrom);
    expect(fs.readFileSync(loaded.recoveredFrom as string, 'utf8')).toBe(garbage);
    store.save([task('new')]);
    expect(
      createConfTaskStore(dir)
        .load()
        .tasks.map((t) => t.id),
    ).toEqual(['new']);
    // The corrupt copy is still there after the new save.
    expect(filesIn(dir).filter((f) => f.startsWith('tasks.corrupt-'))).toHaveLength(1);
  });

  it('recovers when the opener itself throws on invalid JSON (electron-store style)', () => {
    const file = path.join(dir, 'tasks.json');
    fs.writeFileSync(file, '\u0000\u0000\u0000');
    let opens = 0;
    const store = openConfTaskStore(() => {
      opens++;
      return new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'tasks',
        projectName: 'pika-tray',
      });
    }, file);
    expect(opens).toBe(1); // the file was checked before opening, so the opener did not throw
    expect(store.recoveredFrom).not.toBeNull();
    expect(store.load().tasks).toEqual([]);

    // An opener that throws SyntaxError itself (e.g. the file broke between check and open).
    fs.writeFileSync(file, '{"tasks":[]}');
    let calls = 0;
    const other = openConfTaskStore(() => {
      calls++;
      if (calls === 1) throw new SyntaxError('Unexpected end of JSON input');
      return new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'tasks',
        projectName: 'pika-tray',
      });
    }, file);
    expect(calls).toBe(2);
    expect(other.recoveredFrom).toMatch(/tasks\.corrupt-/);
    expect(fs.readFileSync(other.recoveredFrom as string, 'utf8')).toBe('{"tasks":[]}');
    // Without a path the file cannot be found: a clear error, and nothing is touched.
    expect(() =>
      openConfTaskStore(() => {
        throw new SyntaxError('Unexpected end of JSON input');
      }),
    ).toThrow(/not valid JSON/);
  });

  it('skips invalid entries, counts them, and keeps a copy of the file as it was', () => {
    const file = path.join(dir, 'tasks.json');
    const raw = {
      version: 1,
      tasks: [
        task('good'),
        { id: '', state: 'running' },
        { ...task('bad-state'), state: 'exploded' },
        'not an object',
        task('good'), // duplicate id
        { ...task('lenient'), attempts: 'many', seen: 'yes', lastError: 42, extra: true },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(raw));
    const store = createConfTaskStore(dir);
    const loaded = store.load();
    expect(loaded.tasks.map((t) => t.id)).toEqual(['good', 'lenient']);
    expect(loaded.dropped).toBe(4);
    expect(loaded.tasks[1]).toMatchObject({ attempts: 0, seen: true, lastError: null });
    expect(loaded.tasks[1]).not.toHaveProperty('extra');
    expect(loaded.recoveredFrom).toMatch(/tasks\.invalid-.*\.json$/);
    expect(JSON.parse(fs.readFileSync(loaded.recoveredFrom as string, 'utf8'))).toEqual(raw);
  });

  it('sets aside readable JSON of the wrong shape', () => {
    fs.writeFileSync(path.join(dir, 'tasks.json'), JSON.stringify({ tasks: { a: 1 } }));
    const loaded = createConfTaskStore(dir).load();
    expect(loaded.tasks).toEqual([]);
    expect(loaded.recoveredFrom).toMatch(/tasks\.invalid-/);
    expect(fs.existsSync(path.join(dir, 'tasks.json'))).toBe(false);
  });

  it('reports a download cut off by a restart as failed', () => {
    const store = createConfTaskStore(dir);
    store.save([
      task('a', { downloads: { a: { status: 'downloading', bytes: 5, total: 10, rate: 1 } } }),
    ]);
    const failed = createConfTaskStore(dir).load().tasks[0]?.downloads['a'];
    expect(failed).toEqual({
      status: 'failed',
      message: 'The download was interrupted when the app closed.',
      ref: { key: 'tasks.interrupted', args: [] },
    });
    expect(textOf(failed, 'zh-Hans')).toBe('应用关闭时下载被中断。');
  });

  it('a stored error with a ref reloads and reads in 简体中文; the English stays stored', () => {
    const ref = say('tasks.unknownGaveUp', 'abc123', 3);
    const download = say('download.httpStatus', 503);
    createConfTaskStore(dir).save([
      task('a', {
        state: 'failed',
        lastError: { kind: 'unknown-task', message: renderMessage(ref, 'en'), ref },
        downloads: {
          v: { status: 'failed', message: 'The video server answered HTTP 503.', ref: download },
        },
      }),
    ]);
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'tasks.json'), 'utf8')) as {
      tasks: { lastError: { message: string } }[];
    };
    // Older versions read `message`: it is always written, in English.
    expect(raw.tasks[0]?.lastError.message).toMatch(
      /^Unknown task id abc123: the server said 3 times/,
    );
    const back = createConfTaskStore(dir).load().tasks[0]!;
    expect(back.lastError?.ref).toEqual(ref);
    expect(textOf(back.lastError, 'zh-Hans')).toBe(
      '未知的任务 ID abc123：服务器连续 3 次表示没有这个任务。请检查 ID；点“重新检查”可再试一次。',
    );
    expect(textOf(back.downloads['v'], 'zh-Hans')).toBe('视频服务器返回 HTTP 503。');
  });

  it('a ref this version does not know (or of a wrong shape) is dropped: the stored English is kept', () => {
    const file = path.join(dir, 'tasks.json');
    const stored = (ref: unknown) => ({
      ...task('a', { state: 'failed' }),
      lastError: { kind: 'server', message: 'The stored English words.', ref },
      downloads: { v: { status: 'failed', message: 'Stored download words.', ref } },
    });
    for (const ref of [
      { key: 'api.fromTheFuture', args: [] },
      { key: 'api.tokenRejected', args: 'not a list' },
      { key: 'api.unknownTask', args: [{ nested: true }, 404] },
    ]) {
      fs.writeFileSync(file, JSON.stringify({ version: 1, tasks: [stored(ref)] }));
      const back = createConfTaskStore(dir).load();
      expect(back.dropped).toBe(0);
      const t = back.tasks[0]!;
      expect(t.lastError).toEqual({ kind: 'server', message: 'The stored English words.' });
      expect(textOf(t.lastError, 'zh-Hans')).toBe('The stored English words.');
      expect(t.downloads['v']).toEqual({ status: 'failed', message: 'Stored download words.' });
    }
  });
});
