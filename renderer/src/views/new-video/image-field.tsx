// The optional start image: a dropped or chosen file (shown with its size), or a link.
import { useRef } from 'preact/hooks';
import { describedBy } from '../../components/field';
import { formatMegabytes, type ImageInput } from './generate-model';
import { useT } from '../../i18n/i18n';

export function ImageField({
  image,
  onImage,
  onFile,
  error,
  disabled,
  reading,
  dropping,
}: {
  image: ImageInput | null;
  /** A typed link, or null to remove the image. */
  onImage: (image: ImageInput | null) => void;
  /** A chosen file, to be read and checked by the view. */
  onFile: (file: File) => void;
  /** The error to show (from reading a file, validation or the server). */
  error: string | null;
  disabled: boolean;
  reading: boolean;
  /** A file is being dragged over the view. */
  dropping: boolean;
}) {
  const m = useT().m.newVideo;
  const fileRef = useRef<HTMLInputElement>(null);
  const urlText = image?.kind === 'url' ? image.url : '';

  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <span class="field-label" id="nv-image-label">
        {m.startImage} <span class="muted">{m.optional}</span>
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
            onClick={() => onImage(null)}
          >
            {m.removeImage}
          </button>
        </div>
      ) : (
        <div class={dropping ? 'nv-drop nv-drop-over' : 'nv-drop'} data-testid="image-drop">
          <span>{reading ? m.readingImage : dropping ? m.dropImage : m.dropHere}</span>
          <button
            type="button"
            class="btn btn-small"
            disabled={disabled || reading}
            onClick={() => fileRef.current?.click()}
          >
            {m.chooseImage}
          </button>
          <input
            ref={fileRef}
            type="file"
            class="nv-file"
            accept="image/png,image/jpeg,image/webp"
            aria-label={m.imageFile}
            tabIndex={-1}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) onFile(file);
            }}
          />
        </div>
      )}
      {image?.kind === 'data' ? null : (
        <input
          id="nv-image-url"
          class="input"
          type="url"
          placeholder={m.imageLinkPlaceholder}
          aria-label={m.imageLink}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('nv-image', false, error)}
          value={urlText}
          disabled={disabled}
          onInput={(e) => {
            const text = e.currentTarget.value;
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
