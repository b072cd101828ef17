// The window's language. The provider holds the locale (Settings -> Language as main
// resolved it); components read their words with useT() and re-render when it changes, so a
// new choice applies at once. Plain helpers (card actions, media texts) read the same
// current catalog through messages() / fmt(), called from components that use useT().
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { formatter, resolveLocale, type Formatter, type Locale } from '../../../main/core/i18n';
import type { PikaBridge } from '../../../preload/contract';
import { en, type Messages } from './en';
import { zhHans } from './zh-Hans';

const CATALOGS: Record<Locale, Messages> = { en, 'zh-Hans': zhHans };

export interface I18n {
  locale: Locale;
  m: Messages;
  f: Formatter;
  setLocale(locale: Locale): void;
}

function i18nOf(locale: Locale, setLocale: (l: Locale) => void): I18n {
  return { locale, m: CATALOGS[locale], f: formatter(locale), setLocale };
}

let current: I18n = i18nOf('en', () => undefined);

const Ctx = createContext<I18n>(current);

/** The words and formats of the current language (for helpers outside components). */
export function messages(): Messages {
  return current.m;
}
export function fmt(): Formatter {
  return current.f;
}

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
  const [locale, setLocale] = useState<Locale>(initial);
  const value = useMemo(() => i18nOf(locale, setLocale), [locale]);
  current = value;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
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
    ask();
    const onVisible = () => {
      if (document.visibilityState === 'visible') ask();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [bridge]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
