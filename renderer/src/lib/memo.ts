// A shallow-props memo without preact/compat (which patches Preact globally on import).
import { Component, type ComponentType, type FunctionComponent } from 'preact';

export function memo<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const a = this.props as Record<string, unknown>;
      const b = next as Record<string, unknown>;
      for (const k in a) if (k !== 'children' && a[k] !== b[k]) return true;
      for (const k in b) if (!(k in a)) return true;
      return false;
    }
    override render(props: P) {
      return render(props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${render.name})`;
  return Memo;
}
