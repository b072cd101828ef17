// The words of posters, progress, previews and the layout toggle: the catalogs' `media`
// group (renderer/src/i18n), read in the current language. Numbers and times go through Intl.
import { fmt, messages } from '../i18n/i18n';
import type { Messages } from '../i18n/en';

/** The current language's media words (read at render time; components call useT()). */
export const MEDIA_TEXT: Messages['media'] = new Proxy({} as Messages['media'], {
  get: (_target, key) => messages().media[key as keyof Messages['media']],
});

/** 42.4 → "42%". */
export function formatPercent(value: number): string {
  return fmt().percent(Math.max(0, Math.min(100, value)) / 100);
}

/** What is left of a predicted finish: "about 40 sec left", "about 3 min left", or "almost done". */
export function formatTimeLeft(finishAt: number, now: number, short = false): string {
  const left = (finishAt - now) / 1000;
  const m = messages().media;
  if (left < 5) return m.almostDone;
  // Rounded coarser as it grows: an estimate should not pretend to be exact.
  const rounded = left < 60 ? Math.ceil(left / 5) * 5 : Math.round(left / 60) * 60;
  return m.timeLeft(fmt().duration(rounded), short);
}
