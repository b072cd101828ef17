// Every English word the window says about credit, in one place, so a language catalog can
// take it over whole (issue 17).
import type { CreditAmounts } from '../../../preload/contract';

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** $3.61, -$0.12, $1,234.50. */
export function formatUsd(amount: number): string {
  return usd.format(Math.abs(amount) < 0.005 ? 0 : amount);
}

/** "$3.61" or "unlimited"; null when the gateway did not say. */
export function remainingOf(credit: CreditAmounts): string | null {
  if (credit.unlimited) return CREDIT_TEXT.unlimited;
  return credit.remainingUsd === null ? null : formatUsd(credit.remainingUsd);
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export const CREDIT_TEXT = {
  unlimited: 'unlimited',
  title: 'Credit',
  left: (remaining: string) => `${remaining} left`,
  ofLimit: (limit: number) => `of ${formatUsd(limit)}`,
  used: (used: number) => `${formatUsd(used)} used`,
  checkedAt: (at: number) => `checked ${clock(at)}`,
  checking: 'Checking credit…',
  notChecked: 'Credit not checked yet.',
  failed: (message: string) => `Credit could not be checked: ${message}`,
  stale: (message: string) => `Could not update: ${message}`,
  refresh: 'Refresh',
  refreshLabel: 'Refresh credit',
  topUp: 'Top up…',
  topUpLabel: (host: string) => `Top up credit at ${host}`,
  threshold: 'Warn me when credit falls below ($)',
  thresholdHint: 'One notification when it drops below; 0 turns the warning off.',
  enterNumber: 'Enter an amount in dollars, or 0 for off.',
  /** Beside Create video. */
  billedWithCredit: (remaining: string) => `Each video is billed · credit ${remaining}`,
  billed: 'Each video is billed to your Pika account.',
  /** Under a generation refused for quota. */
  topUpAt: (host: string) => `Top up at ${host}`,
} as const;

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
