import type { TaskLayout } from '../../../preload/contract';
import { useT } from '../i18n/i18n';

const LIST_ICON = 'M3 5h18v4H3zM3 11h18v4H3zM3 17h18v3H3z';
const GRID_ICON = 'M3 4h8v7H3zM13 4h8v7h-8zM3 13h8v7H3zM13 13h8v7h-8z';

/** List or grid: two radio buttons (arrow keys are not needed for two; Tab reaches both). */
export function LayoutToggle({
  layout,
  onLayout,
}: {
  layout: TaskLayout;
  onLayout: (l: TaskLayout) => void;
}) {
  const m = useT().m.media;
  const OPTIONS: [TaskLayout, string, string][] = [
    ['list', m.layoutList, LIST_ICON],
    ['grid', m.layoutGrid, GRID_ICON],
  ];
  return (
    <div class="chips layout-toggle" role="radiogroup" aria-label={m.layoutLabel}>
      {OPTIONS.map(([value, label, icon]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={layout === value}
          aria-label={label}
          title={label}
          class={layout === value ? 'chip chip-icon chip-on' : 'chip chip-icon'}
          onClick={() => onLayout(value)}
        >
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <path d={icon} />
          </svg>
        </button>
      ))}
    </div>
  );
}
