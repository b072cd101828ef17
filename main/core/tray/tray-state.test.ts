import { describe, expect, it } from 'vitest';
import { isEnded, newTask, type TaskState, type TrackedTask } from '../tasks/model';
import { INITIAL_TRAY_INPUT, reduceTrayInput, type TrayAction } from './tray-input';
import {
  sameTrayState,
  TOOLTIP_MAX,
  TRAY_STATES,
  trayStateFrom,
  type TrayError,
  type TrayInput,
  type TrayStateName,
} from './tray-state';

let clock = 0;
function task(id: string, state: TaskState, patch: Partial<TrackedTask> = {}): TrackedTask {
  return {
    ...newTask(id, ++clock),
    promptText: `prompt ${id}`,
    state,
    progress: state === 'running' ? 45 : state === 'finished' ? 100 : null,
    endedAt: isEnded(state) ? clock : null,
    seen: !isEnded(state),
    ...patch,
  };
}

function input(patch: Partial<TrayInput>): TrayInput {
  return { ...INITIAL_TRAY_INPUT, ...patch };
}

function run(start: TrayInput, actions: TrayAction[]): TrayInput {
  return actions.reduce(reduceTrayInput, start);
}

const r1 = task('r1', 'running');
const f1 = task('f1', 'finished');

/** One input per state, as the app would hold it. */
const START: Record<TrayStateName, TrayInput> = {
  idle: input({}),
  working: input({ tasks: [r1] }),
  unseen: input({ tasks: [f1] }),
  error: input({ tasks: [r1], tokenRejected: true }),
  paused: input({ tasks: [r1], paused: true }),
};

const ok = { paused: false, tokenRejected: false } as const;

/** Every move between two different states, by the events that cause it in the app. */
const TRANSITIONS: [from: TrayStateName, to: TrayStateName, why: string, actions: TrayAction[]][] =
  [
    ['idle', 'working', 'a task is added', [{ type: 'upsert', task: r1 }]],
    ['idle', 'unseen', 'an added task is already done', [{ type: 'upsert', task: f1 }]],
    [
      'idle',
      'error',
      'the token is rejected',
      [{ type: 'status', paused: false, tokenRejected: true }],
    ],
    ['idle', 'paused', 'the user pauses', [{ type: 'status', paused: true, tokenRejected: false }]],
    ['working', 'idle', 'the only task is removed', [{ type: 'remove', taskId: 'r1' }]],
    [
      'working',
      'idle',
      'it finishes while the user watches',
      [{ type: 'upsert', task: { ...f1, id: 'r1', seen: true } }],
    ],
    ['working', 'unseen', 'the task finishes', [{ type: 'upsert', task: { ...f1, id: 'r1' } }]],
    ['working', 'unseen', 'the task fails', [{ type: 'upsert', task: task('r1', 'failed') }]],
    ['working', 'error', 'the network goes away', [{ type: 'online', online: false }]],
    [
      'working',
      'error',
      'the token is rejected',
      [{ type: 'status', paused: false, tokenRejected: true }],
    ],
    [
      'working',
      'paused',
      'the user pauses',
      [{ type: 'status', paused: true, tokenRejected: false }],
    ],
    ['unseen', 'idle', 'the user sees the video', [{ type: 'seen', taskIds: ['f1'] }]],
    ['unseen', 'idle', 'the user removes the video', [{ type: 'remove', taskId: 'f1' }]],
    ['unseen', 'working', 'another task starts', [{ type: 'upsert', task: task('r2', 'queued') }]],
    [
      'unseen',
      'error',
      'the token is rejected',
      [{ type: 'status', paused: false, tokenRejected: true }],
    ],
    [
      'unseen',
      'paused',
      'the user pauses',
      [{ type: 'status', paused: true, tokenRejected: false }],
    ],
    ['error', 'working', 'a new token is accepted', [{ type: 'status', ...ok }]],
    [
      'error',
      'idle',
      'the task is removed, then the token fixed',
      [
        { type: 'remove', taskId: 'r1' },
        { type: 'status', ...ok },
      ],
    ],
    [
      'error',
      'unseen',
      'the token is fixed and the task turns out done',
      [
        { type: 'status', ...ok },
        { type: 'upsert', task: { ...f1, id: 'r1' } },
      ],
    ],
    [
      'error',
      'paused',
      'a new token is set while paused',
      [{ type: 'status', paused: true, tokenRejected: false }],
    ],
    ['paused', 'working', 'the user resumes', [{ type: 'status', ...ok }]],
    [
      'paused',
      'idle',
      'the task is removed and the user resumes',
      [
        { type: 'remove', taskId: 'r1' },
        { type: 'status', ...ok },
      ],
    ],
    [
      'paused',
      'unseen',
      'resumed, and the first check finds it done',
      [
        { type: 'status', ...ok },
        { type: 'upsert', task: { ...f1, id: 'r1' } },
      ],
    ],
    [
      'paused',
      'error',
      'the token is rejected (a token test while paused)',
      [{ type: 'status', paused: true, tokenRejected: true }],
    ],
  ];

