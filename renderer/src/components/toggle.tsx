import { describedBy, FieldNotes } from './field';

export function Toggle({
  id,
  label,
  checked,
  onChange,
  hint,
  error,
  disabled,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}) {
  return (
    <div class={error ? 'toggle-field field-invalid' : 'toggle-field'}>
      <label class="toggle" for={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy(id, !!hint, error)}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="toggle-track" aria-hidden="true" />
        <span class="toggle-label">{label}</span>
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
