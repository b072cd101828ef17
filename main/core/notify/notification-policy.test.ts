import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { newTask, type TrackedTask } from '../tasks/model';
import type { TaskTracker } from '../tasks/tracker-types';
import { mainText, type MainText } from '../text';
import { renderMessage, say } from '../text/message-ref';
import {
  connectTracker,
  createNotificationPolicy,
  type NotificationRequest,
  type Schedule,
} from './notification-policy';

function task(id: string, patch: Partial<TrackedTask> = {}): TrackedTask {
  return {
    ...newTask(id, 0),
    promptText: `a cat surfing wave number ${id}`,
    state: 'finished',
    progress: 100,
    lastCheckedAt: 0,
    endedAt: 0,
    attempts: 1,
    seen: false,
    ...patch,
  };
}

function failedTask(id: string, reason: string, patch: Partial<TrackedTask> = {}): TrackedTask {
  return task(id, {
    state: 'failed',
    videos: [
      {
        id,
        status: 'error',
        state: 'failed',
        progress: null,
        seed: null,
        resultUrl: null,
        sharingUrl: null,
        videoPoster: null,
        imageThumb: null,
        duration: null,
        error: reason,
      },
    ],
    ...patch,
  });
}

/** A hand-driven clock: timers run only when the test advances time. */
function manualClock() {
  let now = 0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const schedule: Schedule = (run, ms) => {
    const timer = { at: now + ms, run, live: true };
    timers.push(timer);
    return () => {
      timer.live = false;
    };
  };
  return {
    schedule,
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.live && t.at <= now)) {
        t.live = false;
        t.run();
      }
    },
    liveTimers: () => timers.filter((t) => t.live).length,
  };
}

function setup(opts: { enabled?: () => boolean; windowMs?: number; text?: () => MainText } = {}) {
  const clock = manualClock();
  const policy = createNotificationPolicy({
    enabled: opts.enabled ?? (() => true),
    windowMs: opts.windowMs ?? 1500,
    schedule: clock.schedule,
    ...(opts.text ? { text: opts.text } : {}),
  });
  const sent: NotificationRequest[] = [];
  policy.onNotify((r) => sent.push(r));
  return { clock, policy, sent };
}

describe('single endings', () => {
  it('a finished video notifies once the window closes, naming its prompt and task', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('t1', { promptText: 'A red fox jumps' }));
    clock.advance(1499);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sent).toEqual([
      { kind: 'finished', taskId: 't1', title: 'Video ready', body: '“A red fox jumps”' },
    ]);
  });

  it('a failed video says so and gives the server reason', () => {
    const { clock, policy, sent } = setup();
    policy.onFailed(failedTask('t2', 'Content policy violation', { promptText: 'a storm' }));
    clock.advance(1500);
    expect(sent).toEqual([
      {
        kind: 'failed',
        taskId: 't2',
        title: 'Generation failed',
        body: '“a storm”\nThe server said: “Content policy violation”',
      },
    ]);
  });

  it('a failure without a video reason uses the last poll error, else says none was given', () => {
    const { clock, policy, sent } = setup();
    policy.onFailed(
      task('t3', { state: 'failed', lastError: { kind: 'unknown-task', message: 'No such task' } }),
    );
    clock.advance(1500);
    policy.onFailed(task('t4', { state: 'failed' }));
    clock.advance(1500);
    expect(sent.map((r) => r.body.split('\n')[1])).toEqual([
      'No such task',
      'The server gave no reason.',
    ]);
  });

  it('a task with no prompt yet is named by its id', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('9f1c-id', { promptText: '   ' }));
    clock.advance(1500);
    expect(sent[0]!.body).toBe('Task 9f1c-id');
  });

  it('a long prompt is cut at a word boundary with an ellipsis, whitespace collapsed', () => {
    const { clock, policy, sent } = setup();
    const long = 'A very\n\nlong   prompt ' + 'about a lighthouse keeper '.repeat(10);
    policy.onFinished(task('t5', { promptText: long }));
    clock.advance(1500);
    const body = sent[0]!.body;
    expect(body.startsWith('“A very long prompt about')).toBe(true);
    expect(body.endsWith('…”')).toBe(true);
    expect(Array.from(body).length).toBeLessThanOrEqual(82);
    expect(body).not.toMatch(/\s…/);
    expect(body).not.toContain('\n');
  });

  it('never splits a character outside the basic plane', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('t6', { promptText: '🐱'.repeat(200) }));
    clock.advance(1500);
    expect(sent[0]!.body).toBe(`“${'🐱'.repeat(79)}…”`);
  });
});