describe('tray states', () => {
  it.each(TRAY_STATES)('the %s start input is in that state', (state) => {
    expect(trayStateFrom(START[state]).state).toBe(state);
  });

  it.each(TRANSITIONS)('%s -> %s when %s', (from, to, _why, actions) => {
    expect(trayStateFrom(START[from]).state).toBe(from);
    expect(trayStateFrom(run(START[from], actions)).state).toBe(to);
  });

  it('the table covers every ordered pair of different states', () => {
    const pairs = new Set(TRANSITIONS.map(([from, to]) => `${from}->${to}`));
    const all = TRAY_STATES.flatMap((a) =>
      TRAY_STATES.filter((b) => b !== a).map((b) => `${a}->${b}`),
    );
    expect([...pairs].sort()).toEqual(all.sort());
  });
});

/** The two errors look alike but leave differently: every move into and out of each. */
type Shown = Exclude<TrayStateName, 'error'> | TrayError;
const shownOf = (i: TrayInput): Shown => {
  const s = trayStateFrom(i);
  return s.state === 'error' ? s.error! : s.state;
};
const OFFLINE = input({ tasks: [r1], online: false });
const ERROR_MOVES: [from: TrayInput, to: Shown, why: string, actions: TrayAction[]][] = [
  [OFFLINE, 'working', 'the network comes back', [{ type: 'online', online: true }]],
  [OFFLINE, 'idle', 'the waiting task is removed', [{ type: 'remove', taskId: 'r1' }]],
  [
    OFFLINE,
    'unseen',
    'back online, the task turns out done',
    [
      { type: 'online', online: true },
      { type: 'upsert', task: { ...f1, id: 'r1' } },
    ],
  ],
  [OFFLINE, 'paused', 'the user pauses', [{ type: 'status', paused: true, tokenRejected: false }]],
  [
    OFFLINE,
    'token-rejected',
    'a token test is refused',
    [{ type: 'status', paused: false, tokenRejected: true }],
  ],
  [
    START.idle,
    'offline',
    'a task is added while offline',
    [
      { type: 'online', online: false },
      { type: 'upsert', task: r1 },
    ],
  ],
  [
    START.unseen,
    'offline',
    'a new task waits for the network',
    [
      { type: 'online', online: false },
      { type: 'upsert', task: r1 },
    ],
  ],
  [
    START.paused,
    'offline',
    'resumed with no network',
    [
      { type: 'online', online: false },
      { type: 'status', ...ok },
    ],
  ],
  [
    START.error,
    'offline',
    'a new token, but no network',
    [
      { type: 'online', online: false },
      { type: 'status', ...ok },
    ],
  ],
];

