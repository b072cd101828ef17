import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeContext } from '../bridge';
import { callsTo, createFakeBridge, type FakeBridge } from '../test-support/fake-bridge';
import { SettingsView } from './settings-view';

afterEach(cleanup);

function renderSettings(bridge: FakeBridge, focusToken = false) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <SettingsView focusToken={focusToken} />
    </BridgeContext.Provider>,
  );
}

const tokenInput = () => screen.getByLabelText(/token$/i) as HTMLInputElement;

describe('settings: token', () => {
  it('never shows a saved token: the field starts empty and is a password field', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    await screen.findByText('A token is saved and the server accepts it.');
    expect(tokenInput().type).toBe('password');
    expect(tokenInput().value).toBe('');
    expect(document.body.textContent).not.toContain('secret');
  });

  it('saves a typed token, then empties the field and shows the new state', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    fireEvent.input(tokenInput(), { target: { value: '  sk-secret-123  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('A token is saved; not checked yet.');
    expect(callsTo(bridge, 'settings.setToken')).toEqual([['sk-secret-123']]);
    expect(tokenInput().value).toBe('');
    expect(document.body.innerHTML).not.toContain('sk-secret-123');
  });

  it('clears the token', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByText('No token saved.');
    expect(callsTo(bridge, 'settings.clearToken')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Test' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it.each([
    [{ result: 'accepted' as const }, 'Accepted by the server.'],
    [{ result: 'rejected' as const, message: 'Invalid token' }, 'Rejected: Invalid token'],
    [
      { result: 'unreachable' as const, message: 'connection refused' },
      'Server unreachable: connection refused',
    ],
  ])('reports the test result %j', async (testResult, text) => {
    const bridge = createFakeBridge({ testResult });
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    await screen.findByText(text);
  });

  it('warns plainly when the token is stored as basic text', async () => {
    const bridge = createFakeBridge();
    bridge.state.settings = { ...bridge.state.settings, tokenProtection: 'basic_text' };
    renderSettings(bridge);
    await screen.findByText(/No system keyring was found/);
  });

  it('says the token lasts only this session when there is no secure storage', async () => {
    const bridge = createFakeBridge();
    bridge.state.settings = { ...bridge.state.settings, tokenProtection: 'unavailable' };
    renderSettings(bridge);
    await screen.findByText(/kept in memory only: enter it again after Pika Tray restarts/);
  });

  it('first run focuses the empty token field with a welcome', async () => {
    const bridge = createFakeBridge();
    bridge.state.settings = { ...bridge.state.settings, hasToken: false, tokenState: 'missing' };
    renderSettings(bridge, true);
    await screen.findByText(/Welcome to Pika Tray/);
    await waitFor(() => expect(document.activeElement).toBe(tokenInput()));
  });
});

describe('settings: fields', () => {
  it('saves a toggle at once', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    const toggle = (await screen.findByLabelText(
      'Notify me when a video is ready',
    )) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([[{ notifications: false }]]),
    );
    await waitFor(() => expect(toggle.checked).toBe(false));
  });

  it('turns automatic updates off with its toggle', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    const toggle = (await screen.findByLabelText(
      'Check for updates automatically',
    )) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([[{ autoUpdate: false }]]),
    );
  });

  it('commits a number on Enter and shows main’s refusal next to the field', async () => {
    const bridge = createFakeBridge({
      updateError:
        "Error invoking remote method 'settings:update': Error: Must be at least 1 second.",
    });
    renderSettings(bridge);
    const floor = (await screen.findByLabelText(
      'Shortest poll interval (seconds)',
    )) as HTMLInputElement;
    fireEvent.input(floor, { target: { value: '0' } });
    fireEvent.keyDown(floor, { key: 'Enter' });
    await screen.findByText('Must be at least 1 second.');
    expect(callsTo(bridge, 'settings.update')).toEqual([[{ pollFloorSec: 0 }]]);
    expect(floor.getAttribute('aria-invalid')).toBe('true');
    expect(floor.getAttribute('aria-describedby')).toBe('pollFloorSec-error');
  });

  it('refuses a non-number without asking main', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    const stalled = (await screen.findByLabelText('Stalled after (minutes)')) as HTMLInputElement;
    fireEvent.input(stalled, { target: { value: '' } });
    fireEvent.blur(stalled);
    await screen.findByText('Enter a number.');
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
  });

  it('says when the saved token is kept from this server (saved for another origin)', async () => {
    const bridge = createFakeBridge();
    bridge.state.settings = { ...bridge.state.settings, tokenSavedFor: 'https://api.gpt.ge' };
    renderSettings(bridge);
    const note = await screen.findByText(/saved for https:\/\/api\.gpt\.ge/);
    expect(note.textContent).toMatch(/not sent to this server/);
  });

  it("chooses a download folder through main's picker only, never naming a path", async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    const folder = (await screen.findByLabelText('Folder')) as HTMLInputElement;
    // A display, not a field to type a path into.
    expect(folder.readOnly).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(folder.value).toBe('/chosen'));
    expect(callsTo(bridge, 'settings.chooseFolder')).toEqual([[]]);
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
  });

  it('Escape in an edited field restores it and does not hide the window', async () => {
    const bridge = createFakeBridge();
    renderSettings(bridge);
    const url = (await screen.findByLabelText('Base URL')) as HTMLInputElement;
    fireEvent.input(url, { target: { value: 'https://other' } });
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    url.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    await waitFor(() => expect(url.value).toBe('https://api.gpt.ge'));
  });
});

