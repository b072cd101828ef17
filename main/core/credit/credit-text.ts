// Credit words still in English: why a gateway offers no credit route and the quota refusal
// (tray line and low-credit notification are in core/text, the CLI's in cli/i18n).
import { ENGLISH, type MainText } from '../text';
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
export function remainingText(credit: CreditAmounts, text: MainText = ENGLISH): string | null {
  if (credit.unlimited) return text.t.menu.unlimited;
  return credit.remainingUsd === null ? null : formatUsd(credit.remainingUsd);
}

/** The tray's credit line for a view: shown while a reading is known (even if a later one failed). */
export function trayLineOf(view: CreditView, text: MainText = ENGLISH): string | null {
  if (view.status === 'hidden' || view.status === 'none' || view.credit === null) return null;
  const left = remainingText(view.credit, text);
  return left === null ? null : text.t.menu.credit(left);
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
  quotaRefusal: (host: string | null) =>
    host
      ? `Not created: your credit on ${host} has run out. Top it up, then try again.`
      : 'Not created: your credit with the gateway has run out. Top it up, then try again.',
} as const;
