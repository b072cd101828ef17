// Settings -> Network: how requests reach the gateway and the CDN. System proxy (what the OS
// or its PAC file names, as the browser uses), No proxy, or Manual with a URL. A choice is
// saved at once; a manual URL when it is committed (Enter or leaving the field), with main's
// refusal shown under it. Test reaches the gateway through what is on screen, saved or not.
import { useRef, useState } from 'preact/hooks';
import type { NetworkMode, NetworkSetting, NetworkTestResult } from '../../../preload/contract';
import { useBridge } from '../bridge';
import { errorMessage } from '../lib/format';
import { describedBy, FieldNotes } from './field';
import './network-section.css';
import { useT } from '../i18n/i18n';

const MODES = [
  { mode: 'system', label: 'system', hint: 'systemHint' },
  { mode: 'none', label: 'none', hint: 'noneHint' },
  { mode: 'manual', label: 'manual', hint: 'manualHint' },
] as const satisfies readonly { mode: NetworkMode; label: string; hint: string }[];

type TestView = NetworkTestResult | { result: 'testing' } | { result: 'error'; message: string };

export function NetworkSection({
  network,
  error,
  onSave,
}: {
  /** The saved setting. */
  network: NetworkSetting;
  /** Why main refused the last change, shown under the URL (or the choices). */
  error?: string | undefined;
  onSave: (network: NetworkSetting) => Promise<unknown>;
}) {
  const bridge = useBridge();
  const t = useT().m.network;
  // A pick or a draft belongs to the saved value it was made over: once main saves another
  // value it is dropped; a refused one stays on screen beside its error.
  const [picked, setPicked] = useState<{ mode: NetworkMode; base: NetworkMode } | null>(null);
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [test, setTest] = useState<TestView | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const mode = picked && picked.base === network.mode ? picked.mode : network.mode;
  const url = draft && draft.base === network.proxyUrl ? draft.text : network.proxyUrl;
  const setMode = (next: NetworkMode) => setPicked({ mode: next, base: network.mode });
  const setUrl = (text: string) => setDraft({ text, base: network.proxyUrl });

  const choose = (next: NetworkMode) => {
    setMode(next);
    setTest(null);
    if (next === 'manual') {
      const typed = url.trim();
      // Nothing to save yet: the URL comes first.
      if (typed === '') {
        queueMicrotask(() => urlRef.current?.focus());
        return;
      }
      setSent(typed);
      void onSave({ mode: 'manual', proxyUrl: typed });
      return;
    }
    void onSave({ mode: next, proxyUrl: network.proxyUrl });
  };

  const commitUrl = () => {
    const typed = url.trim();
    const unchanged = network.mode === 'manual' && typed === network.proxyUrl;
    // A refused URL is not sent again on every blur, only once it has been edited.
    if (unchanged || typed === sent) return;
    setSent(typed);
    void onSave({ mode: 'manual', proxyUrl: typed });
  };

  const runTest = async () => {
    setTest({ result: 'testing' });
    const proxyUrl = mode === 'manual' ? url.trim() : network.proxyUrl;
    try {
      setTest(await bridge.settings.testNetwork({ mode, proxyUrl }));
    } catch (err) {
      setTest({ result: 'error', message: errorMessage(err) });
    }
  };

  const urlId = 'proxyUrl';
  const urlError = mode === 'manual' ? error : undefined;
  return (
    <fieldset class="section">
      <legend class="section-title">{t.title}</legend>
      <div class="radio-list" role="radiogroup" aria-label={t.connection}>
        {MODES.map((m) => (
          <label key={m.mode} class="radio">
            <input
              type="radio"
              name="network-mode"
              value={m.mode}
              checked={mode === m.mode}
              aria-describedby={`network-${m.mode}-hint`}
              onChange={() => choose(m.mode)}
            />
            <span class="radio-text">
              <span class="radio-label">{t[m.label]}</span>
              <span class="field-hint" id={`network-${m.mode}-hint`}>
                {t[m.hint]}
              </span>
            </span>
          </label>
        ))}
      </div>
      {mode === 'manual' ? (
        <div class={urlError ? 'field field-invalid' : 'field'}>
          <label for={urlId} class="field-label">
            {t.proxyUrl}
          </label>
          <input
            id={urlId}
            ref={urlRef}
            class="input"
            type="url"
            value={url}
            placeholder={t.proxyUrlPlaceholder}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={!!urlError}
            aria-describedby={describedBy(urlId, true, urlError)}
            onInput={(e) => {
              setUrl((e.currentTarget as HTMLInputElement).value);
              setSent(null);
              setTest(null);
            }}
            onBlur={commitUrl}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitUrl();
              } else if (e.key === 'Escape' && url !== network.proxyUrl) {
                e.preventDefault();
                setDraft(null);
                setSent(null);
              }
            }}
          />
          <FieldNotes id={urlId} hint={t.urlHint} error={urlError} />
        </div>
      ) : error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={test?.result === 'testing'}
          onClick={() => void runTest()}
        >
          {t.test}
        </button>
        <TestResult test={test} />
      </div>
    </fieldset>
  );
}

function TestResult({ test }: { test: TestView | null }) {
  const t = useT().m.network;
  if (!test) return null;
  const text =
    test.result === 'testing'
      ? t.testing
      : test.result === 'reached'
        ? test.message
        : test.result === 'proxy-failed'
          ? t.proxyFailed(test.message)
          : test.result === 'unreachable'
            ? t.unreachable(test.message)
            : t.testFailed(test.message);
  const tone =
    test.result === 'reached' ? 'accepted' : test.result === 'testing' ? 'testing' : 'error';
  return (
    <p class={`test-result test-${tone}`} role="status" id="network-test-result">
      {text}
    </p>
  );
}
