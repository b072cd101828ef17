// The window's language. The provider holds the locale (Settings -> Language as main
// resolved it); components read their words with useT() and re-render when it changes, so a
// new choice applies at once. Plain helpers (card actions, media texts) read the same
// current catalog through messages() / fmt(), called from components that use useT().
//
// Each catalog is its own chunk, loaded when first needed: main.tsx loads the one main names
// before the first render, so the window never flashes another language, and the bundle
// carries only the words it shows.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { formatter, resolveLocale, type Formatter, type Locale } from '../../../main/core/i18n';
import type { PikaBridge } from '../../../preload/contract';
import type { Messages } from './en';

const CATALOGS: Partial<Record<Locale, Messages>> = {};
const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  'zh-Hans': () => import('./zh-Hans').then((m) => m.zhHans),
};

/** Loads a catalog once; resolves when it can be used. */
export async function loadCatalog(locale: Locale): Promise<void> {
  CATALOGS[locale] ??= await LOADERS[locale]();
}

/** Makes a catalog available at once (tests, which render synchronously). */
export function registerCatalog(locale: Locale, catalog: Messages): void {
  CATALOGS[locale] = catalog;
}

export interface I18n {
  locale: Locale;
  m: Messages;
  f: Formatter;
  setLocale(locale: Locale): void;
}

/** The locale shown: the one asked for once loaded, else one that is (English first). */
function usable(locale: Locale): Locale {
  if (CATALOGS[locale]) return locale;
  if (CATALOGS.en) return 'en';
  if (CATALOGS['zh-Hans']) return 'zh-Hans';
  throw new Error('No language catalog is loaded (call loadCatalog before rendering).');
}

function i18nOf(locale: Locale, setLocale: (l: Locale) => void): I18n {
  const shown = usable(locale);
  return { locale: shown, m: CATALOGS[shown]!, f: formatter(shown), setLocale };
}

let current: I18n | null = null;

/** The words and formats of the current language (for helpers outside components). */
export function messages(): Messages {
  return current?.m ?? CATALOGS[usable('en')]!;
}
export function fmt(): Formatter {
  return current?.f ?? formatter(usable('en'));
}

// Outside a provider (component tests): whatever catalog is loaded, English first.
const Ctx = createContext<I18n>({
  get locale() {
    return usable('en');
  },
  get m() {
    return messages();
  },
  get f() {
    return fmt();
  },
  setLocale: () => undefined,
});

/** The current catalog, formatter and locale; re-renders the caller when the language changes. */
export function useT(): I18n {
  return useContext(Ctx);
}

/** The locale before main answers: what the browser (Chromium: the OS) prefers. */
export function initialLocale(): Locale {
  return typeof navigator === 'undefined' ? 'en' : resolveLocale(navigator.languages ?? []);
}

export function I18nProvider({
  bridge,
  initial = initialLocale(),
  children,
}: {
  bridge: Pick<PikaBridge, 'settings'>;
  initial?: Locale;
  children: ComponentChildren;
}) {
  const [locale, setShown] = useState<Locale>(() => usable(initial));
  const setLocale = useCallback((next: Locale) => {
    if (CATALOGS[next]) setShown(next);
    else
      void loadCatalog(next).then(
        () => setShown(next),
        () => undefined,
      );
  }, []);
  const value = useMemo(() => i18nOf(locale, setLocale), [locale, setLocale]);
  current = value;
  useEffect(() => {
    document.documentElement.lang = value.locale;
  }, [value.locale]);
  // Main knows the setting and the OS's languages; ask it at start and whenever the window
  // comes back (the tray may have changed the language meanwhile).
  useEffect(() => {
    let live = true;
    const ask = () => {
      bridge.settings.get().then(
        (view) => {
          if (live && view.locale) setLocale(view.locale);
        },
        () => undefined,
      );
    };
    if (initial !== locale) setLocale(initial);
    ask();
    const onVisible = () => {
      if (document.visibilityState === 'visible') ask();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
    // Once: later languages come through setLocale.
  }, [bridge, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
