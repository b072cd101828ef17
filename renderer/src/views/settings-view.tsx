// Settings: each field is saved on its own as soon as it is committed, and main's answer (the
// saved settings, or why the value was refused) is shown next to that field.
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  Settings,
  SettingLimits,
  SettingsView as SettingsViewData,
} from '../../../preload/contract';
import { useBridge } from '../bridge';
import { CommittedInput } from '../components/committed-input';
import { Field } from '../components/field';
import { Toggle } from '../components/toggle';
import { TokenSection } from '../components/token-section';
import { errorMessage } from '../lib/format';

type Errors = Partial<Record<keyof Settings, string>>;

/** A number field's text, or an error in words when it is not a number. */
function parseNumber(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : 'Enter a number.';
}

export function SettingsView({ focusToken }: { focusToken: boolean }) {
  const bridge = useBridge();
  const [view, setView] = useState<SettingsViewData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<keyof Settings | null>(null);
  const tokenRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    bridge.settings.get().then(setView, (err: unknown) => setLoadError(errorMessage(err)));
  }, [bridge]);

  useEffect(() => {
    if (view && focusToken) tokenRef.current?.focus();
    // Focus once the form exists; later updates must not steal focus.
  }, [view === null, focusToken]);

  const update = async <K extends keyof Settings>(key: K, value: Settings[K]) => {
    // The old error stays until the answer comes: clearing it first would shift the layout
    // under a click that is on its way (a blur commits, then the click lands elsewhere).
    try {
      setView(await bridge.settings.update({ [key]: value } as Partial<Settings>));
      setErrors((e) => ({ ...e, [key]: undefined }));
      setSaved(key);
    } catch (err) {
      setErrors((e) => ({ ...e, [key]: errorMessage(err) }));
    }
  };

  const updateNumber = (key: keyof SettingLimits, text: string) => {
    const n = parseNumber(text);
    if (typeof n === 'string') setErrors((e) => ({ ...e, [key]: n }));
    else void update(key, n);
  };

  const chooseFolder = async () => {
    try {
      const dir = await bridge.settings.chooseFolder();
      if (dir) await update('downloadDir', dir);
    } catch (err) {
      setErrors((e) => ({ ...e, downloadDir: errorMessage(err) }));
    }
  };

  if (loadError) {
    return (
      <div class="empty" role="alert">
        Could not load settings: {loadError}
      </div>
    );
  }
  if (!view) return <div class="empty muted">Loading settings…</div>;
  const s = view.settings;
  // A whole number within the range main accepts, saved when committed.
  const numberField = (field: keyof SettingLimits, label: string, hint?: string) => (
    <Field id={field} label={label} error={errors[field]} hint={hint}>
      <CommittedInput
        id={field}
        type="number"
        min={view.limits[field].min}
        max={view.limits[field].max}
        step={1}
        hint={hint !== undefined}
        value={String(s[field])}
        error={errors[field]}
        onCommit={(v) => updateNumber(field, v)}
      />
    </Field>
  );

  return (
    <section class="settings view-pad" aria-labelledby="settings-title">
      <h1 id="settings-title" class="view-title">
        Settings
      </h1>
      {focusToken && !view.hasToken ? (
        <p class="welcome">
          Welcome to Pika Tray. Paste the API token from your Pika gateway account to start.
        </p>
      ) : null}
      <TokenSection view={view} onView={setView} inputRef={tokenRef} />

      <fieldset class="section">
        <legend class="section-title">Server</legend>
        <Field
          id="baseUrl"
          label="Base URL"
          error={errors.baseUrl}
          hint="The gateway that serves /pika/feed."
        >
          <CommittedInput
            id="baseUrl"
            type="url"
            value={s.baseUrl}
            hint
            error={errors.baseUrl}
            onCommit={(v) => void update('baseUrl', v.trim())}
          />
        </Field>
      </fieldset>

      <fieldset class="section">
        <legend class="section-title">Downloads</legend>
        <Toggle
          id="autoDownload"
          label="Download finished videos automatically"
          checked={s.autoDownload}
          error={errors.autoDownload}
          onChange={(v) => void update('autoDownload', v)}
        />
        <Field id="downloadDir" label="Folder" error={errors.downloadDir}>
          <div class="row">
            <input
              id="downloadDir"
              class="input input-path"
              readOnly
              value={s.downloadDir}
              title={s.downloadDir}
              aria-invalid={!!errors.downloadDir}
            />
            <button type="button" class="btn" onClick={() => void chooseFolder()}>
              Choose…
            </button>
          </div>
        </Field>
      </fieldset>

      <fieldset class="section">
        <legend class="section-title">App</legend>
        <Toggle
          id="notifications"
          label="Notify me when a video is ready"
          checked={s.notifications}
          error={errors.notifications}
          onChange={(v) => void update('notifications', v)}
        />
        <Toggle
          id="launchAtLogin"
          label="Start Pika Tray when I log in"
          checked={s.launchAtLogin}
          error={errors.launchAtLogin}
          onChange={(v) => void update('launchAtLogin', v)}
        />
      </fieldset>

      <fieldset class="section">
        <legend class="section-title">Checking</legend>
        <div class="grid-2">
          {numberField('pollFloorSec', 'Shortest poll interval (seconds)')}
          {numberField('pollCapSec', 'Longest poll interval (seconds)')}
        </div>
        {numberField(
          'stalledAfterMin',
          'Stalled after (minutes)',
          'Stalled tasks are still checked; they are only flagged.',
        )}
        {numberField(
          'pollMaxPerMin',
          'Most requests per minute',
          '0: no cap. The rate is learnt from the gateway either way; each task is still checked once per longest interval.',
        )}
      </fieldset>
      <p class="saved-note" role="status">
        {saved ? 'Saved.' : ''}
      </p>
    </section>
  );
}
