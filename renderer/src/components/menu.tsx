// A small popup menu laid over the page (cards clip their overflow, so it cannot live inside
// one). Arrow keys move, Enter picks, Escape or a click outside closes and gives focus back.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
}

export interface MenuState {
  anchor: HTMLElement;
  items: MenuItem[];
}

export function Menu({ state, onClose }: { state: MenuState; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const a = state.anchor.getBoundingClientRect();
    const w = el.offsetWidth || 180;
    const h = el.offsetHeight || state.items.length * 30;
    const top = a.bottom + h + 4 > window.innerHeight ? Math.max(4, a.top - h - 4) : a.bottom + 4;
    el.style.top = `${top}px`;
    el.style.left = `${Math.max(4, Math.min(a.right - w, window.innerWidth - w - 4))}px`;
    el.querySelector<HTMLButtonElement>('button')?.focus();
  }, [state]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && e.target !== state.anchor) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [state, onClose]);

  const close = () => {
    onClose();
    state.anchor.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Tab') {
      onClose();
    }
  };

  return (
    <div class="menu" role="menu" ref={ref} onKeyDown={onKeyDown}>
      {state.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          class={item.danger ? 'menu-item danger' : 'menu-item'}
          onClick={() => {
            close();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
