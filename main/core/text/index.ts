// The main process's words and formatting for one locale. Core modules take a `MainText`
// (or a function returning the current one, so a language change reaches later output).
import { formatter, type Catalog, type Formatter, type Locale } from '../i18n';
import { en, type MainCatalog } from './en';
import { zhHans } from './zh-Hans';

export interface MainText {
  locale: Locale;
  t: Catalog<MainCatalog>;
  fmt: Formatter;
}

const cache = new Map<Locale, MainText>();

export function mainText(locale: Locale): MainText {
  let text = cache.get(locale);
  if (!text) {
    text = { locale, t: locale === 'zh-Hans' ? zhHans : en, fmt: formatter(locale) };
    cache.set(locale, text);
  }
  return text;
}

export const ENGLISH: MainText = mainText('en');