describe('settings: turning auto-download on', () => {
  const autoDownload = () =>
    screen.getByLabelText('Download finished videos automatically') as HTMLInputElement;

  function withAutoDownloadOff(notDownloaded: number) {
    const bridge = createFakeBridge();
    bridge.state.settings = {
      ...bridge.state.settings,
      settings: { ...bridge.state.settings.settings, autoDownload: false },
    };
    bridge.state.notDownloaded = notDownloaded;
    return bridge;
  }

  it('offers "Download all finished" with the count, and starts them on a click', async () => {
    const bridge = withAutoDownloadOff(3);
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    fireEvent.click(autoDownload());
    await screen.findByText('3 videos that finished earlier are not downloaded.');
    expect(callsTo(bridge, 'settings.update')).toEqual([[{ autoDownload: true }]]);
    fireEvent.click(screen.getByRole('button', { name: 'Download all finished (3)' }));
    await screen.findByText('Downloading 3 videos; their progress shows in Tasks.');
    expect(callsTo(bridge, 'tasks.downloadAllFinished')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Download all finished/ })).toBeNull();
  });

  it('says nothing when every finished video is saved, and "Not now" dismisses the offer', async () => {
    const none = withAutoDownloadOff(0);
    renderSettings(none);
    await screen.findByText(/server accepts it/);
    fireEvent.click(autoDownload());
    await waitFor(() => expect(callsTo(none, 'tasks.countNotDownloaded')).toHaveLength(1));
    expect(screen.queryByRole('group', { name: 'Finished videos not downloaded' })).toBeNull();
    cleanup();

    const one = withAutoDownloadOff(1);
    renderSettings(one);
    await screen.findByText(/server accepts it/);
    fireEvent.click(autoDownload());
    await screen.findByText('1 video that finished earlier is not downloaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('group', { name: 'Finished videos not downloaded' })).toBeNull();
    expect(callsTo(one, 'tasks.downloadAllFinished')).toHaveLength(0);
  });

  it('does not offer when the setting could not be saved', async () => {
    const bridge = withAutoDownloadOff(2);
    bridge.state.updateError = 'The settings file is read-only.';
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    fireEvent.click(autoDownload());
    await screen.findByText(/read-only/);
    expect(callsTo(bridge, 'tasks.countNotDownloaded')).toHaveLength(0);
  });
});