describe('error kinds', () => {
  it.each(ERROR_MOVES)('%# -> %s when %s', (from, to, _why, actions) => {
    expect(shownOf(from)).not.toBe(to);
    expect(shownOf(run(from, actions))).toBe(to);
  });

  it('every state is left for offline and offline for every state', () => {
    const into = ERROR_MOVES.filter(([, to]) => to === 'offline').map(([f]) => shownOf(f));
    const outOf = ERROR_MOVES.filter(([f]) => shownOf(f) === 'offline').map(([, to]) => to);
    const others: Shown[] = ['idle', 'working', 'unseen', 'paused', 'token-rejected'];
    // working -> offline is in the table above ('the network goes away').
    expect([...into, 'working'].sort()).toEqual([...others].sort());
    expect([...outOf].sort()).toEqual([...others].sort());
  });
});

describe('precedence', () => {
  it('token rejected outranks paused, offline, working and unseen', () => {
    const s = trayStateFrom(
      input({ tasks: [r1, f1], tokenRejected: true, paused: true, online: false }),
    );
    expect(s).toMatchObject({ state: 'error', error: 'token-rejected', badgeCount: 1 });
  });

  it('paused outranks offline: nothing is being checked anyway', () => {
    expect(trayStateFrom(input({ tasks: [r1], paused: true, online: false })).state).toBe('paused');
  });

  it('offline is an error only while tasks need checking', () => {
    expect(trayStateFrom(input({ online: false }))).toEqual({
      state: 'idle',
      tooltip: 'Pika Tray — offline',
    });
    expect(trayStateFrom(input({ tasks: [f1], online: false }))).toEqual({
      state: 'unseen',
      tooltip: '1 new video ready\nOffline',
      badgeCount: 1,
    });
    const offline = input({ tasks: [r1], online: false });
    expect(trayStateFrom(offline)).toMatchObject({ state: 'error', error: 'offline' });
    expect(trayStateFrom(run(offline, [{ type: 'online', online: true }])).state).toBe('working');
  });

  it('working outranks unseen, but the badge still counts the unseen video', () => {
    expect(trayStateFrom(input({ tasks: [r1, f1] }))).toEqual({
      state: 'working',
      tooltip: '1 video generating — 45%\n1 new video ready',
      badgeCount: 1,
    });
  });
});

describe('tooltips', () => {
  it('idle', () => {
    expect(trayStateFrom(input({}))).toEqual({
      state: 'idle',
      tooltip: 'Pika Tray — no videos generating',
    });
    // Seen, ended tasks do not count.
    expect(trayStateFrom(input({ tasks: [{ ...f1, seen: true }] })).tooltip).toBe(
      'Pika Tray — no videos generating',
    );
  });

  it('working lists progress in the order tasks were added', () => {
    const a = task('a', 'running', { progress: 45 });
    const b = task('b', 'running', { progress: 79.6 });
    expect(trayStateFrom(input({ tasks: [b, a] })).tooltip).toBe('2 videos generating — 45%, 80%');
  });

  it('working names queued, not-yet-reporting and stalled tasks', () => {
    const tasks = [
      task('q', 'queued'),
      task('s', 'running', { progress: null }),
      task('st', 'stalled', { progress: 99 }),
    ];
    expect(trayStateFrom(input({ tasks })).tooltip).toBe(
      '3 videos generating — queued, starting, stalled',
    );
  });

  it('working with many tasks lists four and an ellipsis', () => {
    const tasks = [10, 20, 30, 40, 50, 60].map((p) => task(`p${p}`, 'running', { progress: p }));
    expect(trayStateFrom(input({ tasks })).tooltip).toBe(
      '6 videos generating — 10%, 20%, 30%, 40%, …',
    );
  });

  it('unseen counts ready and failed videos', () => {
    const tasks = [f1, task('f2', 'finished'), task('x', 'failed')];
    expect(trayStateFrom(input({ tasks }))).toEqual({
      state: 'unseen',
      tooltip: '2 new videos ready, 1 failed',
      badgeCount: 3,
    });
    expect(trayStateFrom(input({ tasks: [task('x', 'failed')] })).tooltip).toBe('1 video failed');
  });

  it('error says which error', () => {
    expect(trayStateFrom(START.error)).toEqual({
      state: 'error',
      error: 'token-rejected',
      tooltip: 'Pika token rejected — add a new one in Settings\n1 video waiting',
    });
    expect(trayStateFrom(input({ tasks: [r1, task('r2', 'queued')], online: false }))).toEqual({
      state: 'error',
      error: 'offline',
      tooltip: 'Offline — 2 videos waiting for the connection',
    });
  });

  it('paused says what waits', () => {
    expect(trayStateFrom(START.paused).tooltip).toBe('Paused — 1 video waiting to be checked');
    expect(trayStateFrom(input({ paused: true })).tooltip).toBe('Paused');
    expect(trayStateFrom(input({ paused: true, tasks: [f1] }))).toEqual({
      state: 'paused',
      tooltip: 'Paused\n1 new video ready',
      badgeCount: 1,
    });
  });

  it('never exceeds the Windows tooltip limit', () => {
    const tasks = [
      ...Array.from({ length: 200 }, (_, i) => task(`r${i}`, 'running')),
      ...Array.from({ length: 300 }, (_, i) => task(`f${i}`, 'finished')),
      ...Array.from({ length: 100 }, (_, i) => task(`x${i}`, 'failed')),
    ];
    for (const extra of [{}, { tokenRejected: true }, { paused: true }, { online: false }]) {
      const tip = trayStateFrom(input({ tasks, ...extra })).tooltip;
      expect(Array.from(tip).length).toBeLessThanOrEqual(TOOLTIP_MAX);
    }
  });
});

