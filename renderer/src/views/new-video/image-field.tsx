// The optional start image: drop a file, choose one, or paste a link. Shows what will be sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { describedBy } from '../../components/field';
import { formatMegabytes, type ImageInput } from './generate-model';
import { readImageFile } from './read-image';

export function ImageField({
  image,
  onImage,
  error,
  onError,
  disabled,
}: {
  image: ImageInput | null;
  onImage: (image: ImageInput | null) => void;
  /** The error to show (from reading a file, validation or the server). */
  error: string | null;
  onError: (error: string | null) => void;
  disabled: boolean;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  const urlText = image?.kind === 'url' ? image.url : '';

  const take = async (file: File | undefined) => {
    if (!file || disabled) return;
    setReading(true);
    const read = await readImageFile(file);
    setReading(false);
    if (read.ok) {
      onError(null);
      onImage(read.image);
    } else {
      onError(read.error);
    }
  };

  const dropRef = useRef<HTMLDivElement>(null);
  // Listened to directly rather than through onDrop props: Preact maps those from `ondrop`
  // properties, which some DOMs (happy-dom) lack, and the drop must never fall through.
  useEffect(() => {
    const zone = dropRef.current;
    if (!zone) return;
    const listeners = { dragover: onDragOver, dragleave: () => setOver(false), drop: onDrop };
    for (const [name, fn] of Object.entries(listeners))
      zone.addEventListener(name, fn as EventListener);
    return () => {
      for (const [name, fn] of Object.entries(listeners))
        zone.removeEventListener(name, fn as EventListener);
    };
  });

  const onDrop = (e: DragEvent) => {
    // Handled here: the window's own drop handler would take the drop as task ids otherwise.
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void take(e.dataTransfer?.files[0]);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };

  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <span class="field-label" id="nv-image-label">
        Start image <span class="muted">(optional)</span>
      </span>
      {image?.kind === 'data' ? (
        <div class="nv-image-chosen">
          <img class="nv-image-preview" src={image.dataUrl} alt="" />
          <span class="nv-image-name" title={image.name}>
            {image.name} <span class="muted">· {formatMegabytes(image.bytes)}</span>
          </span>
          <button
            type="button"
            class="btn btn-small btn-ghost"
            disabled={disabled}
            onClick={() => {
              onImage(null);
              onError(null);
            }}
          >
            Remove image
          </button>
        </div>
      ) : (
        <div
          class={over ? 'nv-drop nv-drop-over' : 'nv-drop'}
          data-testid="image-drop"
          ref={dropRef}
        >
          <span>{reading ? 'Reading image…' : 'Drop a PNG, JPEG or WebP here, or'}</span>
          <button
            type="button"
            class="btn btn-small"
            disabled={disabled || reading}
            onClick={() => fileRef.current?.click()}
          >
            Choose image…
          </button>
          <input
            ref={fileRef}
            type="file"
            class="nv-file"
            accept="image/png,image/jpeg,image/webp"
            aria-label="Image file"
            tabIndex={-1}
            onChange={(e) => {
              const input = e.currentTarget;
              void take(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
      )}
      {image?.kind === 'data' ? null : (
        <input
          id="nv-image-url"
          class="input"
          type="url"
          placeholder="…or an image link: https://"
          aria-label="Image link"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('nv-image', false, error)}
          value={urlText}
          disabled={disabled}
          onInput={(e) => {
            const text = e.currentTarget.value;
            onError(null);
            onImage(text.trim() ? { kind: 'url', url: text } : null);
          }}
        />
      )}
      {error ? (
        <p class="field-error" id="nv-image-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
