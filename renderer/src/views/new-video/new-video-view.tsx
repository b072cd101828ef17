// "New video": a prompt and Pika's options -> one POST /pika/generate through main. Every
// generation is billed, so a submit sends exactly once (one request id per attempt, button
// disabled until the answer), nothing is retried on its own, and a lost answer is shown as
// "unknown" with a deliberate "Send again anyway" rather than as an error to click past.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TrackedTask } from '../../../../preload/contract';
import { useBridge } from '../../bridge';
import { CreditHint } from '../../credit/credit-hint';
import { CREDIT_TEXT, hostOf } from '../../credit/credit-text';
import { useCredit } from '../../credit/use-credit';
import { describedBy, Field } from '../../components/field';
import {
  ASPECT_PRESETS,
  buildGenerateRequest,
  emptyForm,
  fieldFromServer,
  LIMITS,
  MODELS,
  PIKAFFECTS,
  FormProblemError,
  prefillFrom,
  type GenerateField,
  type GenerateForm,
  type PrefillMode,
} from './generate-model';
import { formText, type ShownProblem } from './form-text';
import { ImageField } from './image-field';
import { keepSettings, keptSettings } from './kept-settings';
import { readImageFile } from './read-image';
import { useFileDrop } from './use-file-drop';
import { useGenerate } from './use-generate';
import './new-video.css';
import { messages, useT } from '../../i18n/i18n';

export interface NewVideoPrefill {
  task: TrackedTask;
  mode: PrefillMode;
  videoId?: string;
  /** Bump to apply the same task again. */
  seq: number;
}

export interface NewVideoViewProps {
  /** Call with the created task to show it in the task list (switches to the tasks view). */
  onCreated: (task: TrackedTask) => void;
  /** "Again" / "Extend" from a task card: start the form from that task. */
  prefill?: NewVideoPrefill | null;
  /** Opens the task list, offered when the outcome of a send is unknown. */
  onShowTasks?: () => void;
}

// The draft outlives the view, so looking at the task list and coming back loses nothing.
let draft: GenerateForm | null = null;
let appliedPrefill: NewVideoPrefill | null = null;

/** For tests: start from an empty form. */
export function forgetDraft(): void {
  draft = null;
  appliedPrefill = null;
}

const INPUT_ID: Record<GenerateField, string> = {
  promptText: 'nv-prompt',
  model: 'nv-model',
  pikaffect: 'nv-effect',
  aspectRatio: 'nv-aspect-16-9',
  frameRate: 'nv-fps',
  motion: 'nv-motion',
  guidanceScale: 'nv-guidance',
  negativePrompt: 'nv-negative',
  image: 'nv-image-url',
  video: 'nv-extend-remove',
};

/**
 * The form for "Again"/"Extend", with the settings the task was made with when this app made
 * it; an Extend without a finished video falls back to Again.
 */
function fromPrefill(p: NewVideoPrefill): { form: GenerateForm; note: PrefillNote | null } {
  const settings = keptSettings(p.task.id);
  let fallbackWhy: ShownProblem | null = null;
  let form: GenerateForm;
  let mode = p.mode;
  try {
    form = prefillFrom(p.task, mode, p.videoId, settings);
  } catch (err) {
    fallbackWhy =
      err instanceof FormProblemError ? err.ref : err instanceof Error ? err.message : String(err);
    mode = 'again';
    form = prefillFrom(p.task, mode, undefined, settings);
  }
  const imageFile = mode === 'again' && settings?.imageFile ? settings.imageFile : null;
  return { form, note: fallbackWhy !== null || imageFile ? { fallbackWhy, imageFile } : null };
}

/** Why the form is not quite what was asked for: data, worded in the language of each render. */
interface PrefillNote {
  fallbackWhy: ShownProblem | null;
  imageFile: string | null;
}

function noteText(note: PrefillNote): string {
  const m = messages().newVideo;
  const notes: string[] = [];
  if (note.fallbackWhy !== null) notes.push(m.fallbackToAgain(formText(note.fallbackWhy)));
  if (note.imageFile) notes.push(m.imageFileAgain(note.imageFile));
  return notes.join(' ');
}

/** Each field's problem: ours as data (rendered in the language of each render) or the server's. */
type ShownErrors = Partial<Record<GenerateField, ShownProblem>>;

