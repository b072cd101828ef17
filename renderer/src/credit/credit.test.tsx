// The credit in Settings (beside the token) and beside Create video, over the in-memory bridge.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreditView } from '../../../preload/contract';
import { BridgeContext } from '../bridge';
import { callsTo, createFakeBridge, type FakeBridge } from '../test-support/fake-bridge';
import { forgetDraft, NewVideoView } from '../views/new-video/new-video-view';
import { SettingsView } from '../views/settings-view';

afterEach(cleanup);
beforeEach(() => forgetDraft());

const CHECKED = new Date(2026, 11, 4, 20, 41).getTime();
const known = (over: Partial<CreditView> = {}): CreditView => ({
  status: 'known',
  credit: { limitUsd: 5, usedUsd: 1.39, remainingUsd: 3.61, unlimited: false },
  checkedAt: CHECKED,
  message: null,
  topUpUrl: null,
  refreshing: false,
  ...over,
});

function renderSettings(bridge: FakeBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <SettingsView focusToken={false} />
    </BridgeContext.Provider>,
  );
}

function renderNewVideo(bridge: FakeBridge) {
  return render(
    <BridgeContext.Provider value={bridge}>
      <NewVideoView onCreated={() => undefined} />
    </BridgeContext.Provider>,
  );
}

const creditLine = () => document.getElementById('credit-title')!;

