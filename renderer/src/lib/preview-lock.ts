// One preview plays at a time: a preview that starts stops the one playing before it.
type Stop = () => void;
let current: Stop | null = null;

/** Makes `stop` the playing preview, stopping the previous one. */
export function claimPreview(stop: Stop): void {
  if (current && current !== stop) current();
  current = stop;
}

/** Called by a preview that stopped by itself. */
export function releasePreview(stop: Stop): void {
  if (current === stop) current = null;
}
