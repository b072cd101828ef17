// The API token, write-only: the field never shows a saved token (main never sends it). It
// says whether one is saved, how it is protected, and whether the server accepts it.
import { useState } from 'preact/hooks';
import type { SettingsView, TokenState, TokenTestResult } from '../../../preload/contract';
import { useBridge } from '../bridge';
import { CreditBlock } from '../credit/credit-block';
import { errorMessage } from '../lib/format';
import { PROTECTION_NOTE } from '../../../preload/token-protection';
import { describedBy } from './field';

const STATE_TEXT: Record<TokenState, string> = {
  missing: 'No token saved.',
  unchecked: 'A token is saved; not checked yet.',
  accepted: 'A token is saved and the server accepts it.',
  rejected: 'A token is saved, but the server rejected it.',
};

type TestView = TokenTestResult | { result: 'testing' } | { result: 'error'; message: string };

export function TokenSection({
  view,
  onView,
  inputRef,
}: {
  view: SettingsView;
  onView: (v: SettingsView) => void;
  inputRef?: { current: HTMLInputElement | null };
}) {
  const bridge = useBridge();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [test, setTest] = useState<TestView | null>(null);

  const run = async (fn: () => Promise<SettingsView>) => {
    setBusy(true);
    setError(null);
    setTest(null);
    try {
      onView(await fn());
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const token = draft.trim();
    if (!token) {
      setError('Paste a token first.');
      return;
    }
    // The typed token leaves the page's state as soon as main has it.
    if (await run(() => bridge.settings.setToken(token))) setDraft('');
  };

  const runTest = async () => {
    setTest({ result: 'testing' });
    try {
      setTest(await bridge.settings.testToken());
    } catch (err) {
      setTest({ result: 'error', message: errorMessage(err) });
    }
  };

  const id = 'token';
  return (
    <fieldset class="section">
      <legend class="section-title">API token</legend>
      <p class={`token-state token-${view.tokenState}`} id="token-state">
        {STATE_TEXT[view.tokenState]}
      </p>
      {view.tokenSavedFor ? (
        <p class="warning" role="note">
          Your token was saved for {view.tokenSavedFor} and is not sent to this server. Press Test
          to confirm sending it here, or save the token again.
        </p>
      ) : null}
      {PROTECTION_NOTE[view.tokenProtection].text ? (
        <p class="warning" role="note">
          {PROTECTION_NOTE[view.tokenProtection].text}
        </p>
      ) : null}
      <form
        class="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label for={id} class="field-label">
          {view.hasToken ? 'Replace token' : 'Token'}
        </label>
        <div class="row">
          <input
            id={id}
            ref={inputRef}
            class="input"
            type="password"
            autocomplete="off"
            spellcheck={false}
            placeholder={view.hasToken ? '••••••••  (saved, hidden)' : 'Paste your API token'}
            value={draft}
            aria-invalid={!!error}
            aria-describedby={describedBy(id, false, error) ?? 'token-state'}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && draft) {
                e.preventDefault();
                setDraft('');
              }
            }}
          />
          <button type="submit" class="btn btn-primary" disabled={busy || !draft.trim()}>
            Save
          </button>
        </div>
        {error ? (
          <p class="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={busy || !view.hasToken}
          onClick={() => void runTest()}
        >
          Test
        </button>
        <button
          type="button"
          class="btn btn-danger"
          disabled={busy || !view.hasToken}
          onClick={() => void run(() => bridge.settings.clearToken())}
        >
          Clear
        </button>
        <TestResult test={test} />
      </div>
      <CreditBlock view={view} onView={onView} />
    </fieldset>
  );
}

function TestResult({ test }: { test: TestView | null }) {
  if (!test) return null;
  const text =
    test.result === 'testing'
      ? 'Testing…'
      : test.result === 'accepted'
        ? 'Accepted by the server.'
        : test.result === 'rejected'
          ? `Rejected: ${test.message}`
          : test.result === 'unreachable'
            ? `Server unreachable: ${test.message}`
            : `Test failed: ${test.message}`;
  return (
    <p class={`test-result test-${test.result}`} role="status">
      {text}
    </p>
  );
}
