// A text or number input that hands its value over on Enter or when focus leaves, and goes
// back to the saved value on Escape. Edits in progress survive updates from main.
import { useEffect, useState } from 'preact/hooks';
import { describedBy } from './field';

export function CommittedInput({
  id,
  value,
  type = 'text',
  onCommit,
  error,
  hint,
  min,
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
  step?: number;
  inputRef?: { current: HTMLInputElement | null };
  placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);

  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };

  return (
    <input
      id={id}
      ref={inputRef}
      class="input"
      // Preact's input types narrow per type; the union is fine at runtime.
      type={type as 'text'}
      value={draft}
      min={min}
      step={step}
      placeholder={placeholder}
      spellcheck={false}
      aria-invalid={!!error}
      aria-describedby={describedBy(id, !!hint, error)}
      onInput={(e) => {
        setEditing(true);
        setDraft((e.currentTarget as HTMLInputElement).value);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && draft !== value) {
          e.preventDefault();
          setEditing(false);
          setDraft(value);
        }
      }}
    />
  );
}
