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
import { messages, useT } from '../i18n/i18n';
import type { LanguageSetting } from '../../../preload/contract';

/** Language names are written in their own language, so anyone can find theirs. */
const LANGUAGES: [LanguageSetting, string | null][] = [
  ['system', null],
  ['en', 'English'],
  ['zh-Hans', '简体中文'],
];

type Errors = Partial<Record<keyof Settings, string>>;

/** A number field's text, or an error in words when it is not a number. */
function parseNumber(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : messages().settings.enterNumber;
}

export function SettingsView({ focusToken }: { focusToken: boolean }) {
  const bridge = useBridge();
  const { m: all, f, setLocale } = useT();
  const m = all.settings;
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
      const next = await bridge.settings.update({ [key]: value } as SettingsPatch);
      setView(next);
      // A new language applies at once: the whole window re-renders in it.
      if (next.locale) setLocale(next.locale);
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
        {m.loadFailed(loadError)}
      </div>
    );
  }
  if (!view) return <div class="empty muted">{m.loading}</div>;
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
        {m.title}
      </h1>
      {focusToken && !view.hasToken ? <p class="welcome">{m.welcome}</p> : null}
      <TokenSection view={view} onView={setView} inputRef={tokenRef} />

      <fieldset class="section">
        <legend class="section-title">{m.server}</legend>
        <Field id="baseUrl" label={m.baseUrl} error={errors.baseUrl} hint={m.baseUrlHint}>
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
        <legend class="section-title">{m.downloads}</legend>
        <Toggle
          id="autoDownload"
          label={m.autoDownload}
          checked={s.autoDownload}
          error={errors.autoDownload}
          onChange={(v) => void setAutoDownload(v)}
        />
        {offer && 'count' in offer ? (
          <div class="offer" role="group" aria-label={m.notDownloaded}>
            <span>{f.plural(offer.count, m.notDownloadedCount)}</span>
            <div class="row">
              <button
                type="button"
                class="btn btn-primary"
                onClick={() => void downloadAllFinished()}
              >
                {m.downloadAll(f.number(offer.count))}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setOffer(null)}>
                {m.notNow}
              </button>
            </div>
          </div>
        ) : null}
        {offer && 'started' in offer ? (
          <p class="offer" role="status">
            {f.plural(offer.started, m.downloadingCount)}
          </p>
        ) : null}
        {offer && 'error' in offer ? (
          <p class="offer field-error" role="alert">
            {offer.error}
          </p>
        ) : null}
        <Field id="downloadDir" label={m.folder} error={errors.downloadDir}>
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
              {m.choose}
            </button>
          </div>
        </Field>
      </fieldset>

      <fieldset class="section">
        <legend class="section-title">{m.app}</legend>
        <Field id="language" label={m.language} error={errors.language} hint={m.languageHint}>
          <select
            id="language"
            class="input"
            value={s.language}
            aria-describedby="language-hint"
            onChange={(e) =>
              void update(
                'language',
                (e.currentTarget as HTMLSelectElement).value as LanguageSetting,
              )
            }
          >
            {LANGUAGES.map(([value, name]) => (
              <option key={value} value={value} lang={value === 'system' ? undefined : value}>
                {name ?? m.languageSystem}
              </option>
            ))}
          </select>
        </Field>
        <Toggle
          id="notifications"
          label={m.notifications}
          checked={s.notifications}
          error={errors.notifications}
          onChange={(v) => void update('notifications', v)}
        />
        <Toggle
          id="launchAtLogin"
          label={m.launchAtLogin}
          checked={s.launchAtLogin}
          error={errors.launchAtLogin}
          onChange={(v) => void update('launchAtLogin', v)}
        />
        <Toggle
          id="autoUpdate"
          label={m.autoUpdate}
          checked={s.autoUpdate}
          error={errors.autoUpdate}
          onChange={(v) => void update('autoUpdate', v)}
        />
      </fieldset>

      <fieldset class="section">
        <legend class="section-title">{m.checking}</legend>
        <div class="grid-2">
          {numberField('pollFloorSec', m.pollFloor)}
          {numberField('pollCapSec', m.pollCap)}
        </div>
        {numberField('stalledAfterMin', m.stalledAfter, m.stalledHint)}
        {numberField('pollMaxPerMin', m.maxPerMin, m.maxPerMinHint)}
      </fieldset>
      <p class="saved-note" role="status">
        {saved ? m.saved : ''}
      </p>
    </section>
  );
}
