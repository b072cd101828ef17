// What the gateway says the token has left, as the app, the tray and the command line use it.

/** Dollar amounts of one reading; null where the gateway did not say. */
export interface CreditAmounts {
  /** The token's quota (hard limit); null when unlimited or unknown. */
  limitUsd: number | null;
  /** Spent so far; null when the gateway did not say. */
  usedUsd: number | null;
  /** What is left: balance_usd when given, else limit − used; null when unlimited. */
  remainingUsd: number | null;
  /** The gateway's unlimited marker (100000000) was the limit. */
  unlimited: boolean;
}

/** One attempt to read the credit: amounts, or the gateway does not offer it. */
export type CreditReading =
  ({ offered: true } & CreditAmounts) | { offered: false; reason: string };

/**
 * What main shows and sends to the renderer. The token is never part of it.
 * - `none`: no token, or not asked yet.
 * - `hidden`: the gateway does not offer credit (404, a web page, an unknown shape).
 * - `known`: `credit` holds the last reading.
 * - `error`: the last attempt failed (`message`); `credit` keeps the reading before it, if any.
 */
export interface CreditView {
  status: 'none' | 'hidden' | 'known' | 'error';
  credit: CreditAmounts | null;
  /** Epoch ms of the reading in `credit`. */
  checkedAt: number | null;
  message: string | null;
  /**
   * `message` as data (a MessageRef of core/text, when the error had one): main renders it
   * in the window's language and leaves it out of what the window gets.
   */
  ref?: { readonly key: string; readonly args: readonly unknown[] };
  /** The gateway's top-up page when the base URL is a known gateway. */
  topUpUrl: string | null;
  /** A request is on its way. */
  refreshing: boolean;
}

export const NO_CREDIT_VIEW: CreditView = {
  status: 'none',
  credit: null,
  checkedAt: null,
  message: null,
  topUpUrl: null,
  refreshing: false,
};
