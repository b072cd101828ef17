import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeContext } from '../bridge';
import {
  callsTo,
  createFakeBridge,
  defaultStatus,
  type FakeBridge,
} from '../test-support/fake-bridge';
import { SettingsView } from '../views/settings-view';
import { Banners } from './banners';

afterEach(cleanup);

function renderSettings(bridge: FakeBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <SettingsView focusToken={false} />
    </BridgeContext.Provider>,
  );
}

const radio = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });
const urlField = () => screen.getByLabelText('Proxy URL') as HTMLInputElement;

async function opened(bridge = createFakeBridge()) {
  renderSettings(bridge);
  await screen.findByRole('group', { name: 'Network' });
  return bridge;
}

describe('settings: network', () => {
  it('starts on System proxy, without a URL field, and saves another choice at once', async () => {
    const bridge = await opened();
    expect((radio('System proxy') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('Proxy URL')).toBeNull();
    fireEvent.click(radio('No proxy'));
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([
        [{ network: { mode: 'none', proxyUrl: '' } }],
      ]),
    );
    expect((radio('No proxy') as HTMLInputElement).checked).toBe(true);
  });

  it('Manual asks for the URL first, then saves it when committed', async () => {
    const bridge = await opened();
    fireEvent.click(radio('Manual'));
    await waitFor(() => expect(document.activeElement).toBe(urlField()));
    // Nothing saved yet: a manual proxy without a URL means nothing.
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    fireEvent.input(urlField(), { target: { value: ' http://127.0.0.1:7890 ' } });
    fireEvent.keyDown(urlField(), { key: 'Enter' });
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([
        [{ network: { mode: 'manual', proxyUrl: 'http://127.0.0.1:7890' } }],
      ]),
    );
    // Leaving the field with the saved value sends nothing more.
    fireEvent.blur(urlField());
    expect(callsTo(bridge, 'settings.update')).toHaveLength(1);
  });

  it('shows main refusing a URL next to the field, and does not send it again unedited', async () => {
    const bridge = await opened();
    bridge.state.updateError = 'Proxies of type ftp:// are not supported.';
    fireEvent.click(radio('Manual'));
    fireEvent.input(urlField(), { target: { value: 'ftp://p.example:21' } });
    fireEvent.blur(urlField());
    const error = await screen.findByText('Proxies of type ftp:// are not supported.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(urlField().getAttribute('aria-invalid')).toBe('true');
    expect(urlField().getAttribute('aria-describedby')).toContain(error.id);
    fireEvent.blur(urlField());
    expect(callsTo(bridge, 'settings.update')).toHaveLength(1);
    // Still manual on screen, with what was typed, while main keeps the old setting.
    expect((radio('Manual') as HTMLInputElement).checked).toBe(true);
    expect(urlField().value).toBe('ftp://p.example:21');
  });

  it('Test reaches the gateway through what is on screen, saved or not', async () => {
    const bridge = await opened();
    bridge.state.networkTestResult = (n) => ({
      result: 'reached',
      message: `The gateway api.gpt.ge answered through ${n.proxyUrl} (HTTP 401).`,
    });
    fireEvent.click(radio('Manual'));
    fireEvent.input(urlField(), { target: { value: 'http://127.0.0.1:7890' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(
      'The gateway api.gpt.ge answered through http://127.0.0.1:7890 (HTTP 401).',
    );
    expect(callsTo(bridge, 'settings.testNetwork')).toEqual([
      [{ mode: 'manual', proxyUrl: 'http://127.0.0.1:7890' }],
    ]);
  });

  it.each([
    [
      {
        result: 'proxy-failed' as const,
        message: 'The proxy http://127.0.0.1:9 could not be reached.',
      },
      'Proxy problem: The proxy http://127.0.0.1:9 could not be reached.',
    ],
    [
      {
        result: 'unreachable' as const,
        message: 'api.gpt.ge could not be reached directly: ENOTFOUND',
      },
      'Gateway unreachable: api.gpt.ge could not be reached directly: ENOTFOUND',
    ],
  ])('names what failed: %j', async (answer, text) => {
    const bridge = await opened();
    bridge.state.networkTestResult = () => answer;
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(text);
    expect(callsTo(bridge, 'settings.testNetwork')).toEqual([[{ mode: 'system', proxyUrl: '' }]]);
  });

  it('a saved manual proxy shows its URL; switching away keeps it for later', async () => {
    const bridge = createFakeBridge();
    bridge.state.settings.settings.network = { mode: 'manual', proxyUrl: 'http://10.0.0.2:3128' };
    await opened(bridge);
    expect(urlField().value).toBe('http://10.0.0.2:3128');
    fireEvent.click(radio('System proxy'));
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([
        [{ network: { mode: 'system', proxyUrl: 'http://10.0.0.2:3128' } }],
      ]),
    );
    expect(screen.queryByLabelText('Proxy URL')).toBeNull();
  });
});

describe('banner: proxy unreachable', () => {
  const renderBanners = (status: ReturnType<typeof defaultStatus>) =>
    render(
      <Banners
        status={status}
        onSettingsView={false}
        onSettings={() => {}}
        onResume={() => {}}
        recoveredDismissed={false}
        onDismissRecovered={() => {}}
      />,
    );
  const problem = {
    proxy: 'http://127.0.0.1:7890',
    message: 'The proxy http://127.0.0.1:7890 could not be reached (ECONNREFUSED).',
  };

  it('names the proxy instead of saying offline', () => {
    renderBanners(defaultStatus({ proxyProblem: problem }));
    expect(screen.getByRole('status').textContent).toContain(
      'Proxy unreachable: The proxy http://127.0.0.1:7890 could not be reached',
    );
    expect(document.body.textContent).not.toContain('Offline');
  });

  it('offline wins when the machine itself is offline', () => {
    renderBanners(defaultStatus({ online: false, proxyProblem: problem }));
    expect(document.body.textContent).toContain('Offline.');
    expect(document.body.textContent).not.toContain('Proxy unreachable');
  });
});
