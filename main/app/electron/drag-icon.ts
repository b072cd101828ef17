// The image under the pointer while a video is dragged out: the video's poster when one is
// cached (downloads/poster-cache.ts), else the app icon. startDrag refuses an empty image (it
// throws on macOS), so a built-in one is used when neither can be read.
import { nativeImage, type NativeImage } from 'electron';

// A 16x16 opaque violet square, so there is always something to show.
const FALLBACK_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR4nGOosXr7nxLMMGrAqAGjBgwXAwBGOKIfnI4B3gAAAABJRU5ErkJggg==';

/** Width of a poster under the pointer; its height follows the video's aspect ratio. */
export const POSTER_DRAG_WIDTH = 128;
export const ICON_DRAG_SIZE = 64;

export function dragIcon(sources: { poster: string | null; appIcon: string }): NativeImage {
  if (sources.poster) {
    const poster = nativeImage.createFromPath(sources.poster);
    if (!poster.isEmpty()) return poster.resize({ width: POSTER_DRAG_WIDTH, quality: 'good' });
  }
  const icon = nativeImage.createFromPath(sources.appIcon);
  if (!icon.isEmpty()) {
    return icon.resize({ width: ICON_DRAG_SIZE, height: ICON_DRAG_SIZE, quality: 'good' });
  }
  return nativeImage.createFromDataURL(FALLBACK_PNG);
}
