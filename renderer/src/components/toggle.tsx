import { describedBy } from './field';

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
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
