// The task list through the whole app: store updates, filter and search, per-task actions.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { callsTo, createFakeBridge } from '../test-support/fake-bridge';
import { finishedTask, makeTask, makeVideo } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

const card = (id: string) => document.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
const cardOf = async (id: string) => {
  await waitFor(() => expect(card(id)).not.toBeNull());
  return card(id)!;
};

describe('task list', () => {
  it('shows tasks and follows pushed changes: progress, finish, removal', async () => {
    const t = makeTask({ promptText: 'a corgi surfing', progress: 12 });
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    const el = await cardOf(t.id);
    expect(within(el).getByText('Running')).toBeTruthy();
    expect(within(el).getByText('12%')).toBeTruthy();
    bridge.emit('tasks:changed', [{ type: 'patch', id: t.id, patch: { progress: 57 } }]);
    await waitFor(() => expect(within(card(t.id)!).getByText('57%')).toBeTruthy());
    const done = finishedTask({ id: t.id, promptText: 'a corgi surfing', addedAt: t.addedAt });
    bridge.emit('tasks:changed', [{ type: 'upsert', task: done }]);
    await waitFor(() => expect(within(card(t.id)!).getByText('Finished')).toBeTruthy());
    bridge.emit('tasks:changed', [{ type: 'remove', id: t.id }]);
    await screen.findByText('No tasks yet');
  });

  it('a card shows poster, prompt, badge, seed, duration, time since added and errors', async () => {
    const now = Date.now();
    const withPoster = makeTask({
      promptText: 'a heron at dawn',
      addedAt: now - 3 * 60_000,
      videos: [
        makeVideo({ seed: 4242, duration: 105, videoPoster: 'https://cdn.example/heron.jpg' }),
      ],
      lastError: { kind: 'server', message: 'The gateway answered 502; trying again.' },
    });
    const failed = makeTask({
      state: 'failed',
      promptText: 'a glass dragon',
      videos: [
        makeVideo({
          state: 'failed',
          status: 'error',
          error: 'Content policy violation',
          videoPoster: 'http://cdn.example/dragon.jpg',
        }),
      ],
    });
    renderApp(createFakeBridge({ tasks: [withPoster, failed] }));
    const el = await cardOf(withPoster.id);
    // Running: no poster yet (main serves finished videos' posters; see media.test.tsx).
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.poster-none')).not.toBeNull();
    expect(within(el).getByText('a heron at dawn')).toBeTruthy();
    expect(within(el).getByText('Running')).toBeTruthy();
    expect(within(el).getByText('seed 4242')).toBeTruthy();
    expect(within(el).getByText('1:45')).toBeTruthy();
    expect(within(el).getByText('added 3 minutes ago')).toBeTruthy();
    expect(within(el).getByText('The gateway answered 502; trying again.')).toBeTruthy();
    const bad = card(failed.id)!;
    expect(bad.querySelector('img')).toBeNull();
    expect(bad.querySelector('.poster-none')).not.toBeNull();
    expect(bad.querySelector('.badge-failed')?.textContent).toBe('Failed');
    expect(within(bad).getByText('Server said: Content policy violation')).toBeTruthy();
  });

  it('filters by state and searches prompts', async () => {
    const tasks = [
      makeTask({ promptText: 'cat on a boat', state: 'running' }),
      finishedTask({ promptText: 'dog on a boat' }),
      makeTask({ promptText: 'cat in space', state: 'failed' }),
    ];
    renderApp(createFakeBridge({ tasks }));
    await screen.findByText('cat on a boat');
    const shown = () => [...document.querySelectorAll('.prompt')].map((p) => p.textContent);
    fireEvent.click(screen.getByRole('radio', { name: /Failed/ }));
    await waitFor(() => expect(shown()).toEqual(['cat in space']));
    fireEvent.click(screen.getByRole('radio', { name: /All/ }));
    fireEvent.input(screen.getByLabelText('Search prompts'), { target: { value: 'BOAT' } });
    await waitFor(() => expect(shown().sort()).toEqual(['cat on a boat', 'dog on a boat']));
    fireEvent.click(screen.getByRole('radio', { name: /Finished/ }));
    await waitFor(() => expect(shown()).toEqual(['dog on a boat']));
    fireEvent.input(screen.getByLabelText('Search prompts'), { target: { value: 'space' } });
    await screen.findByText(/No finished tasks match/);
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(shown()).toHaveLength(3));
  });

  it('shows a status the app does not know, raw, beside the badge', async () => {
    const t = makeTask({ videos: [makeVideo({ status: 'rendering_v2', state: 'running' })] });
    renderApp(createFakeBridge({ tasks: [t] }));
    const el = await cardOf(t.id);
    expect(within(el).getByText('rendering_v2')).toBeTruthy();
    expect(within(el).getByText('Running')).toBeTruthy();
  });

  it('Open plays the downloaded file, or asks main to open the video link by reference', async () => {
    const local = finishedTask();
    local.downloads = { [local.videos[0]!.id]: { status: 'done', path: '/v/a.mp4', bytes: 10 } };
    const remote = finishedTask();
    const bridge = createFakeBridge({ tasks: [local, remote] });
    renderApp(bridge);
    fireEvent.click(within(await cardOf(local.id)).getByRole('button', { name: 'Open' }));
    fireEvent.click(within(await cardOf(remote.id)).getByRole('button', { name: 'Open' }));
    await waitFor(() =>
      expect(callsTo(bridge, 'tasks.openFile')).toEqual([
        [{ taskId: local.id, videoId: local.videos[0]!.id }],
      ]),
    );
    await waitFor(() =>
      expect(callsTo(bridge, 'tasks.openLink')).toEqual([
        [{ taskId: remote.id, videoId: remote.videos[0]!.id }],
      ]),
    );
    // Downloaded: Show in folder; not downloaded: Download.
    fireEvent.click(within(card(local.id)!).getByRole('button', { name: 'Show in folder' }));
    fireEvent.click(within(card(remote.id)!).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(callsTo(bridge, 'tasks.revealFile')).toHaveLength(1));
    await waitFor(() =>
      expect(callsTo(bridge, 'tasks.download')).toEqual([
        [{ taskId: remote.id, videoId: remote.videos[0]!.id }],
      ]),
    );
  });

  it('shows download progress, and a failed download with Retry', async () => {
    const going = finishedTask();
    going.downloads = {
      [going.videos[0]!.id]: {
        status: 'downloading',
        bytes: 1024 * 1024,
        total: 4 * 1024 * 1024,
        rate: null,
      },
    };
    const broken = finishedTask();
    broken.downloads = {
      [broken.videos[0]!.id]: { status: 'failed', message: 'link expired (403)' },
    };
    const bridge = createFakeBridge({ tasks: [going, broken] });
    renderApp(bridge);
    const g = await cardOf(going.id);
    expect(within(g).getByText('1 MB of 4 MB')).toBeTruthy();
    expect(
      within(g)
        .getByRole('progressbar', { name: 'Download progress' })
        .getAttribute('aria-valuenow'),
    ).toBe('25');
    expect(within(g).queryByRole('button', { name: 'Download' })).toBeNull();
    const b = await cardOf(broken.id);
    expect(within(b).getByText(/Download failed: link expired \(403\)/)).toBeTruthy();
    fireEvent.click(within(b).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(callsTo(bridge, 'tasks.download')).toHaveLength(1));
  });

  it('copies the task id, result and share URLs from the menu', async () => {
    const t = finishedTask();
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    const menuItem = async (name: string) => {
      fireEvent.click(within(await cardOf(t.id)).getByRole('button', { name: 'More actions' }));
      fireEvent.click(await screen.findByRole('menuitem', { name }));
    };
    await menuItem('Copy task id');
    await menuItem('Copy video URL');
    await menuItem('Copy share URL');
    await waitFor(() =>
      expect(callsTo(bridge, 'app.copyText')).toEqual([
        [t.id],
        [t.videos[0]!.resultUrl],
        [t.videos[0]!.sharingUrl],
      ]),
    );
    await screen.findByText('Task id copied');
    await menuItem('Check again now');
    await waitFor(() => expect(callsTo(bridge, 'tasks.recheck')).toEqual([[t.id]]));
  });

  it('remove hides at once with Undo; undone, main is never asked', async () => {
    const t = makeTask({ promptText: 'keep me' });
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    fireEvent.click(within(await cardOf(t.id)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Remove from list' }));
    await waitFor(() => expect(card(t.id)).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await cardOf(t.id);
    await new Promise((r) => setTimeout(r, 10));
    expect(callsTo(bridge, 'tasks.remove')).toEqual([]);
  });

  it('remove is sent to main once the undo offer goes', async () => {
    const t = makeTask({ promptText: 'drop me' });
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    fireEvent.click(within(await cardOf(t.id)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Remove from list' }));
    const notice = (await screen.findByText(/removed/)).closest('.notice')!;
    fireEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(callsTo(bridge, 'tasks.remove')).toEqual([[t.id]]));
  });

  it('a downloaded card is draggable: dragstart asks main to drag the file', async () => {
    const t = finishedTask();
    t.downloads = { [t.videos[0]!.id]: { status: 'done', path: '/v/a.mp4', bytes: 10 } };
    const pending = makeTask();
    const bridge = createFakeBridge({ tasks: [t, pending] });
    renderApp(bridge);
    const el = await cardOf(t.id);
    expect(el.getAttribute('draggable')).toBe('true');
    expect((await cardOf(pending.id)).getAttribute('draggable')).not.toBe('true');
    const drag = new Event('dragstart', { bubbles: true, cancelable: true });
    el.dispatchEvent(drag);
    expect(drag.defaultPrevented).toBe(true);
    expect(callsTo(bridge, 'tasks.startDrag')).toEqual([
      [{ taskId: t.id, videoId: t.videos[0]!.id }],
    ]);
  });

  it('a task with several videos lists each with its own state and buttons', async () => {
    const t = finishedTask({
      videos: [
        makeVideo({ status: 'finished', state: 'finished', resultUrl: 'https://cdn/1.mp4' }),
        makeVideo({ status: 'error', state: 'failed', error: 'NSFW' }),
      ],
    });
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    const el = await cardOf(t.id);
    expect(el.querySelectorAll('.video-row')).toHaveLength(2);
    expect(within(el).getByText(/failed · Server said: NSFW/)).toBeTruthy();
    fireEvent.click(within(el).getByRole('button', { name: 'Download video 1' }));
    await waitFor(() =>
      expect(callsTo(bridge, 'tasks.download')).toEqual([
        [{ taskId: t.id, videoId: t.videos[0]!.id }],
      ]),
    );
  });

  it('renders only a window of a long list', async () => {
    const tasks = Array.from({ length: 3000 }, (_, i) =>
      makeTask({ addedAt: i, promptText: `task ${i}` }),
    );
    renderApp(createFakeBridge({ tasks }));
    await screen.findByText('task 2999');
    expect(document.querySelectorAll('.card').length).toBeLessThan(30);
    expect(screen.getByRole('radio', { name: /All/ }).textContent).toContain('3000');
  });

  it('"New video from this prompt" and "Extend" open the New video view started from the task', async () => {
    const t = finishedTask({ promptText: 'a paper boat on a pond' });
    renderApp(createFakeBridge({ tasks: [t] }));
    fireEvent.click(within(await cardOf(t.id)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'New video from this prompt…' }));
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'New video' }).getAttribute('aria-selected')).toBe(
        'true',
      ),
    );
    await waitFor(() =>
      expect((document.getElementById('nv-prompt') as HTMLTextAreaElement | null)?.value).toBe(
        'a paper boat on a pond',
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Tasks' }));
    fireEvent.click(within(await cardOf(t.id)).getByRole('button', { name: 'More actions' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Extend this video…' }));
    await waitFor(() => expect(document.body.textContent).toContain(t.videos[0]!.resultUrl!));
  });

  it('marks finished tasks seen once they are shown', async () => {
    const t = finishedTask({ seen: false });
    const bridge = createFakeBridge({ tasks: [t, makeTask()] });
    renderApp(bridge);
    await cardOf(t.id);
    await waitFor(() => expect(callsTo(bridge, 'tasks.markSeen')).toEqual([[[t.id]]]));
  });
});
