// The language of the main process's own words (tray, notifications, dialogs): Settings ->
// Language, or the OS's preferred languages for 'system'. A change applies at once: the tray
// menu and tooltip are rebuilt, and later notifications and dialogs read the new catalog.
import type { Locale } from '../../core/i18n';
import { mainText, type MainText } from '../../core/text';
import type { UpdateMenuEntry } from '../../core/update/update-view';
import type { SettingsPort } from '../services';

export interface LanguageFollower {
  /** The words in the language of the moment. */
  text(): MainText;
  close(): void;
}

export function followLanguage(options: {
  settings: Pick<SettingsPort, 'onChange'>;
  /** The effective locale now (services.locale: the setting, or the OS's for 'system'). */
  locale(): Locale;
  /** Runs after the language changed, with the new words. */
  changed(text: MainText): void;
}): LanguageFollower {
  let current = options.locale();
  const off = options.settings.onChange((next, previous) => {
    if (next.language === previous.language) return;
    const locale = options.locale();
    if (locale === current) return; // 'system' → the same language the OS speaks
    current = locale;
    options.changed(mainText(locale));
  });
  return { text: () => mainText(current), close: off };
}

/** What of the tray a language change redraws. */
export interface RelabelTray {
  setCredit(line: string | null): void;
  setUpdateEntries(entries: readonly UpdateMenuEntry[]): void;
  relabel(): void;
}

/** Rebuilds the tray menu in the new words, and has the tooltip redrawn. */
export function relabelTray(
  tray: RelabelTray,
  parts: {
    creditLine(): string | null;
    updateEntries(): readonly UpdateMenuEntry[] | null;
    refreshTooltip(): void;
  },
): void {
  tray.setCredit(parts.creditLine());
  const entries = parts.updateEntries();
  if (entries) tray.setUpdateEntries(entries);
  tray.relabel();
  parts.refreshTooltip();
}
