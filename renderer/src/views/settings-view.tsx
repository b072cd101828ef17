// Settings: each field is saved on its own as soon as it is committed, and main's answer (the
// saved settings, or why the value was refused) is shown next to that field.
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  Settings,
  SettingLimits,
  SettingsPatch,
  SettingsView as SettingsViewData,
} from '../../../preload/contract';
import { useBridge } from '../bridge';
import { CommittedInput } from '../components/committed-input';
import { Field } from '../components/field';
import { NetworkSection } from '../components/network-section';
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
  // Turning auto-download on offers the videos that finished before: how many, then how
  // many were started.
  const [offer, setOffer] = useState<
    { count: number } | { started: number } | { error: string } | null
  >(null);

  useEffect(() => {
    bridge.settings.get().then(setView, (err: unknown) => setLoadError(errorMessage(err)));
  }, [bridge]);

  useEffect(() => {
    if (view && focusToken) tokenRef.current?.focus();
    // Focus once the form exists; later updates must not steal focus.
  }, [view === null, focusToken]);

  const update = async <K extends keyof SettingsPatch>(
    key: K,
    value: Settings[K],
  ): Promise<boolean> => {
    // The old error stays until the answer comes: clearing it first would shift the layout
    // under a click that is on its way (a blur commits, then the click lands elsewhere).
    try {
      setView(await bridge.settings.update({ [key]: value } as SettingsPatch));
      setErrors((e) => ({ ...e, [key]: undefined }));
      setSaved(key);
      return true;
    } catch (err) {
      setErrors((e) => ({ ...e, [key]: errorMessage(err) }));
      return false;
    }
  };

  const updateNumber = (key: keyof SettingLimits, text: string) => {
    const n = parseNumber(text);
    if (typeof n === 'string') setErrors((e) => ({ ...e, [key]: n }));
    else void update(key, n);
  };

  const setAutoDownload = async (on: boolean) => {
    const wasOn = view?.settings.autoDownload ?? false;
    if (!(await update('autoDownload', on))) return;
    if (!on) return setOffer(null);
    if (wasOn) return;
    try {
      const count = await bridge.tasks.countNotDownloaded();
      setOffer(count > 0 ? { count } : null);
    } catch {
      setOffer(null);
    }
  };

  const downloadAllFinished = async () => {
    try {
      setOffer({ started: await bridge.tasks.downloadAllFinished() });
    } catch (err) {
      setOffer({ error: errorMessage(err) });
    }
  };

  const chooseFolder = async () => {
    try {
      // Main shows the picker and saves the folder itself; the answer is the new view.
      const next = await bridge.settings.chooseFolder();
      if (next) {
        setView(next);
        setErrors((e) => ({ ...e, downloadDir: undefined }));
        setSaved('downloadDir');
      }
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

      <NetworkSection
        network={s.network}
        error={errors.network}
        onSave={(network) => update('network', network)}
      />

      <fieldset class="section">
        <legend class="section-title">Downloads</legend>
        <Toggle
          id="autoDownload"
          label="Download finished videos automatically"
          checked={s.autoDownload}
          error={errors.autoDownload}
          onChange={(v) => void setAutoDownload(v)}
        />
        {offer && 'count' in offer ? (
          <div class="offer" role="group" aria-label="Finished videos not downloaded">
            <span>
              {offer.count === 1
                ? '1 video that finished earlier is not downloaded.'
                : `${offer.count} videos that finished earlier are not downloaded.`}
            </span>
            <div class="row">
              <button
                type="button"
                class="btn btn-primary"
                onClick={() => void downloadAllFinished()}
              >
                Download all finished ({offer.count})
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setOffer(null)}>
                Not now
              </button>
            </div>
          </div>
        ) : null}
        {offer && 'started' in offer ? (
          <p class="offer" role="status">
            {offer.started === 1
              ? 'Downloading 1 video; its progress shows in Tasks.'
              : `Downloading ${offer.started} videos; their progress shows in Tasks.`}
          </p>
        ) : null}
        {offer && 'error' in offer ? (
          <p class="offer field-error" role="alert">
            {offer.error}
          </p>
        ) : null}
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
        <Toggle
          id="autoUpdate"
          label="Check for updates automatically"
          checked={s.autoUpdate}
          error={errors.autoUpdate}
          onChange={(v) => void update('autoUpdate', v)}
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
