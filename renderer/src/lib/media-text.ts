// The English words of posters, progress, previews and the layout toggle, in one place so
// they can move into the language catalogs as they are (issue 17). Numbers and times go
// through Intl, so a catalog only has to change LOCALE and the sentences.
export const LOCALE = 'en';

export const MEDIA_TEXT = {
  queued: 'Queued',
  generating: 'Generating',
  waitingInQueue: 'Waiting in queue',
  almostDone: 'almost done',
  /** "about 40 sec left"; the grid's narrow tiles use the short form, "40 sec left". */
  timeLeft: (amount: string, short: boolean) => (short ? `${amount} left` : `about ${amount} left`),
  // The card around it is labelled with the prompt; kept short so it names only this.
  playPreview: 'Preview video',
  previewHint: 'Hover or focus to preview; click for sound',
  soundOn: 'Playing with sound (click to stop)',
  layoutLabel: 'Layout',
  layoutList: 'List',
  layoutGrid: 'Grid',
} as const;

const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const seconds = new Intl.NumberFormat(LOCALE, {
  style: 'unit',
  unit: 'second',
  unitDisplay: 'short',
  maximumFractionDigits: 0,
});
const minutes = new Intl.NumberFormat(LOCALE, {
  style: 'unit',
  unit: 'minute',
  unitDisplay: 'short',
  maximumFractionDigits: 0,
});

/** 42.4 → "42%". */
export function formatPercent(value: number): string {
  return percent.format(Math.max(0, Math.min(100, value)) / 100);
}

/** What is left of a predicted finish: "about 40 sec left", "about 3 min left", or "almost done". */
export function formatTimeLeft(finishAt: number, now: number, short = false): string {
  const left = (finishAt - now) / 1000;
  if (left < 5) return MEDIA_TEXT.almostDone;
  // Rounded coarser as it grows: an estimate should not pretend to be exact.
  if (left < 60) return MEDIA_TEXT.timeLeft(seconds.format(Math.ceil(left / 5) * 5), short);
  return MEDIA_TEXT.timeLeft(minutes.format(Math.round(left / 60)), short);
}
