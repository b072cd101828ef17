import { mainText } from '../core/text';
import { describe, expect, it } from 'vitest';
import type { AddTasksResult, TrackedTask } from '../../preload/contract';
import { parseTaskInput } from '../core/tasks/parse-input';
import {
  appLinkInput,
  createExternalAdd,
  isAppLink,
  launchData,
  secondLaunchArgv,
  taskInputFromArgv,
} from './launch-args';

describe('task input from the command line', () => {
  it('takes --add values and pika-tray links, ignoring everything else', () => {
    expect(taskInputFromArgv(['/opt/Pika Tray/pika-tray', '--add', 'abc-123456'])).toBe(
      'abc-123456',
    );
    expect(taskInputFromArgv(['electron', '.', '--add=abc-123456,def-654321', '--hidden'])).toBe(
      'abc-123456,def-654321',
    );
    expect(
      taskInputFromArgv([
        'C:\\Pika Tray.exe',
        '--allow-file-access',
        'pika-tray://task/abc-123456',
      ]),
    ).toBe('pika-tray://task/abc-123456');
    expect(taskInputFromArgv(['app', 'PIKA-TRAY://task/x1y2z3', '--add', 'q-123456'])).toBe(
      'PIKA-TRAY://task/x1y2z3\nq-123456',
    );
    expect(taskInputFromArgv(['app', '--add', '--inspect'])).toBeNull();
    expect(taskInputFromArgv(['app', 'https://evil.example/', '--hidden'])).toBeNull();
    expect(isAppLink('pika-tray://task/abc')).toBe(true);
    expect(isAppLink('https://pika.art')).toBe(false);
  });

  it('lets one link add at most one task, however much it carries', () => {
    const nested = '['.repeat(12_000) + '"abc-123456"' + ']'.repeat(12_000);
    for (const link of [
      'pika-tray://task/first-123456,second-123456;third-123456 fourth-123456',
      `pika-tray://task/first-123456 ${nested} {"id":"second-123456"}`,
      `pika-tray://task/first-123456\n${'x-123456 '.repeat(3000)}`,
    ]) {
      const text = taskInputFromArgv(['app', link])!;
      expect(text).toBe(appLinkInput(link));
      expect(parseTaskInput(text).ids).toEqual(['first-123456']);
    }
    // A 24 KB link of nested brackets alone: refused as one bad id, quickly.
    const hostile = `pika-tray://task/${nested}`;
    expect(hostile.length).toBeGreaterThan(24_000);
    const result = parseTaskInput(taskInputFromArgv(['app', hostile])!);
    expect(result.ids).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});

describe('a second launch', () => {
  it('is read from the argv it sent, not the one Chromium rebuilt', () => {
    // `electron . --add abc-123456` as 'second-instance' reports it: switches first.
    const rebuilt = ['/usr/bin/electron', '--add', '.', 'abc-123456'];
    expect(taskInputFromArgv(rebuilt)).toBe('.'); // the app folder taken for the task
    const sent = launchData(['/usr/bin/electron', '.', '--add', 'abc-123456']);
    expect(taskInputFromArgv(secondLaunchArgv(rebuilt, sent))).toBe('abc-123456');
    // Survives the structured clone it travels through.
    expect(secondLaunchArgv(rebuilt, structuredClone(sent))).toEqual(sent.argv);
  });

  it('falls back to the rebuilt argv when the data is missing or not ours', () => {
    const rebuilt = ['/opt/pika-tray', '--add=abc-123456'];
    for (const data of [undefined, null, {}, { argv: 'x' }, { argv: [1, 2] }, 'argv']) {
      expect(secondLaunchArgv(rebuilt, data)).toEqual(rebuilt);
    }
  });
});

describe('adding from outside', () => {
  const task = { id: 'abc-123456' } as TrackedTask;
  const run = async (result: AddTasksResult | Error) => {
    const seen: string[] = [];
    const add = createExternalAdd({
      addTasks: () => {
        if (result instanceof Error) throw result;
        return result;
      },
      focus: (id) => seen.push(`focus ${id}`),
      report: (message) => seen.push(`report ${message}`),
    });
    await add('text');
    return seen;
  };

  it('opens the window on the first added or already tracked task', async () => {
    expect(await run({ added: [task], duplicates: [], errors: [] })).toEqual(['focus abc-123456']);
    expect(await run({ added: [], duplicates: ['d-123456'], errors: [] })).toEqual([
      'focus d-123456',
    ]);
  });

  it('says why when nothing could be added', async () => {
    expect(
      await run({
        added: [],
        duplicates: [],
        errors: [{ input: 'x/y', message: 'A task id cannot contain slashes.' }],
      }),
    ).toEqual(['report Nothing was added: A task id cannot contain slashes.']);
    expect(await run(new Error('boom'))).toEqual(['report The task could not be added: boom']);
    const seen: string[] = [];
    await createExternalAdd({
      addTasks: () => ({ added: [], duplicates: [], errors: [] }),
      focus: () => undefined,
      report: (message) => seen.push(message),
      text: () => mainText('zh-Hans'),
    })('');
    expect(seen).toEqual(['未添加任何任务：没有找到任务 ID。']);
  });
});
