// Credit amounts and words: the catalogs' `credit` group (renderer/src/i18n), in the current
// language. Dollars stay dollars (the gateway bills in USD), written the locale's way.
import type { CreditAmounts } from '../../../preload/contract';
import type { Messages } from '../i18n/en';
import { fmt, messages } from '../i18n/i18n';

const usdFormats = new Map<string, Intl.NumberFormat>();
function usdFormat(): Intl.NumberFormat {
  const locale = fmt().locale === 'zh-Hans' ? 'zh-Hans-CN' : 'en-US';
  let f = usdFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    usdFormats.set(locale, f);
  }
  return f;
}

/** $3.61, -$0.12, $1,234.50. */
export function formatUsd(amount: number): string {
  return usdFormat().format(Math.abs(amount) < 0.005 ? 0 : amount);
}

/** "$3.61" or "unlimited"; null when the gateway did not say. */
export function remainingOf(credit: CreditAmounts): string | null {
  if (credit.unlimited) return CREDIT_TEXT.unlimited;
  return credit.remainingUsd === null ? null : formatUsd(credit.remainingUsd);
}

/** The current language's credit words (read at render time; components call useT()). */
export const CREDIT_TEXT: Messages['credit'] = new Proxy({} as Messages['credit'], {
  get: (_target, key) => messages().credit[key as keyof Messages['credit']],
});

/** A time of day in the window's language. */
export function clock(at: number): string {
  return fmt().time(at);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