describe('marking seen', () => {
  it('unseen clears as tasks are marked seen, one by one', () => {
    let state = input({ tasks: [f1, task('f2', 'finished'), task('x', 'failed')] });
    expect(trayStateFrom(state).badgeCount).toBe(3);
    state = reduceTrayInput(state, { type: 'seen', taskIds: ['f1', 'x'] });
    expect(trayStateFrom(state)).toEqual({
      state: 'unseen',
      tooltip: '1 new video ready',
      badgeCount: 1,
    });
    state = reduceTrayInput(state, { type: 'seen', taskIds: ['f2', 'unknown-id'] });
    expect(trayStateFrom(state)).toEqual({
      state: 'idle',
      tooltip: 'Pika Tray — no videos generating',
    });
  });

  it('marking seen drops the badge in working state too', () => {
    const state = reduceTrayInput(input({ tasks: [r1, f1] }), { type: 'seen', taskIds: ['f1'] });
    expect(trayStateFrom(state)).toEqual({ state: 'working', tooltip: '1 video generating — 45%' });
  });
});

describe('proxy unreachable', () => {
  const PROXY = 'http://127.0.0.1:7890';
  const failing = input({ tasks: [r1], proxyUnreachable: PROXY });

  it('names the proxy instead of blaming the network', () => {
    expect(trayStateFrom(failing)).toEqual({
      state: 'error',
      error: 'proxy-unreachable',
      tooltip: 'Proxy unreachable (http://127.0.0.1:7890) — 1 video waiting',
    });
    expect(trayStateFrom(failing).tooltip).not.toMatch(/offline|connection/i);
  });

  it.each<[string, TrayAction[], Shown]>([
    ['the proxy answers again', [{ type: 'proxy', proxy: null }], 'working'],
    [
      'the machine goes offline (offline is the truer story)',
      [{ type: 'online', online: false }],
      'offline',
    ],
    ['the user pauses', [{ type: 'status', paused: true, tokenRejected: false }], 'paused'],
    [
      'the token is rejected',
      [{ type: 'status', paused: false, tokenRejected: true }],
      'token-rejected',
    ],
    ['the waiting task is removed', [{ type: 'remove', taskId: 'r1' }], 'idle'],
    [
      'the proxy is back and the task turns out done',
      [
        { type: 'proxy', proxy: null },
        { type: 'upsert', task: { ...f1, id: 'r1' } },
      ],
      'unseen',
    ],
  ])('proxy-unreachable -> %s', (_why, actions, to) => {
    expect(shownOf(run(failing, actions))).toBe(to);
  });

  it('is entered from working when the proxy fails, and only while tasks wait', () => {
    expect(shownOf(run(START.working, [{ type: 'proxy', proxy: PROXY }]))).toBe(
      'proxy-unreachable',
    );
    expect(trayStateFrom(input({ proxyUnreachable: PROXY }))).toEqual({
      state: 'idle',
      tooltip: 'Pika Tray — proxy unreachable (http://127.0.0.1:7890)',
    });
    expect(trayStateFrom(input({ tasks: [f1], proxyUnreachable: PROXY }))).toEqual({
      state: 'unseen',
      tooltip: '1 new video ready\nProxy unreachable (http://127.0.0.1:7890)',
      badgeCount: 1,
    });
  });

  it('stays under the tooltip limit with a long proxy name', () => {
    const long = `http://${'p'.repeat(200)}.example:8080`;
    const tasks = Array.from({ length: 50 }, (_, i) => task(`r${i}`, 'running'));
    const tip = trayStateFrom(input({ tasks, proxyUnreachable: long })).tooltip;
    expect(Array.from(tip).length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });
});

describe('reducer and change detection', () => {
  it('does not mutate its input', () => {
    const start = input({ tasks: [f1] });
    const frozen = JSON.stringify(start);
    run(start, [
      { type: 'upsert', task: r1 },
      { type: 'seen', taskIds: ['f1'] },
      { type: 'remove', taskId: 'f1' },
      { type: 'status', paused: true, tokenRejected: true },
      { type: 'online', online: false },
    ]);
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it('upsert replaces a task in place; tasks replaces the list', () => {
    const a = run(input({}), [
      { type: 'upsert', task: r1 },
      { type: 'upsert', task: { ...r1, progress: 80 } },
    ]);
    expect(a.tasks).toEqual([{ ...r1, progress: 80 }]);
    expect(run(a, [{ type: 'tasks', tasks: [f1] }]).tasks).toEqual([f1]);
  });

  it('sameTrayState tells a progress tick from a no-op', () => {
    const before = trayStateFrom(START.working);
    const same = trayStateFrom(
      run(START.working, [{ type: 'upsert', task: { ...r1, attempts: 9 } }]),
    );
    const ticked = trayStateFrom(
      run(START.working, [{ type: 'upsert', task: { ...r1, progress: 50 } }]),
    );
    expect(sameTrayState(before, same)).toBe(true);
    expect(sameTrayState(before, ticked)).toBe(false);
    expect(
      sameTrayState(
        trayStateFrom(START.unseen),
        trayStateFrom(input({ tasks: [f1, task('f2', 'finished')] })),
      ),
    ).toBe(false);
  });
});

describe('credit line', () => {
  it('ends the tooltip in every state, and is cut first when the tooltip is long', () => {
    for (const state of TRAY_STATES) {
      const tooltip = trayStateFrom({ ...START[state], credit: 'Credit: $3.61' }).tooltip;
      expect(tooltip.split('\n').at(-1)).toBe('Credit: $3.61');
      expect(trayStateFrom(START[state]).tooltip).not.toContain('Credit');
    }
    const many = Array.from({ length: 12 }, (_, i) => task(`long-${i}`, 'running'));
    const long = trayStateFrom(input({ tasks: many, credit: 'Credit: unlimited' })).tooltip;
    expect(Array.from(long).length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(long.startsWith('12 videos generating')).toBe(true);
  });

  it('a new credit figure is a different tray state (so the driver applies it)', () => {
    const a = trayStateFrom(input({ credit: 'Credit: $3.61' }));
    const b = trayStateFrom(input({ credit: 'Credit: $2.10' }));
    expect(sameTrayState(a, b)).toBe(false);
  });
});
