// The command line's catalog for a locale, with the formatter of the same locale.
import { formatter, type Catalog, type Formatter, type Locale } from '../../core/i18n';
import { en, type CliCatalog } from './en';
import { zhHans } from './zh-Hans';

export interface CliText {
  locale: Locale;
  t: Catalog<CliCatalog>;
  fmt: Formatter;
}

export function cliText(locale: Locale): CliText {
  return { locale, t: locale === 'zh-Hans' ? zhHans : en, fmt: formatter(locale) };
}

export { cliLocale } from './cli-locale';
export type { CliCatalog } from './en';
