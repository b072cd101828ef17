// Every English word main says about credit (tray, tooltip, notification, command line,
// refusals), in one place so a language catalog can take it over whole (issue 17).
import type { CreditAmounts, CreditView } from './types';

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** $3.61, -$0.12, $1,234.50. */
export function formatUsd(amount: number): string {
  // -0.004 rounds to "-$0.00": show it as $0.00.
  return usd.format(Math.abs(amount) < 0.005 ? 0 : amount);
}

/** What is left in a few characters: "$3.61" or "unlimited"; null when unknown. */
export function remainingText(credit: CreditAmounts): string | null {
  if (credit.unlimited) return 'unlimited';
  return credit.remainingUsd === null ? null : formatUsd(credit.remainingUsd);
}

/** The tray's credit line for a view: shown while a reading is known (even if a later one failed). */
export function trayLineOf(view: CreditView): string | null {
  if (view.status === 'hidden' || view.status === 'none' || view.credit === null) return null;
  return CREDIT_TEXT.trayLine(view.credit);
}

export const CREDIT_TEXT = {
  notOffered: {
    status: (status: number) => `the gateway has no billing route (HTTP ${status})`,
    redirect: 'the gateway redirects its billing route elsewhere',
    webPage: 'the gateway answers its billing route with a web page',
    notJson: "the gateway's billing answer is not JSON",
    shape: (problem: string) => `the gateway's billing answer has an unknown shape (${problem})`,
    refused: (said: string | undefined) =>
      said
        ? `the gateway refused its billing route: "${said}"`
        : 'the gateway refused its billing route',
  },
  /** The tray menu's line (disabled item) and the tooltip's last line. */
  trayLine: (credit: CreditAmounts): string | null => {
    const left = remainingText(credit);
    return left === null ? null : `Credit: ${left}`;
  },
  lowNotification: {
    title: 'Pika credit is running low',
    body: (remaining: string, threshold: string) =>
      `${remaining} left on this token (below your ${threshold} warning). Top it up before the next video is refused.`,
  },
  quotaRefusal: (host: string | null) =>
    host
      ? `Not created: your credit on ${host} has run out. Top it up, then try again.`
      : 'Not created: your credit with the gateway has run out. Top it up, then try again.',
  cli: {
    limit: 'Limit',
    used: 'Used',
    remaining: 'Remaining',
    unlimited: 'unlimited',
    unknown: 'not reported',
    notOffered: (host: string, reason: string) =>
      `${host} does not report the token's credit (${reason}).`,
    rejectedHint: 'Set PIKA_TOKEN (or pass --token) to a valid API token.',
  },
} as const;
