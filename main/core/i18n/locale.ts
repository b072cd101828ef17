// Which language the app speaks. Electron-free and browser-safe: the main process, the CLI
// and the renderer all import this.

/** The catalogs that exist. Traditional Chinese has none, so every Chinese reader gets zh-Hans. */
export const LOCALES = ['en', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/** Settings -> Language: follow the OS, or a fixed language. */
export const LANGUAGE_SETTINGS = ['system', 'en', 'zh-Hans'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export function isLanguageSetting(v: unknown): v is LanguageSetting {
  return typeof v === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(v);
}

/**
 * The locale for a list of BCP 47 tags in order of preference (as
 * `app.getPreferredSystemLanguages()`, `navigator.languages` or `LANG` give them). The first tag
 * that names a language we have wins: any Chinese (zh, zh-CN, zh-SG, zh-Hans, and, as no
 * Traditional catalog exists, zh-TW / zh-HK / zh-Hant) is zh-Hans; English is en. Tags of
 * other languages are skipped; when nothing matches, English.
 */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const raw of preferred) {
    const lang = primaryLanguage(raw);
    if (lang === 'zh') return 'zh-Hans';
    if (lang === 'en') return 'en';
  }
  return 'en';
}

/** The locale a setting means, given the OS's preferred languages. */
export function effectiveLocale(setting: LanguageSetting, preferred: readonly string[]): Locale {
  return setting === 'system' ? resolveLocale(preferred) : setting;
}

// "zh_CN.UTF-8" (POSIX) and "zh-Hans-CN" (BCP 47) both start with the language subtag.
function primaryLanguage(tag: string): string {
  return (
    tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? ''
  ).replace(/[^a-z]/g, '');
}
