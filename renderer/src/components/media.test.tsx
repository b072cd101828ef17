// Posters, live progress, previews and the grid, rendered by the whole app in a DOM.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { callsTo, createFakeBridge } from '../test-support/fake-bridge';
import { finishedTask, makeTask, makeVideo } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';
import { formatTimeLeft } from '../lib/media-text';

afterEach(cleanup);

const card = (id: string) => document.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
const cardOf = async (id: string) => {
  await waitFor(() => expect(card(id)).not.toBeNull());
  return card(id)!;
};
const withPoster = (prompt: string) => {
  const t = finishedTask({ promptText: prompt });
  t.videos[0]!.imageThumb = 'https://cdn.example/thumb.jpg';
  return t;
};

describe('posters', () => {
  it('asks main for the poster by task and video id, lazily, over a placeholder', async () => {
    const t = withPoster('a heron at dawn');
    renderApp(createFakeBridge({ tasks: [t] }));
    const el = await cardOf(t.id);
    const img = el.querySelector('img.poster-img')!;
    const ref = `${encodeURIComponent(t.id)}/${encodeURIComponent(t.videos[0]!.id)}`;
    expect(img.getAttribute('src')).toBe(`${location.origin}/app/poster/${ref}`);
    expect(img.getAttribute('src')).not.toContain('cdn.example');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(el.querySelector('.poster-loading .poster-mark')).not.toBeNull();
    fireEvent.load(img);
    await waitFor(() => expect(el.querySelector('.poster-loaded')).not.toBeNull());
  });

  it('falls back to the placeholder when the poster cannot load, or there is none', async () => {
    const t = withPoster('a broken poster');
    const none = finishedTask({ promptText: 'no poster at all' });
    renderApp(createFakeBridge({ tasks: [t, none] }));
    const el = await cardOf(t.id);
    fireEvent.error(el.querySelector('img.poster-img')!);
    await waitFor(() => expect(el.querySelector('img')).toBeNull());
    expect(el.querySelector('.poster-broken .poster-mark')).not.toBeNull();
    expect((await cardOf(none.id)).querySelector('.poster-none img')).toBeNull();
  });
});

describe('live progress', () => {
  it('shows percent, the bar and the time left, and follows new estimates', async () => {
    const t = makeTask({ progress: 42, finishAt: Date.now() + 40_000 });
    const bridge = createFakeBridge({ tasks: [t] });
    renderApp(bridge);
    const el = await cardOf(t.id);
    const bar = within(el).getByRole('progressbar', { name: 'Generating' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(within(el).getByText('42%')).toBeTruthy();
    expect(within(el).getByText('about 40 sec left')).toBeTruthy();
    bridge.emit('tasks:changed', [
      { type: 'patch', id: t.id, patch: { progress: 60, finishAt: Date.now() + 170_000 } },
    ]);
    await within(el).findByText('about 3 min left');
    expect(within(el).getByText('60%')).toBeTruthy();
  });

  it('an unknown percent gives an indeterminate bar; queued says so; no estimate, no time', async () => {
    const unknown = makeTask({ progress: null, videos: [makeVideo({ progress: null })] });
    const queued = makeTask({ state: 'queued', progress: null });
    renderApp(createFakeBridge({ tasks: [unknown, queued] }));
    const el = await cardOf(unknown.id);
    expect(el.querySelector('.progress-indeterminate')).not.toBeNull();
    expect(within(el).getByText('Generating')).toBeTruthy();
    expect(el.querySelector('.time-left')).toBeNull();
    const q = await cardOf(queued.id);
    expect(within(q).getByText('Queued', { selector: '.progress-text' })).toBeTruthy();
    expect(q.querySelector('.progress-indeterminate')).not.toBeNull();
  });

  it('words the time left coarser as it grows', () => {
    expect(formatTimeLeft(6000, 0)).toBe('about 10 sec left');
    expect(formatTimeLeft(41_000, 0)).toBe('about 45 sec left');
    expect(formatTimeLeft(3000, 0)).toBe('almost done');
    expect(formatTimeLeft(600_000, 0)).toBe('about 10 min left');
    expect(formatTimeLeft(41_000, 0, true)).toBe('45 sec left');
  });
});

describe('preview', () => {
  it('plays muted on hover, with sound on click, and only one at a time', async () => {
    const a = finishedTask({ promptText: 'first video' });
    const b = finishedTask({ promptText: 'second video' });
    renderApp(createFakeBridge({ tasks: [a, b] }));
    await cardOf(a.id);
    const first = within(card(a.id)!).getByRole('button', { name: 'Preview video' });
    fireEvent.mouseEnter(first);
    const video = await waitFor(() => card(a.id)!.querySelector('video')!);
    const ref = `${encodeURIComponent(a.id)}/${encodeURIComponent(a.videos[0]!.id)}`;
    expect(video.getAttribute('src')).toBe(`${location.origin}/app/video/${ref}`);
    expect(video.muted).toBe(true);
    expect(video.loop).toBe(true);
    fireEvent.click(first);
    await waitFor(() => expect(first.getAttribute('aria-pressed')).toBe('true'));
    expect(card(a.id)!.querySelector('video')!.muted).toBe(false);
    // Keyboard focus on the other one takes over.
    fireEvent.focus(within(card(b.id)!).getByRole('button', { name: 'Preview video' }));
    await waitFor(() => expect(card(b.id)!.querySelector('video')).not.toBeNull());
    expect(document.querySelectorAll('video')).toHaveLength(1);
    fireEvent.keyDown(within(card(b.id)!).getByRole('button', { name: 'Preview video' }), {
      key: 'Escape',
    });
    await waitFor(() => expect(document.querySelectorAll('video')).toHaveLength(0));
  });

  it('offers no preview for a video that is not finished', async () => {
    const t = makeTask({ promptText: 'still running' });
    renderApp(createFakeBridge({ tasks: [t] }));
    await cardOf(t.id);
    expect(screen.queryByRole('button', { name: 'Preview video' })).toBeNull();
  });
});

describe('grid view', () => {
  it('switches to tiles two by two and remembers the choice in Settings', async () => {
    const tasks = [1, 2, 3].map((i) => withPoster(`tile ${i}`));
    const bridge = createFakeBridge({ tasks });
    renderApp(bridge);
    await cardOf(tasks[0]!.id);
    expect(document.querySelector('.tile')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Grid' }));
    await waitFor(() => expect(document.querySelectorAll('.tile')).toHaveLength(3));
    const rows = document.querySelectorAll('.grid-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelectorAll('.tile')).toHaveLength(2);
    expect(callsTo(bridge, 'settings.update')).toContainEqual([{ taskLayout: 'grid' }]);
    expect(document.querySelector('.tile img.poster-img')).not.toBeNull();
  });

  it('opens in the grid when Settings says so', async () => {
    const t = withPoster('remembered');
    const bridge = createFakeBridge({ tasks: [t] });
    bridge.state.settings.settings.taskLayout = 'grid';
    renderApp(bridge);
    await waitFor(() =>
      expect(document.querySelector(`.tile[data-task-id="${t.id}"]`)).not.toBeNull(),
    );
    expect(screen.getByRole('radio', { name: 'Grid' }).getAttribute('aria-checked')).toBe('true');
  });
});
