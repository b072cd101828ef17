import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingNotifier, testHooks } from './test-hooks';

const ENV = { PIKA_TRAY_TEST_USER_DATA: '/tmp/x', PIKA_TRAY_TEST_NOTIFY_LOG: '/tmp/n.log' };

describe('smoke-test hooks', () => {
  it('an installed (packaged) app never reads them', () => {
    expect(testHooks(ENV, true)).toEqual({ userDataDir: null, notifyLog: null });
    expect(testHooks(ENV, false)).toEqual({ userDataDir: '/tmp/x', notifyLog: '/tmp/n.log' });
    expect(testHooks({}, false)).toEqual({ userDataDir: null, notifyLog: null });
  });

  it('records each notification it passes on, one JSON line each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pika-hooks-'));
    const log = join(dir, 'notify.log');
    const shown: string[] = [];
    const notifier = recordingNotifier({ show: (r) => void shown.push(r.title) }, log);
    const request = {
      title: 'Video ready',
      body: 'a cat',
      taskId: 't-1',
      kind: 'finished',
    } as const;
    notifier.show(request, () => {});
    expect(shown).toEqual(['Video ready']);
    expect(JSON.parse((await readFile(log, 'utf8')).trim())).toEqual(request);
    await rm(dir, { recursive: true, force: true });
  });
});
