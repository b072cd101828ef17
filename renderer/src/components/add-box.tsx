// Where task ids come in: typed or pasted (one or many ids, feed URLs, feed JSON), or text
// dropped anywhere on the window (the tasks view forwards drops here through `submit`).
import { useRef, useState } from 'preact/hooks';
import type { AddTasksResult } from '../../../preload/contract';
import { errorMessage } from '../lib/format';
import { fmt, messages, useT } from '../i18n/i18n';

export interface AddOutcome {
  result: AddTasksResult | null;
  failure: string | null;
}

export function summarize(result: AddTasksResult): string {
  const m = messages().add;
  const f = fmt();
  const parts: string[] = [];
  const n = result.added.length;
  if (n) parts.push(f.plural(n, m.added));
  const d = result.duplicates.length;
  if (d) parts.push(m.duplicates(f.number(d)));
  const e = result.errors.length;
  if (e) parts.push(m.notUnderstood(f.number(e)));
  return parts.join(' · ') || m.nothing;
}

export function AddBox({
  add,
  outcome,
  onOutcome,
  inputRef,
}: {
  add: (text: string) => Promise<AddTasksResult>;
  outcome: AddOutcome | null;
  onOutcome: (o: AddOutcome | null) => void;
  inputRef?: { current: HTMLTextAreaElement | null };
}) {
  const { m } = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const localRef = useRef<HTMLTextAreaElement>(null);
  const ref = inputRef ?? localRef;

  const submit = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    try {
      const result = await add(value);
      onOutcome({ result, failure: null });
      // Keep only what was not understood, so it can be fixed and sent again.
      setText(result.errors.map((e) => e.input).join('\n'));
    } catch (err) {
      onOutcome({ result: null, failure: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && (text || outcome)) {
      // First Escape clears the box; the next one (nothing to clear) hides the window.
      e.preventDefault();
      setText('');
      onOutcome(null);
    }
  };

  const result = outcome?.result;
  const hasProblems = !!outcome?.failure || !!result?.errors.length || !!result?.duplicates.length;
  return (
    <form
      class="add-box"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="add-row">
        <textarea
          ref={ref}
          class="add-input"
          rows={text.includes('\n') ? 3 : 1}
          placeholder={m.add.placeholder}
          aria-label={m.add.label}
          aria-describedby={outcome ? 'add-outcome' : undefined}
          aria-invalid={!!result?.errors.length || !!outcome?.failure}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
          spellcheck={false}
        />
        <button type="submit" class="btn btn-primary" disabled={busy || !text.trim()}>
          {m.add.add}
        </button>
      </div>
      {outcome ? (
        <div
          id="add-outcome"
          class={hasProblems ? 'add-outcome add-outcome-problem' : 'add-outcome'}
          role="status"
        >
          {outcome.failure ? (
            <p class="field-error">{m.add.failed(outcome.failure)}</p>
          ) : result ? (
            <>
              <p class="add-summary">
                {summarize(result)}
                <button
                  type="button"
                  class="link-button"
                  aria-label={m.add.dismiss}
                  onClick={() => onOutcome(null)}
                >
                  ×
                </button>
              </p>
              {result.duplicates.length ? (
                <p class="add-duplicates" title={result.duplicates.join('\n')}>
                  {m.add.alreadyTracked(result.duplicates.join(', '))}
                </p>
              ) : null}
              {result.errors.length ? (
                <ul class="add-errors">
                  {result.errors.map((e, i) => (
                    <li key={i}>
                      <code>{e.input.length > 40 ? `${e.input.slice(0, 40)}…` : e.input}</code>
                      {' — '}
                      {e.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
