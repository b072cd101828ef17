// A text or number input that hands its value over on Enter or when focus leaves, and goes
// back to the saved value on Escape. Edits in progress survive updates from main.
import { useState } from 'preact/hooks';
import { describedBy } from './field';

export function CommittedInput({
  id,
  value,
  type = 'text',
  onCommit,
  error,
  hint,
  min,
  max,
  step,
  inputRef,
  placeholder,
}: {
  id: string;
  value: string;
  type?: 'text' | 'number' | 'url';
  onCommit: (value: string) => void;
  error?: string | null;
  hint?: boolean;
  min?: number;
  max?: number;
  step?: number;
  inputRef?: { current: HTMLInputElement | null };
  placeholder?: string;
}) {
  // A draft belongs to the saved value it was typed over: once main saves a different value
  // the draft is dropped; a refused draft stays on screen beside its error.
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const shown = draft && draft.base === value ? draft.text : value;

  // A refused draft is not sent again on every blur, only once it has been edited.
  const [sent, setSent] = useState<string | null>(null);
  const commit = () => {
    if (shown === value || shown === sent) return;
    setSent(shown);
    onCommit(shown);
  };

  return (
    <input
      id={id}
      ref={inputRef}
      class="input"
      // Preact's input types narrow per type; the union is fine at runtime.
      type={type as 'text'}
      value={shown}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      spellcheck={false}
      aria-invalid={!!error}
      aria-describedby={describedBy(id, !!hint, error)}
      onInput={(e) => {
        setDraft({ text: (e.currentTarget as HTMLInputElement).value, base: value });
        setSent(null);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && shown !== value) {
          e.preventDefault();
          setDraft(null);
          setSent(null);
        }
      }}
    />
  );
}