const ADVANCED: GenerateField[] = ['frameRate', 'motion', 'guidanceScale', 'negativePrompt'];

export function NewVideoView({ onCreated, prefill, onShowTasks }: NewVideoViewProps) {
  const t = useT().m;
  const m = t.newVideo;
  const bridge = useBridge();
  // A prefill is applied once (on mount or when a new one arrives); after that the draft rules.
  const fresh = prefill && prefill !== appliedPrefill ? fromPrefill(prefill) : null;
  if (fresh && prefill) {
    appliedPrefill = prefill;
    draft = fresh.form;
  }
  const [form, setFormState] = useState<GenerateForm>(() => draft ?? emptyForm());
  const [prefillNote, setPrefillNote] = useState<PrefillNote | null>(fresh?.note ?? null);
  const [problems, setErrors] = useState<ShownErrors>({});
  const [imageReadError, setImageReadError] = useState<ShownProblem | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [reading, setReading] = useState(false);
  const viewRef = useRef<HTMLElement>(null);

  const setForm = (next: GenerateForm) => {
    draft = next;
    setFormState(next);
  };

  // A new "Again"/"Extend" while the view is open replaces the form.
  useEffect(() => {
    if (!fresh) return;
    setFormState(fresh.form);
    setPrefillNote(fresh.note);
    setErrors({});
    setImageReadError(null);
  }, [prefill]);

  // The form as sent, kept with the created task so "Again" can restore its settings.
  const sentForm = useRef<GenerateForm | null>(null);
  const { state, send, reset } = useGenerate(bridge, (task) => {
    if (sentForm.current) keepSettings(task.id, sentForm.current);
    forgetDraft();
    onCreated(task);
  });
  const credit = useCredit(bridge);
  const sending = state.phase === 'sending';
  const unknown = state.phase === 'unknown';

  // A refusal that names a field is shown next to that field.
  useEffect(() => {
    if (state.phase !== 'rejected') return;
    const field = fieldFromServer(state.field ?? undefined);
    if (field) {
      setErrors((e) => ({ ...e, [field]: state.message }));
      reveal(field);
    }
  }, [state]);

  // Always the latest form: a file finishes reading after renders that may have changed it.
  const formNow = useRef(form);
  formNow.current = form;

  const takeImage = useCallback(async (file: File) => {
    setReading(true);
    const read = await readImageFile(file);
    setReading(false);
    if (!read.ok) {
      setImageReadError(read.error);
      return;
    }
    setImageReadError(null);
    setErrors((e) => ({ ...e, image: undefined }));
    setForm({ ...formNow.current, image: read.image });
  }, []);

  const dropping = useFileDrop(
    viewRef,
    form.extendVideo === null && !sending && !unknown && !reading,
    takeImage,
  );

  const update = <K extends keyof GenerateForm>(
    key: K,
    value: GenerateForm[K],
    field: GenerateField,
  ) => {
    setForm({ ...form, [key]: value });
    if (problems[field]) setErrors({ ...problems, [field]: undefined });
    if (state.phase === 'rejected') reset();
  };

  const reveal = (field: GenerateField) => {
    if (ADVANCED.includes(field)) setAdvancedOpen(true);
    // After the render that opened the section and drew the error.
    setTimeout(() => {
      const input = document.getElementById(INPUT_ID[field]);
      input?.focus();
      // The message sits under the input, and the popover is short: bring both into view.
      input?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
    }, 0);
  };

  /** `resend`: the user chose "Send again anyway" after an unknown outcome. */
  const submit = (resend = false) => {
    if (sending || imageReadError || (unknown && !resend)) return;
    const built = buildGenerateRequest(form);
    if (!built.ok) {
      setErrors(built.errors);
      const first = (Object.keys(INPUT_ID) as GenerateField[]).find((f) => built.errors[f]);
      if (first) reveal(first);
      return;
    }
    setErrors({});
    sentForm.current = form;
    void send(built.request);
  };

  const formError =
    state.phase === 'rejected' && !fieldFromServer(state.field ?? undefined) ? state.message : null;
  // The outcome appears below the fields: bring it into view in a short popover.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unknown || formError) outcomeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [unknown, formError]);

  const framedBy = form.image ? 'image' : form.extendVideo !== null ? 'video' : null;
  // In the words of this render's language, so a language change re-words them at once.
  const errors: Partial<Record<GenerateField, string>> = {};
  for (const [field, problem] of Object.entries(problems) as [GenerateField, ShownProblem][]) {
    if (problem !== undefined) errors[field] = formText(problem, t);
  }
  const imageProblem = imageReadError ?? problems.image ?? null;
  const imageError = imageProblem === null ? null : formText(imageProblem, t);

  return (
    <section ref={viewRef} class="view-pad nv" aria-labelledby="new-title">
      <h1 id="new-title" class="view-title">
        {m.title}
      </h1>
      <form
        class="nv-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {prefillNote ? (
          <p class="nv-note" role="status">
            {noteText(prefillNote)}
          </p>
        ) : null}
        <fieldset class="nv-fields" disabled={sending || unknown}>
          {form.extendVideo !== null ? (
            <div class={errors.video ? 'nv-extend field-invalid' : 'nv-extend'}>
              <span class="nv-extend-what">
                {m.extending}{' '}
                <span class="nv-extend-url" title={form.extendVideo}>
                  {form.extendVideo}
                </span>
              </span>
              <button
                id="nv-extend-remove"
                type="button"
                class="btn btn-small btn-ghost"
                onClick={() => update('extendVideo', null, 'video')}
              >
                {m.makeNew}
              </button>
              {errors.video ? (
                <p class="field-error" role="alert">
                  {errors.video}
                </p>
              ) : null}
            </div>
          ) : null}

          <Field id="nv-prompt" label={m.prompt} error={errors.promptText ?? null}>
            <textarea
              id="nv-prompt"
              class="input nv-prompt"
              rows={3}
              placeholder={m.promptPlaceholder}
              value={form.prompt}
              aria-invalid={errors.promptText ? true : undefined}
              aria-describedby={describedBy('nv-prompt', false, errors.promptText)}
              onInput={(e) => update('prompt', e.currentTarget.value, 'promptText')}
              onKeyDown={(e) => {
                // Ctrl/Cmd+Enter sends, as in chat boxes; plain Enter is a new line.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  submit();
                }
              }}
            />
          </Field>

          {form.extendVideo === null ? (
            <ImageField
              image={form.image}
              onImage={(image) => {
                setImageReadError(null);
                update('image', image, 'image');
              }}
              onFile={takeImage}
              error={imageError}
              disabled={sending || unknown}
              reading={reading}
              dropping={dropping}
            />
          ) : null}

          <fieldset
            class={errors.aspectRatio ? 'nv-aspect field-invalid' : 'nv-aspect'}
            disabled={framedBy !== null}
            aria-describedby="nv-aspect-hint"
          >
            <legend class="field-label">{m.aspectRatio}</legend>
            <div class="nv-aspect-options" role="radiogroup" aria-label={m.aspectRatio}>
              {ASPECT_PRESETS.map((preset) => (
                <label key={preset} class="nv-aspect-option">
                  <input
                    type="radio"
                    name="nv-aspect"
                    id={`nv-aspect-${preset.replace(':', '-')}`}
                    value={preset}
                    checked={form.aspectRatio === preset}
                    onChange={() => update('aspectRatio', preset, 'aspectRatio')}
                  />
                  <span class="nv-aspect-box">{preset}</span>
                </label>
              ))}
            </div>
            <p class="field-hint" id="nv-aspect-hint">
              {framedBy === 'image'
                ? m.fromImage
                : framedBy === 'video'
                  ? m.fromVideo
                  : m.aspectHint}
            </p>
            {errors.aspectRatio ? (
              <p class="field-error" role="alert">
                {errors.aspectRatio}
              </p>
            ) : null}
          </fieldset>

          <div class="grid-2">
            <Field id="nv-model" label={m.model} error={errors.model ?? null}>
              <select
                id="nv-model"
                class="input"
                value={form.model}
                aria-invalid={errors.model ? true : undefined}
                aria-describedby={describedBy('nv-model', false, errors.model)}
                onChange={(e) => update('model', e.currentTarget.value, 'model')}
              >
                {MODELS.map((m) => (
                  <option key={m} value={m}>
                    Pika {m}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="nv-effect"
              label={m.effect}
              hint={form.pikaffect ? m.effectHint : undefined}
              error={errors.pikaffect ?? null}
            >
              <select
                id="nv-effect"
                class="input"
                value={form.pikaffect}
                aria-invalid={errors.pikaffect ? true : undefined}
                aria-describedby={describedBy('nv-effect', !!form.pikaffect, errors.pikaffect)}
                onChange={(e) => update('pikaffect', e.currentTarget.value, 'pikaffect')}
              >
                <option value="">{m.noEffect}</option>
                {PIKAFFECTS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
          </div>

          <details
            class="nv-advanced"
            open={advancedOpen}
            onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
          >
            <summary>{m.moreOptions}</summary>
            <div class="nv-advanced-body">
              <div class="nv-numbers">
                <NumberField
                  id="nv-fps"
                  label={m.frameRate}
                  range={LIMITS.frameRate}
                  value={form.frameRate}
                  error={errors.frameRate}
                  onValue={(v) => update('frameRate', v, 'frameRate')}
                />
                <NumberField
                  id="nv-motion"
                  label={m.motion}
                  range={LIMITS.motion}
                  value={form.motion}
                  error={errors.motion}
                  onValue={(v) => update('motion', v, 'motion')}
                />
                <NumberField
                  id="nv-guidance"
                  label={m.guidance}
                  range={LIMITS.guidanceScale}
                  value={form.guidanceScale}
                  error={errors.guidanceScale}
                  onValue={(v) => update('guidanceScale', v, 'guidanceScale')}
                />
              </div>
              <Field
                id="nv-negative"
                label={m.negativePrompt}
                hint={m.negativeHint}
                error={errors.negativePrompt ?? null}
              >
                <input
                  id="nv-negative"
                  class="input"
                  type="text"
                  placeholder={m.negativePlaceholder}
                  value={form.negativePrompt}
                  aria-invalid={errors.negativePrompt ? true : undefined}
                  aria-describedby={describedBy('nv-negative', true, errors.negativePrompt)}
                  onInput={(e) => update('negativePrompt', e.currentTarget.value, 'negativePrompt')}
                />
              </Field>
            </div>
          </details>
        </fieldset>

        <div ref={outcomeRef} class="nv-outcome">
          {formError ? (
            <p class="nv-form-error" role="alert">
              {formError}
              {state.phase === 'rejected' && state.topUpUrl ? (
                <>
                  {' '}
                  <button
                    type="button"
                    class="credit-link"
                    onClick={() => void bridge.credit.openTopUp()}
                  >
                    {CREDIT_TEXT.topUpAt(hostOf(state.topUpUrl))}
                  </button>
                </>
              ) : null}
            </p>
          ) : null}

          {unknown ? (
            <div class="nv-unknown" role="alert">
              <p class="nv-unknown-title">{m.unknownTitle}</p>
              <p class="nv-unknown-text">{state.message}</p>
              <div class="row">
                {onShowTasks ? (
                  <button type="button" class="btn btn-small" onClick={onShowTasks}>
                    {m.checkTasks}
                  </button>
                ) : null}
                <button
                  type="button"
                  class="btn btn-small btn-danger"
                  onClick={() => {
                    // A deliberate resend: a fresh request id, so main sends a new POST.
                    reset();
                    submit(true);
                  }}
                >
                  {m.sendAgain}
                </button>
                <button type="button" class="btn btn-small btn-ghost" onClick={reset}>
                  {m.editForm}
                </button>
              </div>
            </div>
          ) : (
            <div class="nv-submit row">
              <button
                type="submit"
                class="btn btn-primary"
                disabled={sending}
                aria-busy={sending ? true : undefined}
              >
                {sending ? m.sending : form.extendVideo !== null ? m.extendVideo : m.createVideo}
              </button>
              <CreditHint view={credit.view} />
            </div>
          )}
        </div>
      </form>
    </section>
  );
}

function NumberField({
  id,
  label,
  range,
  value,
  error,
  onValue,
}: {
  id: string;
  label: string;
  range: { min: number; max: number };
  value: string;
  error: string | undefined;
  onValue: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={`${range.min}–${range.max}`} error={error ?? null}>
      <input
        id={id}
        class="input"
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, true, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Field>
  );
}