describe('credit in Settings', () => {
  it('shows what is left beside the token, asked for when the view opens', async () => {
    const bridge = createFakeBridge({ credit: known() });
    renderSettings(bridge);
    await waitFor(() => expect(creditLine().textContent).toMatch(/\$3\.61 left/));
    expect(creditLine().textContent).toMatch(
      /^Credit \$3\.61 left of \$5\.00 · \$1\.39 used · checked \d{1,2}:41/,
    );
    // Inside the token's section.
    expect(creditLine().closest('fieldset')?.querySelector('legend')?.textContent).toBe(
      'API token',
    );
    expect(callsTo(bridge, 'credit.refresh')).toEqual([['open']]);
  });

  it('Refresh asks main on demand; a pushed change replaces the line', async () => {
    const bridge = createFakeBridge({ credit: known() });
    renderSettings(bridge);
    await waitFor(() => expect(creditLine().textContent).toMatch(/\$3\.61/));
    bridge.state.credit = known({ credit: { ...known().credit!, remainingUsd: 2.1 } });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh credit' }));
    await waitFor(() => expect(creditLine().textContent).toMatch(/\$2\.10 left/));
    expect(callsTo(bridge, 'credit.refresh').at(-1)).toEqual(['manual']);
    bridge.emit('credit:changed', known({ credit: null, status: 'none', refreshing: true }));
    await waitFor(() => expect(creditLine().textContent).toBe('Credit Checking credit…'));
  });

  it('asks again when the window is shown again', async () => {
    const bridge = createFakeBridge({ credit: known() });
    renderSettings(bridge);
    await waitFor(() => expect(callsTo(bridge, 'credit.refresh')).toHaveLength(1));
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(callsTo(bridge, 'credit.refresh')).toEqual([['open'], ['open']]));
  });

  it('says "unlimited" for an unlimited token', async () => {
    const bridge = createFakeBridge({
      credit: known({
        credit: { limitUsd: null, usedUsd: 12.5, remainingUsd: null, unlimited: true },
      }),
    });
    renderSettings(bridge);
    await waitFor(() =>
      expect(creditLine().textContent).toMatch(/^Credit unlimited · \$12\.50 used · checked/),
    );
  });

  it('hides itself quietly when the gateway does not offer credit', async () => {
    const bridge = createFakeBridge({
      credit: { ...known(), status: 'hidden', credit: null, message: 'HTTP 404' },
    });
    renderSettings(bridge);
    await screen.findByText(/server accepts it/);
    await waitFor(() => expect(callsTo(bridge, 'credit.refresh')).toHaveLength(1));
    expect(document.getElementById('credit-title')).toBeNull();
    expect(document.getElementById('lowCreditUsd')).toBeNull();
    expect(document.body.textContent).not.toContain('404');
  });

  it('an error keeps the last figure and says why it is not newer', async () => {
    const bridge = createFakeBridge({
      credit: known({ status: 'error', message: 'The server had a problem (HTTP 503).' }),
    });
    renderSettings(bridge);
    await screen.findByText('Could not update: The server had a problem (HTTP 503).');
    expect(creditLine().textContent).toMatch(/\$3\.61 left/);
  });

  it('offers the top-up page of a known gateway', async () => {
    const bridge = createFakeBridge({ credit: known({ topUpUrl: 'https://api.gpt.ge/' }) });
    renderSettings(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Top up credit at api.gpt.ge' }));
    expect(callsTo(bridge, 'credit.openTopUp')).toEqual([[]]);
  });

  it('saves the low-credit threshold (0 = off) and shows what main refused', async () => {
    const bridge = createFakeBridge({ credit: known() });
    renderSettings(bridge);
    const field = (await screen.findByLabelText(
      'Warn me when credit falls below ($)',
    )) as HTMLInputElement;
    expect(field.value).toBe('1.00');
    fireEvent.input(field, { target: { value: '0' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([[{ lowCreditUsd: 0 }]]),
    );
    await waitFor(() => expect(field.value).toBe('0.00'));
    bridge.state.updateError = 'The low-credit warning must be between $0 (off) and $10000.';
    fireEvent.input(field, { target: { value: '99999' } });
    fireEvent.blur(field);
    await screen.findByText('The low-credit warning must be between $0 (off) and $10000.');
  });

  it("asks for a newly saved token's credit once main has dropped the old one", async () => {
    const bridge = createFakeBridge({ credit: known() });
    renderSettings(bridge);
    await waitFor(() => expect(creditLine().textContent).toMatch(/\$3\.61/));
    expect(callsTo(bridge, 'credit.refresh')).toEqual([['open']]);
    bridge.state.credit = known({ credit: { ...known().credit!, remainingUsd: 9 } });
    fireEvent.input(screen.getByLabelText('Replace token'), { target: { value: 'sk-new-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    bridge.emit('credit:changed', { ...known(), status: 'none', credit: null, checkedAt: null });
    await waitFor(() => expect(creditLine().textContent).toMatch(/\$9\.00 left/));
    expect(callsTo(bridge, 'credit.refresh')).toEqual([['open'], ['open']]);
  });

  it('shows nothing without a token', async () => {
    const bridge = createFakeBridge({ credit: known() });
    bridge.state.settings = { ...bridge.state.settings, hasToken: false, tokenState: 'missing' };
    renderSettings(bridge);
    await screen.findByText('No token saved.');
    expect(document.getElementById('credit-title')).toBeNull();
  });
});

describe('credit beside Create video', () => {
  it('"each video is billed · credit $3.61", and plain billing words until it is known', async () => {
    const bridge = createFakeBridge();
    renderNewVideo(bridge);
    const hint = () => document.getElementById('nv-credit')!;
    expect(hint().textContent).toBe('Each video is billed to your Pika account.');
    bridge.emit('credit:changed', known());
    await waitFor(() => expect(hint().textContent).toBe('Each video is billed · credit $3.61'));
    // Beside the button.
    expect(hint().previousElementSibling?.textContent).toBe('Create video');
    bridge.emit('credit:changed', { ...known(), status: 'hidden', credit: null });
    await waitFor(() =>
      expect(hint().textContent).toBe('Each video is billed to your Pika account.'),
    );
  });

  it('a refusal for quota says so plainly and links the top-up page', async () => {
    const bridge = createFakeBridge();
    bridge.generate.create = async () => ({
      outcome: 'rejected',
      kind: 'forbidden',
      message: 'Not created: your credit on api.gpt.ge has run out. Top it up, then try again.',
      topUpUrl: 'https://api.gpt.ge/',
    });
    renderNewVideo(bridge);
    fireEvent.input(screen.getByLabelText('Prompt'), { target: { value: 'a cat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create video' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not created: your credit on api\.gpt\.ge has run out\./);
    fireEvent.click(screen.getByRole('button', { name: 'Top up at api.gpt.ge' }));
    expect(callsTo(bridge, 'credit.openTopUp')).toEqual([[]]);
  });
});
