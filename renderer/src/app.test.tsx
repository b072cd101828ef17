// The app's states as a user meets them, against an in-memory bridge.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsTo, createFakeBridge, defaultStatus } from './test-support/fake-bridge';
import { finishedTask, makeTask } from './test-support/fixtures';
import { renderApp } from './test-support/render-app';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

describe('app states', () => {
  it('first run without a token opens settings on the token field', async () => {
    const bridge = createFakeBridge({ status: defaultStatus({ tokenState: 'missing' }) });
    bridge.state.settings = { ...bridge.state.settings, hasToken: false, tokenState: 'missing' };
    renderApp(bridge);
    const field = await screen.findByLabelText('Token');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('an empty list explains how to add tasks', async () => {
    renderApp(createFakeBridge());
    await screen.findByText('No tasks yet');
    expect(screen.getByLabelText('Task ids to add')).toBeTruthy();
  });

  it('offline is shown', async () => {
    renderApp(createFakeBridge({ status: defaultStatus({ online: false }) }));
    await screen.findByText(/Offline\./);
  });

  it('paused shows Resume, which resumes polling and clears the banner', async () => {
    const bridge = createFakeBridge({ status: defaultStatus({ paused: true }) });
    renderApp(bridge);
    await screen.findByText('Checking is paused.');
    const resume = screen.getAllByRole('button', { name: 'Resume' });
    fireEvent.click(resume[resume.length - 1]!);
    await waitFor(() => expect(screen.queryByText('Checking is paused.')).toBeNull());
    expect(callsTo(bridge, 'polling.resume')).toHaveLength(1);
  });

  it('a rejected token offers a way to settings, and a status push shows it live', async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    expect(screen.queryByText(/rejected your API token/)).toBeNull();
    bridge.emit('app:status', defaultStatus({ tokenState: 'rejected' }));
    await screen.findByText(/rejected your API token/);
    fireEvent.click(screen.getByRole('button', { name: 'Fix token' }));
    await screen.findByText('API token');
    await waitFor(() => expect(document.activeElement?.id).toBe('token'));
  });

  it('a recovered store is told once: dismissed, it stays away after a restart', async () => {
    const path = '/home/u/.config/Pika Tray/tasks.broken.json';
    const bridge = createFakeBridge({ status: defaultStatus({ storeRecoveredFrom: path }) });
    const first = renderApp(bridge);
    await screen.findByText(path);
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByText(path)).toBeNull());
    first.unmount();
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText(path)).toBeNull();
  });

  it("'app:navigate' switches the view", async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    bridge.emit('app:navigate', 'settings');
    await screen.findByText('API token');
    bridge.emit('app:navigate', 'new');
    await screen.findByRole('heading', { name: 'New video' });
  });

  it('takes a navigation main asked for before the page listened, after subscribing', async () => {
    // Cold start from a notification click: main's 'app:focus-task' went out before any
    // listener existed; main kept it and hands it over when the page asks.
    const done = finishedTask({ promptText: 'opened from the notification' });
    const bridge = createFakeBridge({ tasks: [done] });
    bridge.state.pendingNavigation = { taskId: done.id };
    let listenersWhenAsked = -1;
    const take = bridge.app.takeNavigation;
    bridge.app.takeNavigation = () => {
      listenersWhenAsked = bridge.listenerCount('app:focus-task');
      return take();
    };
    renderApp(bridge);
    await waitFor(() => {
      const card = document.querySelector(`[data-task-id="${done.id}"]`);
      expect(card?.classList.contains('card-highlight')).toBe(true);
    });
    expect(callsTo(bridge, 'app.takeNavigation')).toHaveLength(1);
    // Asked only once the listeners were in place, so nothing falls between the two.
    expect(listenersWhenAsked).toBe(1);
  });

  it('a view main asked for at cold start is shown', async () => {
    const bridge = createFakeBridge();
    bridge.state.pendingNavigation = { view: 'settings' };
    renderApp(bridge);
    await screen.findByText('API token');
  });

  it("'app:focus-task' clears a filter that hides the task and highlights it", async () => {
    const done = finishedTask({ promptText: 'the finished one' });
    const running = makeTask({ promptText: 'still going' });
    const bridge = createFakeBridge({ tasks: [done, running] });
    renderApp(bridge);
    await screen.findByText('the finished one');
    fireEvent.click(screen.getByRole('radio', { name: /Active/ }));
    await waitFor(() => expect(screen.queryByText('the finished one')).toBeNull());
    bridge.emit('app:navigate', 'settings');
    await screen.findByText('API token');
    bridge.emit('app:focus-task', done.id);
    await waitFor(() => {
      const card = document.querySelector(`[data-task-id="${done.id}"]`);
      expect(card?.classList.contains('card-highlight')).toBe(true);
    });
    expect(screen.getByRole('radio', { name: /All/ }).getAttribute('aria-checked')).toBe('true');
  });

  it("'app:focus-task' on a running task under Active keeps it shown as it finishes", async () => {
    // The renderer can hear of a task's end just after main asks to show it (a notification
    // clicked as the video lands): the Active filter would then take the card away.
    const running = makeTask({ promptText: 'about to finish' });
    const bridge = createFakeBridge({ tasks: [running] });
    renderApp(bridge);
    await screen.findByText('about to finish');
    fireEvent.click(screen.getByRole('radio', { name: /Active/ }));
    bridge.emit('app:focus-task', running.id);
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: /All/ }).getAttribute('aria-checked')).toBe('true'),
    );
    bridge.emit('tasks:changed', [
      { type: 'patch', id: running.id, patch: { state: 'finished', progress: 100 } },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector(`[data-task-id="${running.id}"]`)).not.toBeNull();
  });

  it('Escape hides the window; an Escape used by a field does not', async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(callsTo(bridge, 'app.hideWindow')).toHaveLength(1));
    const box = screen.getByLabelText('Task ids to add');
    fireEvent.input(box, { target: { value: 'abc' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    await new Promise((r) => setTimeout(r, 0));
    expect(callsTo(bridge, 'app.hideWindow')).toHaveLength(1);
  });

  it("shows 'drag:refused' messages", async () => {
    const bridge = createFakeBridge();
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    bridge.emit('drag:refused', {
      ref: { taskId: 'a', videoId: 'b' },
      message: 'The file is not downloaded yet.',
    });
    await screen.findByText('Cannot drag this video: The file is not downloaded yet.');
  });

  it('text dropped on the window is added', async () => {
    const bridge = createFakeBridge({
      addResult: () => ({
        added: [],
        duplicates: [],
        errors: [{ input: 'nope', message: 'Not a task id' }],
      }),
    });
    renderApp(bridge);
    await screen.findByText('No tasks yet');
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
    Object.defineProperty(drop, 'dataTransfer', {
      value: { types: ['text/plain'], getData: (t: string) => (t === 'text/plain' ? 'nope' : '') },
    });
    window.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await screen.findByText(/Not a task id/);
    expect(callsTo(bridge, 'tasks.add')).toEqual([['nope']]);
  });

  it('unsubscribes from every event when closed', async () => {
    const bridge = createFakeBridge();
    const view = renderApp(bridge);
    await screen.findByText('No tasks yet');
    const channels = [
      'tasks:changed',
      'app:status',
      'app:focus-task',
      'app:navigate',
      'drag:refused',
    ] as const;
    expect(channels.filter((ch) => bridge.listenerCount(ch) === 0)).toEqual([]);
    view.unmount();
    // Preact runs effect cleanups just after unmount, not inside it.
    await waitFor(() => expect(channels.filter((ch) => bridge.listenerCount(ch) > 0)).toEqual([]));
  });
});
