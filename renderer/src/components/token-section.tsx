// The API token, write-only: the field never shows a saved token (main never sends it). It
// says whether one is saved, how it is protected, and whether the server accepts it.
import { useState } from 'preact/hooks';
import type { SettingsView, TokenState, TokenTestResult } from '../../../preload/contract';
import { useBridge } from '../bridge';
import { CreditBlock } from '../credit/credit-block';
import { errorMessage } from '../lib/format';
import { describedBy } from './field';
import { useT } from '../i18n/i18n';

const STATE_TEXT = {
  missing: 'missing',
  unchecked: 'unchecked',
  accepted: 'accepted',
  rejected: 'rejected',
} as const satisfies Record<TokenState, string>;

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
  const m = useT().m.token;
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
      setError(m.pasteFirst);
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
      <legend class="section-title">{m.title}</legend>
      <p class={`token-state token-${view.tokenState}`} id="token-state">
        {m[STATE_TEXT[view.tokenState]]}
      </p>
      {view.tokenSavedFor ? (
        <p class="warning" role="note">
          {m.savedFor(view.tokenSavedFor)}
        </p>
      ) : null}
      {view.tokenProtection === 'os' ? null : (
        <p class="warning" role="note">
          {view.tokenProtection === 'basic_text' ? m.basicText : m.unavailable}
        </p>
      )}
      <form
        class="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label for={id} class="field-label">
          {view.hasToken ? m.replace : m.token}
        </label>
        <div class="row">
          <input
            id={id}
            ref={inputRef}
            class="input"
            type="password"
            autocomplete="off"
            spellcheck={false}
            placeholder={view.hasToken ? m.placeholderSaved : m.placeholder}
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
            {m.save}
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
          {m.test}
        </button>
        <button
          type="button"
          class="btn btn-danger"
          disabled={busy || !view.hasToken}
          onClick={() => void run(() => bridge.settings.clearToken())}
        >
          {m.clear}
        </button>
        <TestResult test={test} />
      </div>
      <CreditBlock view={view} onView={onView} />
    </fieldset>
  );
}

function TestResult({ test }: { test: TestView | null }) {
  const m = useT().m.token;
  if (!test) return null;
  const text =
    test.result === 'testing'
      ? m.testing
      : test.result === 'accepted'
        ? m.acceptedResult
        : test.result === 'rejected'
          ? m.rejectedResult(test.message)
          : test.result === 'unreachable'
            ? m.unreachable(test.message)
            : m.testFailed(test.message);
  return (
    <p class={`test-result test-${test.result}`} role="status">
      {text}
    </p>
  );
}
