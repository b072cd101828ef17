// A finished video plays inline over its poster: muted and looped while the pointer is over
// it or it has keyboard focus, with sound once clicked (Enter/Space), stopped by a second
// click, Escape, leaving, or another preview starting. Main serves the video from
// app://video (the saved file, or the result URL streamed through main).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TrackedTask } from '../../../preload/contract';
import { appUrl } from '../lib/app-url';
import { MEDIA_TEXT } from '../lib/media-text';
import { claimPreview, releasePreview } from '../lib/preview-lock';
import { previewRef } from '../lib/task-view';
import { Poster } from './poster';
import { useT } from '../i18n/i18n';

type Mode = 'off' | 'muted' | 'sound';

export function PreviewPoster({ task }: { task: TrackedTask }) {
  useT(); // re-render when the language changes
  const ref = previewRef(task);
  const [mode, setMode] = useState<Mode>('off');
  const stop = useCallback(() => setMode('off'), []);
  const video = useRef<HTMLVideoElement>(null);

  const start = (next: Mode) => {
    claimPreview(stop);
    setMode(next);
  };
  useEffect(() => () => releasePreview(stop), [stop]);
  useEffect(() => {
    if (mode === 'off') releasePreview(stop);
    const el = video.current;
    if (!el) return;
    el.muted = mode !== 'sound';
    // A click is a user gesture, so sound may start; a refused play leaves the poster.
    void Promise.resolve()
      .then(() => el.play())
      .catch(() => undefined);
  }, [mode, stop]);

  if (!ref) return <Poster task={task} />;
  const src = appUrl('video', ref);
  const quiet = () => {
    if (mode === 'muted') setMode('off');
  };
  return (
    <button
      type="button"
      class={`poster-button preview-${mode}`}
      aria-label={MEDIA_TEXT.playPreview}
      aria-pressed={mode === 'sound'}
      title={mode === 'sound' ? MEDIA_TEXT.soundOn : MEDIA_TEXT.previewHint}
      onMouseEnter={() => mode === 'off' && start('muted')}
      onMouseLeave={quiet}
      onFocus={() => mode === 'off' && start('muted')}
      onBlur={quiet}
      onClick={() => (mode === 'sound' ? setMode('off') : start('sound'))}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && mode !== 'off') {
          e.stopPropagation();
          setMode('off');
        }
      }}
    >
      <Poster task={task} />
      {mode === 'off' ? null : (
        <video
          ref={video}
          class="preview-video"
          src={src}
          muted={mode !== 'sound'}
          loop
          autoplay
          playsInline
          preload="auto"
          disablePictureInPicture
          tabIndex={-1}
          aria-hidden="true"
        />
      )}
    </button>
  );
}