describe('summaries', () => {
  it('three videos finishing within the window give one summary that opens the list', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('a', { promptText: 'first' }));
    clock.advance(500);
    policy.onFinished(task('b', { promptText: 'second' }));
    clock.advance(500);
    policy.onFinished(task('c', { promptText: 'third' }));
    clock.advance(500);
    expect(sent).toEqual([
      {
        kind: 'summary',
        taskId: null,
        title: '3 videos ready',
        body: '✓ first\n✓ second\n✓ third',
      },
    ]);
  });

  it('mixed endings say how many of each', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('a', { promptText: 'one' }));
    policy.onFailed(failedTask('b', 'boom', { promptText: 'two' }));
    policy.onFinished(task('c', { promptText: 'three' }));
    clock.advance(1500);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title).toBe('2 ready, 1 failed');
    expect(sent[0]!.body).toBe('✓ one\n✗ two\n✓ three');
  });

  it('only failures: "N videos failed"', () => {
    const { clock, policy, sent } = setup();
    policy.onFailed(failedTask('a', 'x'));
    policy.onFailed(failedTask('b', 'y'));
    clock.advance(1500);
    expect(sent[0]!.title).toBe('2 videos failed');
  });

  it('many endings list three and count the rest', () => {
    const { clock, policy, sent } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) policy.onFinished(task(id, { promptText: id }));
    clock.advance(1500);
    expect(sent[0]!.title).toBe('5 videos ready');
    expect(sent[0]!.body).toBe('✓ a\n✓ b\n✓ c\nand 2 more');
  });

  it('the window is fixed from the first ending: a later ending starts the next batch', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('a'));
    clock.advance(1000);
    policy.onFinished(task('b'));
    clock.advance(500); // first window closes: a and b
    policy.onFinished(task('c'));
    clock.advance(1499);
    expect(sent.map((r) => r.title)).toEqual(['2 videos ready']);
    clock.advance(1);
    expect(sent.map((r) => [r.title, r.taskId])).toEqual([
      ['2 videos ready', null],
      ['Video ready', 'c'],
    ]);
  });

  it('the same task ending twice in a window counts once, in its last state', () => {
    const { clock, policy, sent } = setup();
    policy.onFailed(failedTask('a', 'first try broke'));
    policy.onFinished(task('a', { promptText: 'retry worked' }));
    clock.advance(1500);
    expect(sent).toEqual([
      { kind: 'finished', taskId: 'a', title: 'Video ready', body: '“retry worked”' },
    ]);
  });

  it('the window length is configurable', () => {
    const { clock, policy, sent } = setup({ windowMs: 200 });
    policy.onFinished(task('a'));
    clock.advance(199);
    policy.onFinished(task('b'));
    clock.advance(1);
    expect(sent.map((r) => r.title)).toEqual(['2 videos ready']);
  });

  it('rejects a nonsensical window', () => {
    expect(() => createNotificationPolicy({ enabled: () => true, windowMs: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('the notifications setting', () => {
  it('off: nothing is sent and nothing is queued for when it comes back on', () => {
    let enabled = false;
    const { clock, policy, sent } = setup({ enabled: () => enabled });
    policy.onFinished(task('a'));
    policy.onFailed(failedTask('b', 'x'));
    expect(clock.liveTimers()).toBe(0);
    enabled = true;
    clock.advance(5000);
    policy.flush();
    expect(sent).toEqual([]);
    policy.onFinished(task('c'));
    clock.advance(1500);
    expect(sent.map((r) => r.taskId)).toEqual(['c']);
  });

  it('switched off while a batch waits: the batch is dropped', () => {
    let enabled = true;
    const { clock, policy, sent } = setup({ enabled: () => enabled });
    policy.onFinished(task('a'));
    enabled = false;
    clock.advance(1500);
    enabled = true;
    clock.advance(1500);
    expect(sent).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('flush sends what waits now and cancels the timer', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('a'));
    policy.flush();
    expect(sent.map((r) => r.taskId)).toEqual(['a']);
    expect(clock.liveTimers()).toBe(0);
    clock.advance(1500);
    expect(sent).toHaveLength(1);
  });

  it('dispose drops pending endings, stops the timer, and ignores later events', () => {
    const { clock, policy, sent } = setup();
    policy.onFinished(task('a'));
    policy.dispose();
    expect(clock.liveTimers()).toBe(0);
    policy.onFinished(task('b'));
    clock.advance(5000);
    expect(sent).toEqual([]);
  });

  it('an unsubscribed listener hears nothing; a throwing listener does not silence others', () => {
    const { clock, policy, sent } = setup();
    const other: NotificationRequest[] = [];
    const stop = policy.onNotify((r) => other.push(r));
    policy.onNotify(() => {
      throw new Error('notifier broke');
    });
    stop();
    policy.onFinished(task('a'));
    clock.advance(1500);
    expect(sent).toHaveLength(1);
    expect(other).toEqual([]);
  });

  it('uses real timers by default', async () => {
    const policy = createNotificationPolicy({ enabled: () => true, windowMs: 20 });
    const got = new Promise<NotificationRequest>((resolve) => policy.onNotify(resolve));
    policy.onFinished(task('real'));
    const request = await Promise.race([
      got,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no notification')), 2000),
      ),
    ]);
    expect(request.taskId).toBe('real');
    policy.dispose();
  });
});

describe('connectTracker', () => {
  it('feeds finished and failed events, ignores stalled, and stops when disconnected', () => {
    const { clock, policy, sent } = setup();
    const events = new EventEmitter();
    const disconnect = connectTracker(events as unknown as TaskTracker, policy);
    events.emit('stalled', task('s', { state: 'stalled' }));
    clock.advance(1500);
    expect(sent).toEqual([]);
    events.emit('finished', task('a'));
    events.emit('failed', failedTask('b', 'x'));
    clock.advance(1500);
    expect(sent.map((r) => r.title)).toEqual(['1 ready, 1 failed']);
    disconnect();
    expect(events.listenerCount('finished') + events.listenerCount('failed')).toBe(0);
  });
});

describe('in 简体中文, switching language between notifications', () => {
  it('single, failed (server words marked, as sent) and summaries follow the language of the moment', () => {
    let locale: 'en' | 'zh-Hans' = 'zh-Hans';
    const { clock, policy, sent } = setup({ text: () => mainText(locale) });
    policy.onFinished(task('t1', { promptText: '一只红狐狸' }));
    clock.advance(1500);
    policy.onFailed(failedTask('t2', '内容违规', { promptText: '' }));
    clock.advance(1500);
    for (const id of ['a', 'b', 'c', 'd'])
      policy.onFinished(task(id, { promptText: `视频 ${id}` }));
    policy.onFailed(failedTask('e', 'x'));
    clock.advance(1500);
    for (const id of ['f', 'g']) policy.onFinished(task(id));
    clock.advance(1500);
    expect(sent.slice(0, 4)).toEqual([
      { kind: 'finished', taskId: 't1', title: '视频已就绪', body: '“一只红狐狸”' },
      { kind: 'failed', taskId: 't2', title: '生成失败', body: '任务 t2\n服务器返回：“内容违规”' },
      {
        kind: 'summary',
        taskId: null,
        title: '4 个已就绪，1 个失败',
        body: '✓ 视频 a\n✓ 视频 b\n✓ 视频 c\n还有 2 个',
      },
      { kind: 'summary', taskId: null, title: '2 个视频已就绪', body: sent[3]!.body },
    ]);
    // The setting changes: the next notification is in English, without a restart.
    locale = 'en';
    policy.onFailed(failedTask('t9', 'Quota exceeded'));
    clock.advance(1500);
    expect(sent.at(-1)).toMatchObject({
      title: 'Generation failed',
      body: expect.stringContaining('The server said: “Quota exceeded”'),
    });
  });
});

describe('a failure known only from a poll error (a ref) reads in the language of the moment', () => {
  it('renders the stored ref in zh, then in en; without a ref the stored English is used', () => {
    let locale: 'en' | 'zh-Hans' = 'zh-Hans';
    const { clock, policy, sent } = setup({ text: () => mainText(locale) });
    const ref = say('tasks.unknownGaveUp', 'abc123', 3);
    const gaveUp = task('abc123', {
      state: 'failed',
      promptText: '',
      lastError: { kind: 'unknown-task', message: renderMessage(ref, 'en'), ref },
    });
    policy.onFailed(gaveUp);
    clock.advance(1500);
    expect(sent.at(-1)!.body).toBe(
      '任务 abc123\n未知的任务 ID abc123：服务器连续 3 次表示没有这个任务。请检查 ID；点“重新检查”可再试一次。',
    );
    locale = 'en';
    policy.onFailed({ ...gaveUp, id: 'abc124' });
    clock.advance(1500);
    expect(sent.at(-1)!.body).toMatch(/\nUnknown task id abc123: the server said 3 times/);
    locale = 'zh-Hans';
    policy.onFailed({
      ...gaveUp,
      id: 'abc125',
      lastError: { kind: 'server', message: 'Stored English only.' },
    });
    clock.advance(1500);
    expect(sent.at(-1)!.body).toBe('任务 abc125\nStored English only.');
  });
});
