// Credit words: the tray line (core/text), why a gateway offers no credit route (the
// messages catalog; the quota refusal is there too, under generate), the CLI's in cli/i18n.
import { ENGLISH, type MainText } from '../text';
import { renderMessage, say } from '../text/message-ref';
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

/** Why a gateway offers no credit, in English (log, CLI); the catalog holds both languages. */
export const CREDIT_TEXT = {
  notOffered: {
    status: (status: number) => renderMessage(say('credit.noRoute', status), 'en'),
    redirect: renderMessage(say('credit.redirect'), 'en'),
    webPage: renderMessage(say('credit.webPage'), 'en'),
    notJson: renderMessage(say('credit.notJson'), 'en'),
    shape: (problem: string) => renderMessage(say('credit.shape', problem), 'en'),
    refused: (said: string | undefined) =>
      renderMessage(said ? say('credit.refusedSaying', said) : say('credit.refused'), 'en'),
  },
} as const;
