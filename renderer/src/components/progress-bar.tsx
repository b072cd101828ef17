/** A bar for 0-100; null means "no figure yet" and shows an indeterminate bar. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const pct = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      class={pct === null ? 'progress progress-indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
    >
      <div class="progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
