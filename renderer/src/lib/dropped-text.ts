// Text from a drop: plain text first, else the URL list (a dragged feed link). Files are not
// task ids. While dragging, browsers hide the data, so only the types can be checked.
export function droppedText(dt: DataTransfer | null, typesOnly: boolean): string | null {
  if (!dt) return null;
  const types = [...dt.types];
  if (types.includes('Files')) return null;
  const has = types.includes('text/plain') || types.includes('text/uri-list');
  if (typesOnly) return has ? '' : null;
  const text = dt.getData('text/plain') || dt.getData('text/uri-list');
  return text.trim() ? text : null;
}
