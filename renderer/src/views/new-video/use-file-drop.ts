// Files dropped anywhere on an element (the whole "New video" view, not just a small zone).
// Listened to directly rather than through onDrop props: Preact maps those from `ondrop`
// properties, which some DOMs (happy-dom) lack. A file drop never falls through to the
// window's handler (which reads drops as task ids) nor to the browser (which would open it).
import { useEffect, useState } from 'preact/hooks';

export function useFileDrop(
  target: { readonly current: HTMLElement | null },
  enabled: boolean,
  onFile: (file: File) => void,
): boolean {
  const [over, setOver] = useState(false);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const hasFiles = (e: DragEvent) =>
      !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
      setOver(enabled);
    };
    const onLeave = (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node) || !el.contains(e.relatedTarget)) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (enabled && file) onFile(file);
    };
    el.addEventListener('dragover', onOver);
    el.addEventListener('dragleave', onLeave);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('dragover', onOver);
      el.removeEventListener('dragleave', onLeave);
      el.removeEventListener('drop', onDrop);
    };
  }, [target, enabled, onFile]);

  return over;
}
