// Locale-aware formatting through Intl only: no hand-written plural rules, date formats or
// unit names. One `Formatter` per locale; the Intl objects are built once and reused.

import type { Locale } from './locale.js';

/** The Intl tag for each locale (Simplified Chinese as written in mainland China). */
export function intlTag(locale: Locale): string {
  return locale === 'zh-Hans' ? 'zh-Hans-CN' : 'en-US';
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formatter {
  readonly locale: Locale;
  /** 1,234.5 / 1,234.5 */
  number(n: number, maxFractionDigits?: number): string;
  /** 0.42 -> "42%" */
  percent(fraction: number): string;
  /** Bytes in binary steps (1 KB = 1024 B) with the locale's unit wording: "12.5 MB". */
  fileSize(bytes: number): string;
  /** A length of time in the largest fitting unit: "40 sec", "3 min", "1.5 hr" / "40秒", "3分钟". */
  duration(seconds: number): string;
  /** Video length, "4.2 sec" / "4.2秒"; minutes as "1:05". */
  clipLength(seconds: number): string;
  /** "2 minutes ago" / "2分钟前", "yesterday" / "昨天"; older than a month: the date. */
  relativeTime(then: number, now: number): string;
  /** Date and time: "Dec 4, 2026, 9:42 PM" / "2026年12月4日 21:42". */
  dateTime(ms: number): string;
  /** Time of day: "9:42 PM" / "21:42". */
  time(ms: number): string;
  /** Picks the form by Intl.PluralRules and puts the formatted count where `#` stands. */
  plural(n: number, forms: PluralForms): string;
}

const JUST_NOW: Record<Locale, string> = { en: 'just now', 'zh-Hans': '刚刚' };

const cache = new Map<Locale, Formatter>();

export function formatter(locale: Locale): Formatter {
  let f = cache.get(locale);
  if (!f) {
    f = makeFormatter(locale);
    cache.set(locale, f);
  }
  return f;
}

function makeFormatter(locale: Locale): Formatter {
  const tag = intlTag(locale);
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number): Intl.NumberFormat => {
    let nf = numbers.get(digits);
    if (!nf) {
      nf = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
      numbers.set(digits, nf);
    }
    return nf;
  };
  const units = new Map<string, Intl.NumberFormat>();
  const unit = (u: string, digits: number): Intl.NumberFormat => {
    const key = `${u}/${digits}`;
    let nf = units.get(key);
    if (!nf) {
      nf = new Intl.NumberFormat(tag, {
        style: 'unit',
        unit: u,
        unitDisplay: 'short',
        maximumFractionDigits: digits,
      });
      units.set(key, nf);
    }
    return nf;
  };
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'long' });
  const dateF = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const dateTimeF = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const timeF = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
  const rules = new Intl.PluralRules(tag);

  const duration = (seconds: number): string => {
    const s = Math.max(0, seconds);
    if (s < 60) return unit('second', 0).format(Math.round(s));
    if (s < 3600) return unit('minute', 0).format(Math.round(s / 60));
    if (s < 86400) return unit('hour', 1).format(s / 3600);
    return unit('day', 1).format(s / 86400);
  };

  return {
    locale,
    number: (n, digits = 2) => num(digits).format(n),
    percent: (fraction) => pct.format(fraction),
    fileSize(bytes) {
      // From kilobytes up: Intl's "byte" reads oddly ("500 byte"), 0.5 KB does not.
      const steps = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
      let v = Math.max(0, bytes) / 1024;
      let i = 0;
      while (v >= 1024 && i < steps.length - 1) {
        v /= 1024;
        i++;
      }
      return unit(steps[i]!, v >= 10 ? 0 : 1).format(v);
    },
    duration,
    clipLength(seconds) {
      if (seconds < 60) return unit('second', 1).format(Math.round(seconds * 10) / 10);
      const m = Math.floor(seconds / 60);
      const s = Math.round(seconds % 60);
      return `${num(0).format(m)}:${String(s).padStart(2, '0')}`;
    },
    relativeTime(then, now) {
      const s = Math.max(0, Math.round((now - then) / 1000));
      if (s < 45) return JUST_NOW[locale];
      const m = Math.round(s / 60);
      if (m < 60) return rel.format(-m, 'minute');
      const h = Math.round(m / 60);
      if (h < 24) return rel.format(-h, 'hour');
      const d = Math.round(h / 24);
      if (d < 30) return rel.format(-d, 'day');
      return dateF.format(then);
    },
    dateTime: (ms) => dateTimeF.format(ms),
    time: (ms) => timeF.format(ms),
    plural(n, forms) {
      const form = forms[rules.select(n)] ?? forms.other;
      return form.replace('#', num(2).format(n));
    },
  };
}
