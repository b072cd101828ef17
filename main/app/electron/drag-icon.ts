// The image under the pointer while a video is dragged out. startDrag refuses an empty
// image (it throws on macOS), so a built-in one is used when the app icon cannot be read.
import { nativeImage, type NativeImage } from 'electron';

// A 16x16 opaque violet square, so there is always something to show.
const FALLBACK_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR4nGOosXr7nxLMMGrAqAGjBgwXAwBGOKIfnI4B3gAAAABJRU5ErkJggg==';

export function dragIcon(appIconPath: string): NativeImage {
  const icon = nativeImage.createFromPath(appIconPath);
  if (!icon.isEmpty()) return icon.resize({ width: 64, height: 64, quality: 'good' });
  return nativeImage.createFromDataURL(FALLBACK_PNG);
}
