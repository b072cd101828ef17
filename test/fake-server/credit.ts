// The billing routes of the gateway family (pika-api.md, "The token's credit"), answered
// from the credit a test chose: the shapes api.gpt.ge documents, the balance_usd variant,
// and the ways a gateway without them answers.
import { htmlErrorPage, openAiError } from './responses';
import type { FakeCredit } from './types';

export const SUBSCRIPTION = '/v1/dashboard/billing/subscription';
export const USAGE = '/v1/dashboard/billing/usage';
export const UNLIMITED_MARKER = 100_000_000;

export function isCreditPath(path: string): boolean {
  return path === SUBSCRIPTION || path === USAGE;
}

interface Answer {
  status: number;
  body: string;
  type: string;
}

const json = (value: unknown): Answer => ({
  status: 200,
  body: JSON.stringify(value),
  type: 'application/json',
});

function subscription(limit: number, extra: Record<string, unknown> = {}): Answer {
  return json({
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: limit,
    hard_limit_usd: limit,
    system_hard_limit_usd: limit,
    access_until: 0,
    ...extra,
  });
}

/** total_usage is in hundredths of a dollar. */
function usage(usedUsd: number): Answer {
  return json({ object: 'list', total_usage: Math.round(usedUsd * 100 * 10_000) / 10_000 });
}

export function creditAnswer(credit: FakeCredit, path: string): Answer {
  const isUsage = path === USAGE;
  switch (credit.kind) {
    case 'limit':
      return isUsage ? usage(credit.usedUsd) : subscription(credit.limitUsd);
    case 'unlimited':
      return isUsage ? usage(credit.usedUsd ?? 0) : subscription(UNLIMITED_MARKER);
    case 'balance':
      return isUsage
        ? usage(credit.usedUsd)
        : subscription(credit.limitUsd, {
            status: 'normal',
            used_usd: credit.usedUsd,
            balance_usd: credit.balanceUsd,
            expire_at: '1970-01-01',
          });
    case 'not-found':
      return { status: 404, body: '404 page not found', type: 'text/plain; charset=utf-8' };
    case 'html':
      // A gateway's web console answers unknown paths with its single-page app, status 200.
      return {
        status: 200,
        body: '<!doctype html><html><head><title>Console</title></head><body><div id="root"></div></body></html>',
        type: 'text/html; charset=utf-8',
      };
    case 'odd-shape':
      return json({ code: 0, data: { quota: 500000, used: 12 }, msg: 'ok' });
    case 'no-usage':
      return isUsage
        ? { status: 404, body: '404 page not found', type: 'text/plain; charset=utf-8' }
        : subscription(credit.limitUsd);
    case 'answer':
      return { status: credit.status, body: credit.body, type: 'application/json' };
    case 'server-error': {
      const status = credit.status ?? 502;
      return status === 502
        ? { status, body: htmlErrorPage(status), type: 'text/html; charset=utf-8' }
        : {
            status,
            body: openAiError('upstream error', 'new_api_error', 'upstream_error'),
            type: 'application/json',
          };
    }
  }
}
